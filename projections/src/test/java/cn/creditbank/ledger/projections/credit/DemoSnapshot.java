package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.CertificateLevel;
import cn.creditbank.ledger.core.catalogue.DefineConversionRule;
import cn.creditbank.ledger.core.catalogue.DefineGradeLadder;
import cn.creditbank.ledger.core.catalogue.DefineProgramme;
import cn.creditbank.ledger.core.catalogue.DefineUnit;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;
import java.util.HashMap;

/** The demo catalogue as a snapshot, and outcomes judged against it, for calculation tests without a database. */
final class DemoSnapshot {

    static final CatalogueSnapshot CATALOGUE = build();

    private DemoSnapshot() {
    }

    private static CatalogueSnapshot build() {
        var units = new HashMap<UnitCode, Versioned<UnitDefinition>>();
        var programmes = new HashMap<cn.creditbank.ledger.core.shared.ProgrammeCode,
                Versioned<cn.creditbank.ledger.core.catalogue.ProgrammeDefinition>>();
        var rules = new HashMap<cn.creditbank.ledger.core.shared.RuleId,
                Versioned<cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition>>();
        var ladders = new HashMap<cn.creditbank.ledger.core.shared.LadderCode,
                Versioned<cn.creditbank.ledger.core.catalogue.GradeLadderDefinition>>();
        for (Object command : DemoCatalogue.commands("test")) {
            if (command instanceof DefineUnit u) {
                units.put(u.code(), new Versioned<>(1, u.definition()));
            } else if (command instanceof DefineProgramme p) {
                programmes.put(p.code(), new Versioned<>(1, p.definition()));
            } else if (command instanceof DefineConversionRule r) {
                rules.put(r.ruleId(), new Versioned<>(1, r.definition()));
            } else if (command instanceof DefineGradeLadder l) {
                ladders.put(l.code(), new Versioned<>(1, l.definition()));
            }
        }
        return new CatalogueSnapshot(units, programmes, rules, ladders);
    }

    static OutcomeView certificate(String id, String unit, String issuer, String level, String date) {
        UnitDefinition definition = CATALOGUE.units().get(UnitCode.of(unit)).definition();
        LocalDate awarded = LocalDate.parse(date);
        Credits credits = definition.level(level).map(CertificateLevel::credits).orElseThrow();
        return new OutcomeView(OutcomeId.of(id), UnitKind.CERTIFICATE, UnitCode.of(unit), InstitutionCode.of(issuer),
                awarded, null, level, true, credits, definition.certificateValidUntil(awarded), false, null);
    }

    static OutcomeView scored(String id, String unit, String issuer, int score, String date) {
        UnitDefinition definition = CATALOGUE.units().get(UnitCode.of(unit)).definition();
        boolean passed = score >= definition.effectivePassMark().intValue();
        return new OutcomeView(OutcomeId.of(id), definition.kind(), UnitCode.of(unit), InstitutionCode.of(issuer),
                LocalDate.parse(date), Score.of(score), null, passed,
                passed ? definition.creditsPerPass() : Credits.ZERO, null, false, null);
    }
}

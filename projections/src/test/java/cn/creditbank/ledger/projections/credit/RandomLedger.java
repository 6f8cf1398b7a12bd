package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.Award;
import cn.creditbank.ledger.core.catalogue.CertificateLevel;
import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.Period;
import cn.creditbank.ledger.core.catalogue.ProgrammeCourse;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.TransferPolicy;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Random but well-formed catalogues and histories for the property tests: a programme of courses at institution
 * HOME, a unit pool (its courses, modules and exams elsewhere, a three-level certificate), rules between them,
 * and outcomes of those units with random dates, scores, levels, voids, revocations and validity.
 */
final class RandomLedger {

    static final ProgrammeCode PROGRAMME = ProgrammeCode.of("P");
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final InstitutionCode HOME = InstitutionCode.of("HOME");
    private static final InstitutionCode OTHER = InstitutionCode.of("OTHER");
    private static final UnitCode CERT = UnitCode.of("CERT");
    private static final List<String> LEVELS = List.of("L1", "L2", "L3");
    private static final List<UnitCode> SOURCES = List.of(UnitCode.of("MOD-1"), UnitCode.of("MOD-2"),
            UnitCode.of("EXAM-1"), CERT);

    record Scenario(CatalogueSnapshot catalogue, List<OutcomeView> outcomes) {
    }

    private RandomLedger() {
    }

    static Arbitrary<Scenario> scenarios() {
        Arbitrary<List<ProgrammeCourse>> courses = course().list().ofMinSize(1).ofMaxSize(8)
                .map(RandomLedger::numbered);
        return courses.flatMap(programmeCourses -> Combinators.combine(
                        programme(programmeCourses), rules(programmeCourses), outcomes(programmeCourses))
                .as((programme, rules, outcomes) -> new Scenario(catalogue(programme, rules), outcomes)));
    }

    private static Arbitrary<ProgrammeCourse> course() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 4))
                .as((credits, compulsory, exemptable) -> new ProgrammeCourse(UnitCode.of("C0"), "课程",
                        Credits.of(credits.toString()), compulsory, exemptable > 0));
    }

    private static List<ProgrammeCourse> numbered(List<ProgrammeCourse> courses) {
        List<ProgrammeCourse> numbered = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            ProgrammeCourse c = courses.get(i);
            numbered.add(new ProgrammeCourse(UnitCode.of("C" + i), c.title(), c.credits(), c.compulsory(), c.exemptable()));
        }
        return numbered;
    }

    private static Arbitrary<ProgrammeDefinition> programme(List<ProgrammeCourse> courses) {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 80))
                .as((required, sharePercent, recency, minScore) -> new ProgrammeDefinition(HOME, "专业", null,
                        Award.DIPLOMA, Credits.of(required.toString()), courses,
                        new TransferPolicy(BigDecimal.valueOf(sharePercent, 2), recency, BigDecimal.valueOf(minScore))));
    }

    private static Arbitrary<List<ConversionRuleDefinition>> rules(List<ProgrammeCourse> courses) {
        Arbitrary<List<UnitCode>> targets = Arbitraries.of(courses).map(ProgrammeCourse::code).set()
                .ofMinSize(1).ofMaxSize(Math.min(3, courses.size())).map(List::copyOf);
        Arbitrary<ConversionRuleDefinition> rule = Combinators.combine(Arbitraries.of(SOURCES), targets,
                        Arbitraries.integers().between(0, 90), Arbitraries.integers().between(2018, 2027),
                        Arbitraries.of(LEVELS))
                .as((source, target, minScore, fromYear, level) -> new ConversionRuleDefinition(PROGRAMME, source,
                        source.equals(CERT) ? level : null,
                        source.equals(CERT) || minScore < 30 ? null : BigDecimal.valueOf(minScore), target,
                        Period.from(LocalDate.of(fromYear, 1, 1))));
        return rule.list().ofMaxSize(6);
    }

    private static Arbitrary<List<OutcomeView>> outcomes(List<ProgrammeCourse> courses) {
        List<UnitCode> units = new ArrayList<>(SOURCES);
        courses.forEach(c -> units.add(c.code()));
        Arbitrary<OutcomeView> outcome = Combinators.combine(Arbitraries.of(units), Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 3000), Arbitraries.of(LEVELS),
                        Arbitraries.integers().between(0, 9), Arbitraries.of(true, false), Arbitraries.integers().between(1, 5))
                .as((unit, score, daysBack, level, fate, home, credits) -> outcome(unit, score, daysBack, level, fate,
                        home, credits));
        return outcome.list().ofMaxSize(12).map(RandomLedger::withIds);
    }

    private static OutcomeView outcome(UnitCode unit, int score, int daysBack, String level, int fate, boolean home,
                                       int credits) {
        LocalDate date = AS_OF.minusDays(daysBack - 200L); // some dated after AS_OF
        boolean certificate = unit.equals(CERT);
        boolean passed = certificate || score >= 60;
        return new OutcomeView(OutcomeId.of("X"), certificate ? UnitKind.CERTIFICATE : UnitKind.MODULE, unit,
                home ? HOME : OTHER, date, certificate ? null : Score.of(score), certificate ? level : null, passed,
                passed ? Credits.of(Integer.toString(credits)) : Credits.ZERO,
                certificate ? date.plusYears(3).minusDays(1) : null, fate == 0,
                certificate && fate == 1 ? date.plusDays(100) : null);
    }

    private static List<OutcomeView> withIds(List<OutcomeView> outcomes) {
        List<OutcomeView> numbered = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeView o = outcomes.get(i);
            numbered.add(new OutcomeView(OutcomeId.of("O" + i), o.kind(), o.unitCode(), o.issuer(), o.date(), o.score(),
                    o.level(), o.passed(), o.credits(), o.validUntil(), o.voided(), o.revokedOn()));
        }
        return numbered;
    }

    private static CatalogueSnapshot catalogue(ProgrammeDefinition programme, List<ConversionRuleDefinition> rules) {
        Map<UnitCode, Versioned<UnitDefinition>> units = new HashMap<>();
        units.put(CERT, new Versioned<>(1, new UnitDefinition(OTHER, UnitKind.CERTIFICATE, "证书", null, null, null, null,
                LEVELS.stream().map(l -> new CertificateLevel(l, Credits.of("2"))).toList(), 3, null)));
        Map<RuleId, Versioned<ConversionRuleDefinition>> ruleMap = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleMap.put(RuleId.of("R" + i), new Versioned<>(1, rules.get(i)));
        }
        return new CatalogueSnapshot(units, Map.of(PROGRAMME, new Versioned<>(1, programme)), ruleMap, Map.of());
    }
}

package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.GradeLadderDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.util.Map;

/**
 * The catalogue as the bank knew it at some instant (knownAt): the latest version of every item defined by then.
 * Whether a rule is in effect on a date (valid time) is the rule's own business ({@code effective}).
 */
public record CatalogueSnapshot(Map<UnitCode, Versioned<UnitDefinition>> units,
                                Map<ProgrammeCode, Versioned<ProgrammeDefinition>> programmes,
                                Map<RuleId, Versioned<ConversionRuleDefinition>> rules,
                                Map<LadderCode, Versioned<GradeLadderDefinition>> ladders) {

    public CatalogueSnapshot {
        units = Map.copyOf(units);
        programmes = Map.copyOf(programmes);
        rules = Map.copyOf(rules);
        ladders = Map.copyOf(ladders);
    }
}

package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.RuleId;

/** A fact that version {@code version} of a conversion rule was defined, with its whole definition. */
public record ConversionRuleDefined(RuleId ruleId, int version, ConversionRuleDefinition definition, String recordedBy)
        implements CatalogueItemDefined<ConversionRuleDefinition> {

    @Override
    public CatalogueKind kind() {
        return CatalogueKind.RULE;
    }

    @Override
    public String itemCode() {
        return ruleId.value();
    }
}

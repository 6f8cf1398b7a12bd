package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace a conversion rule; answers the version now current. */
public record DefineConversionRule(@TargetAggregateIdentifier RuleId ruleId, ConversionRuleDefinition definition, String recordedBy) {

    public DefineConversionRule {
        Require.present(ruleId, "ruleId");
        Require.present(definition, "definition");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}

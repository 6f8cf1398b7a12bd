package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace a skill-grade ladder; answers the version now current. */
public record DefineGradeLadder(@TargetAggregateIdentifier LadderCode code, GradeLadderDefinition definition, String recordedBy) {

    public DefineGradeLadder {
        Require.present(code, "code");
        Require.present(definition, "definition");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}

package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace a learning unit; answers the version now current. */
public record DefineUnit(@TargetAggregateIdentifier UnitCode code, UnitDefinition definition, String recordedBy) {

    public DefineUnit {
        Require.present(code, "code");
        Require.present(definition, "definition");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}

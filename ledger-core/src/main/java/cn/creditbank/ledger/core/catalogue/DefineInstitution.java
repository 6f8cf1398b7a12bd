package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace an institution; answers the version now current. */
public record DefineInstitution(@TargetAggregateIdentifier InstitutionCode code, InstitutionDefinition definition, String recordedBy) {

    public DefineInstitution {
        Require.present(code, "code");
        Require.present(definition, "definition");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}

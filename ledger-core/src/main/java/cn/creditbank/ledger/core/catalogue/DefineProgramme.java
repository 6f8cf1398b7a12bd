package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace a programme; answers the version now current. */
public record DefineProgramme(@TargetAggregateIdentifier ProgrammeCode code, ProgrammeDefinition definition, String recordedBy) {

    public DefineProgramme {
        Require.present(code, "code");
        Require.present(definition, "definition");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}

package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** An institution (院校/机构) and its accreditation. Its accredited unit codes may name units defined later. */
public class Institution extends VersionedDefinition<InstitutionDefinition> {

    @AggregateIdentifier
    private InstitutionCode code;

    protected Institution() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineInstitution command) {
        return define(command.definition(),
                version -> new InstitutionDefined(command.code(), version, command.definition(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(InstitutionDefined event) {
        code = event.code();
        remember(event);
    }
}

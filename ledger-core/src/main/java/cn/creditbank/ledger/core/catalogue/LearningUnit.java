package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A learning unit (学习成果单元); its issuer must be a known institution. */
public class LearningUnit extends VersionedDefinition<UnitDefinition> {

    @AggregateIdentifier
    private UnitCode code;

    protected LearningUnit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineUnit command, Catalogue catalogue) {
        new CatalogueReferences(catalogue).assertInstitutionExists(command.definition().issuer());
        return define(command.definition(),
                version -> new UnitDefined(command.code(), version, command.definition(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(UnitDefined event) {
        code = event.code();
        remember(event);
    }
}

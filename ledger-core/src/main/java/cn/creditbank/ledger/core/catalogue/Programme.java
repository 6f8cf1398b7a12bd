package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ProgrammeCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A programme (专业 / 微专业); its institution and every course must be in the catalogue. */
public class Programme extends VersionedDefinition<ProgrammeDefinition> {

    @AggregateIdentifier
    private ProgrammeCode code;

    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineProgramme command, Catalogue catalogue) {
        var references = new CatalogueReferences(catalogue);
        ProgrammeDefinition definition = command.definition();
        references.assertInstitutionExists(definition.institution());
        definition.courses().forEach(course -> references.assertUnitExists(course.code()));
        return define(definition,
                version -> new ProgrammeDefined(command.code(), version, definition, command.recordedBy()));
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        code = event.code();
        remember(event);
    }
}

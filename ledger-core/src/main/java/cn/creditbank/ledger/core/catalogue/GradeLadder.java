package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.LadderCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A skill-grade ladder (技能等级); every certificate it requires must exist with the named level. */
public class GradeLadder extends VersionedDefinition<GradeLadderDefinition> {

    @AggregateIdentifier
    private LadderCode code;

    protected GradeLadder() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineGradeLadder command, Catalogue catalogue) {
        var references = new CatalogueReferences(catalogue);
        command.definition().grades().stream()
                .flatMap(grade -> grade.requirements().stream())
                .filter(requirement -> requirement.type() == GradeRequirement.Type.CERTIFICATE_AT_LEAST)
                .forEach(requirement -> references.assertCertificateLevel(requirement.unit(), requirement.level()));
        return define(command.definition(),
                version -> new GradeLadderDefined(command.code(), version, command.definition(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(GradeLadderDefined event) {
        code = event.code();
        remember(event);
    }
}

package cn.creditbank.ledger.core.catalogue;

import java.util.function.IntFunction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * State and behaviour shared by the catalogue aggregates: each "define" command stores a new version, unless it
 * repeats the current definition, in which case nothing is recorded (a PUT retried is not a new version).
 */
abstract class VersionedDefinition<D> {

    private int version;
    private D definition;

    /** Applies the event for the next version if the candidate differs; answers the version now current. */
    protected int define(D candidate, IntFunction<CatalogueItemDefined<D>> eventForVersion) {
        if (!candidate.equals(definition)) {
            apply(eventForVersion.apply(version + 1));
        }
        return version;
    }

    protected void remember(CatalogueItemDefined<D> event) {
        this.version = event.version();
        this.definition = event.definition();
    }
}

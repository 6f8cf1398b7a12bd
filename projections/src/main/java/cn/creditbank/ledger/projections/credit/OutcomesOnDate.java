package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A learner's outcomes seen on one date (valid time): which happened by then and still count. The one place
 * that says what "counts" means, shared by the balance and the grade ladders.
 */
final class OutcomesOnDate {

    private final List<OutcomeView> outcomes;
    private final LocalDate asOf;

    OutcomesOnDate(List<OutcomeView> outcomes, LocalDate asOf) {
        this.outcomes = outcomes;
        this.asOf = asOf;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** Dated on or before asOf and not voided: it happened, whatever became of it. */
    boolean happened(OutcomeView outcome) {
        return !outcome.voided() && !outcome.date().isAfter(asOf);
    }

    boolean revoked(OutcomeView outcome) {
        return outcome.revokedBy(asOf);
    }

    boolean expired(OutcomeView outcome) {
        return outcome.expiredBy(asOf);
    }

    /** Its credits are in the accumulated total: it happened and was not revoked by asOf (expiry does not matter). */
    boolean counts(OutcomeView outcome) {
        return happened(outcome) && !revoked(outcome);
    }

    /** A certificate that may be shown as held on asOf. */
    boolean active(OutcomeView outcome) {
        return counts(outcome) && !expired(outcome);
    }

    List<OutcomeView> counting() {
        return outcomes.stream().filter(this::counts).toList();
    }

    Credits creditsOf(Set<UnitKind> kinds) {
        return counting().stream().filter(o -> kinds.contains(o.kind())).map(OutcomeView::credits)
                .reduce(Credits.ZERO, Credits::plus);
    }

    List<OutcomeView> all() {
        return outcomes;
    }
}

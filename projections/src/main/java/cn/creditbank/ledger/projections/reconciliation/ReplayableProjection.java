package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The projections that can be replayed into a scratch schema, with their tables.
 * <p>
 * <b>The live model as it stood at knownAt.</b> A replay at knownAt feeds only events with a timestamp at or before
 * it. Every value the projections write comes from events, and every change carries its event's timestamp, so the
 * same rows can be read off the live tables without a replay: a row exists at T when the event that inserted it is
 * known at T (its timestamp column {@code <= T}), and a column changed by a later event is shown as before that event.
 * <ul>
 *   <li>{@code learner_account}: rows with {@code opened_at <= T}.</li>
 *   <li>{@code outcome_version}: rows with {@code known_from <= T}; {@code known_until} cleared when after T (the
 *   closing event was not yet known).</li>
 *   <li>{@code transfer_application}: rows with {@code applied_at <= T}; a decision after T is undone (status
 *   PENDING, decision columns cleared); an approval is AFFECTED at T only when an approved course's source outcome
 *   was withdrawn at or before T (the projection marks it on the approval or on the withdrawal, whichever is later).</li>
 *   <li>{@code transfer_course}, {@code transfer_rule}: rows of applications applied by T; a course approved after T
 *   is not approved yet.</li>
 *   <li>{@code transfer_affected}: inserted when both the application and the withdrawal are known, so rows with
 *   {@code affected_at} (the withdrawal's time) {@code <= T} of applications applied by T.</li>
 *   <li>{@code transfer_outcome_withdrawal}: rows with {@code withdrawn_at <= T}.</li>
 * </ul>
 * This holds exactly while event timestamps follow the global order (two commands committed within the same
 * millisecond on different aggregates could in principle be stored in the other order).
 */
public enum ReplayableProjection {

    OUTCOME_HISTORY(ProjectionProcessors.OUTCOME_HISTORY, List.of(
            new ReadModelTable("learner_account", List.of("learner_id"), List.of("learner_id"),
                    "x.opened_at <= {knownAt}", Map.of()),
            new ReadModelTable("outcome_version", List.of("learner_id", "event_sequence"),
                    List.of("learner_id", "outcome_id", "event_sequence"), "x.known_from <= {knownAt}",
                    Map.of("known_until", "CASE WHEN x.known_until <= {knownAt} THEN x.known_until END")))),

    TRANSFERS(ProjectionProcessors.TRANSFERS, List.of(
            new ReadModelTable("transfer_application", List.of("transfer_id"), List.of("transfer_id"),
                    "x.applied_at <= {knownAt}", Map.of(
                    "status", """
                            CASE WHEN x.decided_at IS NULL OR x.decided_at > {knownAt} THEN 'PENDING'
                                 WHEN x.status = 'REJECTED' THEN 'REJECTED'
                                 WHEN EXISTS (SELECT 1 FROM transfer_course c
                                              JOIN transfer_affected f ON f.transfer_id = c.transfer_id
                                                                      AND f.outcome_id = c.outcome_id
                                              WHERE c.transfer_id = x.transfer_id AND c.approved
                                                AND c.approved_at <= {knownAt} AND f.affected_at <= {knownAt})
                                     THEN 'AFFECTED'
                                 ELSE 'APPROVED' END""",
                    "decided_at", decidedBy("x.decided_at"),
                    "decided_by", decidedBy("x.decided_by"),
                    "decision_recorded_by", decidedBy("x.decision_recorded_by"),
                    "reason", decidedBy("x.reason"))),
            new ReadModelTable("transfer_course", List.of("transfer_id", "course_code"),
                    List.of("transfer_id", "course_code"), appliedBy("x.transfer_id"), Map.of(
                    "approved", "coalesce(x.approved AND x.approved_at <= {knownAt}, FALSE)",
                    "approved_at", "CASE WHEN x.approved_at <= {knownAt} THEN x.approved_at END")),
            new ReadModelTable("transfer_rule", List.of("transfer_id", "rule_id", "rule_version"),
                    List.of("transfer_id", "rule_id", "rule_version"), appliedBy("x.transfer_id"), Map.of()),
            new ReadModelTable("transfer_affected", List.of("transfer_id", "outcome_id", "cause"),
                    List.of("transfer_id", "outcome_id", "cause"),
                    "x.affected_at <= {knownAt} AND " + appliedBy("x.transfer_id"), Map.of()),
            new ReadModelTable("transfer_outcome_withdrawal", List.of("learner_id", "outcome_id", "cause"),
                    List.of("learner_id", "outcome_id", "cause"), "x.withdrawn_at <= {knownAt}", Map.of())));

    private final String processingGroup;
    private final List<ReadModelTable> tables;

    ReplayableProjection(String processingGroup, List<ReadModelTable> tables) {
        this.processingGroup = processingGroup;
        this.tables = tables;
    }

    public static ReplayableProjection named(String name) {
        return Arrays.stream(values()).filter(p -> p.processingGroup.equals(name)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED, "unknown projection '" + name
                        + "'; known: " + Arrays.stream(values()).map(ReplayableProjection::processingGroup)
                        .collect(Collectors.joining(", ")), "projection"));
    }

    public String processingGroup() {
        return processingGroup;
    }

    public List<ReadModelTable> tables() {
        return tables;
    }

    private static String decidedBy(String column) {
        return "CASE WHEN x.decided_at <= {knownAt} THEN " + column + " END";
    }

    private static String appliedBy(String transferColumn) {
        return "EXISTS (SELECT 1 FROM transfer_application a WHERE a.transfer_id = " + transferColumn
                + " AND a.applied_at <= {knownAt})";
    }
}

package cn.creditbank.ledger.projections.audit;

import java.time.Instant;

/**
 * Which chained events an audit export writes; every part is optional (null) except the resume point and the limit.
 *
 * @param learnerId     events of the learner's own stream, and events whose payload names the learner
 *                      ({@code learnerId}, as transfer applications do)
 * @param institution   events whose metadata names the institution the caller acted for, or whose payload names
 *                      it as {@code issuer} or {@code institution}
 * @param from          recorded at or after this instant
 * @param to            recorded before this instant
 * @param afterSequence only links with a larger chain sequence: an export resumes after the last line it received
 * @param limit         at most this many events
 */
public record AuditFilter(String learnerId, String institution, Instant from, Instant to, long afterSequence,
                          int limit) {

    boolean filtersContent() {
        return learnerId != null || institution != null || from != null || to != null;
    }
}

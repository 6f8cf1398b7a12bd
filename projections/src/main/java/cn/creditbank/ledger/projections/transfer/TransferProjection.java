package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.outcome.CertificateRevoked;
import cn.creditbank.ledger.core.outcome.OutcomeVoided;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.transfer.ProposedTransfer;
import cn.creditbank.ledger.core.transfer.TransferApplied;
import cn.creditbank.ledger.core.transfer.TransferApproved;
import cn.creditbank.ledger.core.transfer.TransferRejected;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Maintains the transfer-application read model and flags applications whose source outcomes are withdrawn. A
 * learner's outcome events and transfer events reach it in order (see {@link TransferSequencing}). Every write is
 * conditional or keyed, so a redelivered event changes nothing; times come from the events, so a replay rebuilds
 * the same rows.
 */
@Component
@ProcessingGroup(ProjectionProcessors.TRANSFERS)
class TransferProjection {

    /** Records withdrawals of proposed source outcomes; a rejected application has nothing left to review. */
    private static final String RECORD_AFFECTED = """
            INSERT INTO transfer_affected (transfer_id, outcome_id, cause, affected_at)
            SELECT DISTINCT a.transfer_id, w.outcome_id, w.cause, w.withdrawn_at
            FROM transfer_application a
                JOIN transfer_course c ON c.transfer_id = a.transfer_id
                JOIN transfer_outcome_withdrawal w ON w.learner_id = a.learner_id AND w.outcome_id = c.outcome_id
            WHERE a.status <> 'REJECTED' AND %s
            ON CONFLICT DO NOTHING""";

    /** An approval is affected when the source of an approved course (not merely a proposed one) was withdrawn. */
    private static final String MARK_AFFECTED = """
            UPDATE transfer_application a SET status = 'AFFECTED'
            WHERE a.status = 'APPROVED' AND %s
              AND EXISTS (SELECT 1 FROM transfer_course c
                          JOIN transfer_affected f ON f.transfer_id = c.transfer_id AND f.outcome_id = c.outcome_id
                          WHERE c.transfer_id = a.transfer_id AND c.approved)""";

    private final JdbcTemplate jdbc;

    TransferProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferApplied event, @Timestamp Instant at) {
        String transfer = event.transferId().value();
        jdbc.update("""
                        INSERT INTO transfer_application (transfer_id, learner_id, programme_code, programme_version,
                            institution, status, as_of, evaluated_at, earned_credits, transferred_credits, cap,
                            applied_at, applied_by)
                        VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                transfer, event.learnerId().value(), event.programmeCode().value(), event.programmeVersion(),
                event.institution().value(), java.sql.Date.valueOf(event.asOf()), timestamp(event.evaluatedAt()),
                event.earnedCredits().value(), event.transferredCredits().value(), event.cap().value(),
                timestamp(at), event.appliedBy());
        List<ProposedTransfer> proposed = event.proposed();
        jdbc.batchUpdate("""
                        INSERT INTO transfer_course (transfer_id, course_code, position, credits, outcome_id, rule_id,
                            rule_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                IntStream.range(0, proposed.size()).mapToObj(i -> {
                    ProposedTransfer p = proposed.get(i);
                    return new Object[]{transfer, p.courseCode().value(), i, p.credits().value(),
                            p.outcomeId().value(), p.ruleId().value(), p.ruleVersion()};
                }).toList());
        jdbc.batchUpdate("INSERT INTO transfer_rule (transfer_id, rule_id, rule_version) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.rulesUsed().stream()
                        .map(r -> new Object[]{transfer, r.ruleId().value(), r.version()}).toList());
        // made on an evaluation that had not yet seen a void or revocation
        jdbc.update(RECORD_AFFECTED.formatted("a.transfer_id = ?"), transfer);
    }

    @EventHandler
    void on(TransferApproved event, @Timestamp Instant at) {
        String transfer = event.transferId().value();
        jdbc.update("""
                        UPDATE transfer_application
                        SET status = 'APPROVED', decided_at = ?, decided_by = ?, decision_recorded_by = ?
                        WHERE transfer_id = ? AND status = 'PENDING'""",
                timestamp(at), event.institution().value(), event.recordedBy(), transfer);
        jdbc.update("""
                        UPDATE transfer_course SET approved = TRUE, approved_at = ?
                        WHERE transfer_id = ? AND course_code = ANY (?) AND NOT approved""",
                timestamp(at), transfer,
                event.approved().stream().map(p -> p.courseCode().value()).toArray(String[]::new));
        jdbc.update(MARK_AFFECTED.formatted("a.transfer_id = ?"), transfer);
    }

    @EventHandler
    void on(TransferRejected event, @Timestamp Instant at) {
        jdbc.update("""
                        UPDATE transfer_application
                        SET status = 'REJECTED', decided_at = ?, decided_by = ?, decision_recorded_by = ?, reason = ?
                        WHERE transfer_id = ? AND status = 'PENDING'""",
                timestamp(at), event.institution().value(), event.recordedBy(), event.reason(),
                event.transferId().value());
    }

    @EventHandler
    void on(OutcomeVoided event, @Timestamp Instant at) {
        withdrawn(event.learnerId(), event.outcomeId(), WithdrawalCause.VOIDED, at);
    }

    @EventHandler
    void on(CertificateRevoked event, @Timestamp Instant at) {
        withdrawn(event.learnerId(), event.outcomeId(), WithdrawalCause.REVOKED, at);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE transfer_application, transfer_course, transfer_rule, transfer_affected, "
                + "transfer_outcome_withdrawal");
    }

    private void withdrawn(LearnerId learner, OutcomeId outcome, WithdrawalCause cause, Instant at) {
        jdbc.update("""
                        INSERT INTO transfer_outcome_withdrawal (learner_id, outcome_id, cause, withdrawn_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                learner.value(), outcome.value(), cause.name(), timestamp(at));
        jdbc.update(RECORD_AFFECTED.formatted("a.learner_id = ? AND w.outcome_id = ?"), learner.value(),
                outcome.value());
        jdbc.update(MARK_AFFECTED.formatted("a.learner_id = ?"), learner.value());
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}

package cn.creditbank.ledger.projections.history;

import cn.creditbank.ledger.core.outcome.CertificateAwarded;
import cn.creditbank.ledger.core.outcome.CertificateRevoked;
import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.outcome.ExamResultRecorded;
import cn.creditbank.ledger.core.outcome.LearnerAccountOpened;
import cn.creditbank.ledger.core.outcome.OutcomeCorrected;
import cn.creditbank.ledger.core.outcome.OutcomeRecorded;
import cn.creditbank.ledger.core.outcome.OutcomeVoided;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Maintains {@code learner_account} and the bitemporal {@code outcome_version}. Every write is keyed by the learner
 * stream's sequence number, so a redelivered event changes nothing; events of one learner are handled in order
 * (sequencing per aggregate), so "the current version" is always the one to build on.
 * <p>
 * In a processor's batch, opened accounts and recorded outcomes (nearly every event) are collected and inserted with
 * one statement per table when the batch commits ({@link BatchedRows}); a correction, void or revocation, which reads
 * the current version, first writes what was collected. Without a unit of work (a scratch replay) every row is
 * written at once with the row-by-row statements, so a scratch replay also checks the batched path against them.
 */
@Component
@ProcessingGroup(OutcomeHistoryProjection.PROCESSING_GROUP)
class OutcomeHistoryProjection {

    static final String PROCESSING_GROUP = "outcome-history";

    private static final String INSERT_ACCOUNT = """
            INSERT INTO learner_account (learner_id, opened_at, recorded_by, event_sequence)
            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private static final BatchedRows.Insert INSERT_ACCOUNTS = new BatchedRows.Insert("""
            INSERT INTO learner_account (learner_id, opened_at, recorded_by, event_sequence)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::bigint[])
            ON CONFLICT DO NOTHING""", List.of(String.class, String.class, String.class, Long.class));

    /** One time stamp per row, cast once: a recorded outcome's version is known from when it was recorded. */
    private static final BatchedRows.Insert INSERT_RECORDED_ROWS = new BatchedRows.Insert("""
            INSERT INTO outcome_version (learner_id, outcome_id, event_sequence, known_from, kind, unit_code,
                unit_version, issuer, external_ref, outcome_date, score, level, passed, credits, valid_until,
                recorded_at, recorded_by)
            SELECT learner_id, outcome_id, event_sequence, stamp, kind, unit_code, unit_version, issuer, external_ref,
                outcome_date, score, level, passed, credits, valid_until, stamp, recorded_by
            FROM unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::integer[],
                        ?::text[], ?::text[], ?::date[], ?::numeric[], ?::text[], ?::boolean[], ?::numeric[],
                        ?::date[], ?::text[])
                AS r (learner_id, outcome_id, event_sequence, stamp, kind, unit_code, unit_version, issuer,
                      external_ref, outcome_date, score, level, passed, credits, valid_until, recorded_by)
            ON CONFLICT DO NOTHING""", List.of(String.class, String.class, Long.class, String.class, String.class,
            String.class, Integer.class, String.class, String.class, String.class, String.class, String.class,
            Boolean.class, String.class, String.class, String.class));

    private static final String INSERT_RECORDED = """
            INSERT INTO outcome_version (learner_id, outcome_id, event_sequence, known_from, kind, unit_code,
                unit_version, issuer, external_ref, outcome_date, score, level, passed, credits, valid_until,
                recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    /** Copies the current version with some columns replaced; {@code %s} is the SET-like list of replacements. */
    private static final String INSERT_NEXT_VERSION = """
            INSERT INTO outcome_version (learner_id, outcome_id, event_sequence, known_from, kind, unit_code,
                unit_version, issuer, external_ref, outcome_date, score, level, passed, credits, valid_until,
                voided, revoked_on, recorded_at, recorded_by)
            SELECT learner_id, outcome_id, ?, ?, kind, unit_code, %s, issuer, external_ref, %s, recorded_at, recorded_by
            FROM outcome_version
            WHERE learner_id = ? AND outcome_id = ? AND known_until IS NULL AND event_sequence < ?
            ON CONFLICT DO NOTHING""";

    private static final String CLOSE_PREVIOUS = """
            UPDATE outcome_version SET known_until = ?
            WHERE learner_id = ? AND outcome_id = ? AND known_until IS NULL AND event_sequence < ?""";

    private final JdbcTemplate jdbc;
    private final BatchedRows rows;

    OutcomeHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new BatchedRows(jdbc);
    }

    @EventHandler
    void on(LearnerAccountOpened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (rows.collecting()) {
            // a NOT NULL column checked here, so a poison event fails in its handler (and is dead-lettered), not
            // when the batch is written
            rows.add(INSERT_ACCOUNTS, event.learnerId().value(), BatchedRows.timestamp(at),
                    Objects.requireNonNull(event.recordedBy(), "recordedBy"), sequence);
        } else {
            jdbc.update(INSERT_ACCOUNT, event.learnerId().value(), java.sql.Timestamp.from(at), event.recordedBy(),
                    sequence);
        }
    }

    @EventHandler
    void on(CompletionRecorded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        insertRecorded(event, at, sequence, event.score(), null, event.passed(), null);
    }

    @EventHandler
    void on(ExamResultRecorded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        insertRecorded(event, at, sequence, event.score(), null, event.passed(), null);
    }

    @EventHandler
    void on(CertificateAwarded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        insertRecorded(event, at, sequence, null, event.level(), true, event.validUntil());
    }

    @EventHandler
    void on(OutcomeCorrected event, @Timestamp Instant at, @SequenceNumber long sequence) {
        nextVersion(event.learnerId(), event.outcomeId(), at, sequence,
                "?", "?, ?, ?, ?, ?, ?, voided, revoked_on",
                event.unitVersion(), event.date(), scoreOf(event.score()), event.level(), event.passed(),
                event.credits().value(), date(event.validUntil()));
    }

    @EventHandler
    void on(OutcomeVoided event, @Timestamp Instant at, @SequenceNumber long sequence) {
        nextVersion(event.learnerId(), event.outcomeId(), at, sequence,
                "unit_version", "outcome_date, score, level, passed, credits, valid_until, TRUE, revoked_on");
    }

    @EventHandler
    void on(CertificateRevoked event, @Timestamp Instant at, @SequenceNumber long sequence) {
        nextVersion(event.learnerId(), event.outcomeId(), at, sequence,
                "unit_version", "outcome_date, score, level, passed, credits, valid_until, voided, ?",
                date(event.revokedOn()));
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE outcome_version, learner_account");
    }

    private void insertRecorded(OutcomeRecorded event, Instant at, long sequence, Score score, String level,
                                boolean passed, LocalDate validUntil) {
        if (rows.collecting()) {
            // NOT NULL columns checked here, so a poison event fails in its handler (and is dead-lettered), not
            // when the batch is written
            rows.add(INSERT_RECORDED_ROWS, event.learnerId().value(), event.outcomeId().value(), sequence,
                    BatchedRows.timestamp(at), event.kind().name(), event.unitCode().value(), event.unitVersion(),
                    event.issuer().value(), Objects.requireNonNull(event.externalRef(), "externalRef"),
                    Objects.requireNonNull(event.date(), "date").toString(),
                    score == null ? null : score.value().toString(), level, passed,
                    event.credits().value().toString(), text(validUntil),
                    Objects.requireNonNull(event.recordedBy(), "recordedBy"));
            return;
        }
        jdbc.update(INSERT_RECORDED, event.learnerId().value(), event.outcomeId().value(), sequence,
                java.sql.Timestamp.from(at), event.kind().name(), event.unitCode().value(), event.unitVersion(),
                event.issuer().value(), event.externalRef(), date(event.date()), scoreOf(score), level, passed,
                event.credits().value(), date(validUntil), java.sql.Timestamp.from(at), event.recordedBy());
    }

    private void nextVersion(LearnerId learner, OutcomeId outcome, Instant at, long sequence, String unitVersion,
                             String changedColumns, Object... replacements) {
        Object[] arguments = new Object[replacements.length + 5];
        arguments[0] = sequence;
        arguments[1] = java.sql.Timestamp.from(at);
        System.arraycopy(replacements, 0, arguments, 2, replacements.length);
        arguments[replacements.length + 2] = learner.value();
        arguments[replacements.length + 3] = outcome.value();
        arguments[replacements.length + 4] = sequence;
        rows.flush(); // the current version may be among the rows collected in this batch
        jdbc.update(INSERT_NEXT_VERSION.formatted(unitVersion, changedColumns), arguments);
        jdbc.update(CLOSE_PREVIOUS, java.sql.Timestamp.from(at), learner.value(), outcome.value(), sequence);
    }

    private static BigDecimal scoreOf(Score score) {
        return score == null ? null : score.value();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}

package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.CertificateAwarded;
import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.outcome.ExamResultRecorded;
import cn.creditbank.ledger.core.outcome.LearnerAccountOpened;
import cn.creditbank.ledger.core.outcome.OutcomeCorrected;
import cn.creditbank.ledger.core.outcome.OutcomeVoided;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a realistic learner history straight into the event store, serialized by the application's own
 * serializer: mostly module results and exams against the demo catalogue, some certificates, a few corrections and
 * voids. Fast (batched inserts, 10k rows a transaction) because generating is not what is measured.
 */
final class HistoryGenerator {

    private static final String DEMO_VOC = "DEMO-VOC";
    private static final String[][] MODULES = {{"VOC-AIM-01", "1.5"}, {"VOC-AIM-02", "1"}, {"VOC-AIM-03", "2"},
            {"VOC-AIM-04", "1"}, {"VOC-AIM-05", "1.5"}};
    private static final int ROWS_PER_TRANSACTION = 10_000;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final Random random = new Random(20261122);
    private final byte[] emptyMetaData;
    /** Events are stamped one millisecond apart from {@code clock} on. */
    private Instant clock;

    /** Stamps from the moment generation starts: after the catalogue was defined, and running ahead of the clock. */
    HistoryGenerator(DataSource dataSource, Serializer serializer) {
        this(dataSource, serializer, Instant.now());
    }

    /**
     * Stamps from {@code start}: a history that must be known by "now" when it is read (default {@code knownAt})
     * starts {@code events} milliseconds ago, since a million events one millisecond apart span 17 minutes.
     */
    HistoryGenerator(DataSource dataSource, Serializer serializer, Instant start) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.emptyMetaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        this.clock = start;
    }

    /** Generates learners until at least {@code events} learner events are stored; answers the count. */
    long generate(long events) throws SQLException {
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, 'LearnerAccount', ?, ?, ?, NULL, ?, ?)""")) {
                int inTransaction = 0;
                for (int learner = 0; written < events; learner++) {
                    List<Object> history = learnerHistory(LearnerId.of("bench-" + learner));
                    for (int sequence = 0; sequence < history.size(); sequence++) {
                        add(insert, "bench-" + learner, sequence, history.get(sequence));
                        written++;
                        if (++inTransaction == ROWS_PER_TRANSACTION) {
                            insert.executeBatch();
                            connection.commit();
                            inTransaction = 0;
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return written;
    }

    /** The transaction time of the last generated event. */
    Instant lastStampedAt() {
        return clock;
    }

    private void add(PreparedStatement insert, String learner, int sequence, Object event) throws SQLException {
        clock = clock.plusMillis(1);
        insert.setString(1, learner);
        insert.setLong(2, sequence);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, emptyMetaData);
        insert.setBytes(5, serializer.serialize(event, byte[].class).getData());
        insert.setString(6, event.getClass().getName());
        insert.setString(7, clock.toString());
        insert.addBatch();
    }

    /** An opened account and about eight outcomes: mostly modules and exams, some certificates, a few fixes. */
    private List<Object> learnerHistory(LearnerId learner) {
        List<Object> events = new ArrayList<>();
        events.add(new LearnerAccountOpened(learner, "bench"));
        int outcomes = 6 + random.nextInt(5);
        for (int i = 0; i < outcomes; i++) {
            OutcomeId id = OutcomeId.of("B" + i);
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(2000));
            int kind = random.nextInt(10);
            if (kind < 6) {
                String[] module = MODULES[random.nextInt(MODULES.length)];
                int score = 40 + random.nextInt(61);
                events.add(new CompletionRecorded(learner, id, UnitKind.MODULE, UnitCode.of(module[0]), 1,
                        InstitutionCode.of(DEMO_VOC), learner + "-" + i, date, Score.of(score), 16, score >= 60,
                        score >= 60 ? Credits.of(module[1]) : Credits.ZERO, "bench"));
            } else if (kind < 9) {
                int score = 30 + random.nextInt(71);
                events.add(new ExamResultRecorded(learner, id, UnitCode.of("NCRE-2-JAVA"), 1, InstitutionCode.of("NEEA"),
                        learner + "-" + i, date, Score.of(score), score >= 60,
                        score >= 60 ? Credits.of("4") : Credits.ZERO, "bench"));
            } else {
                events.add(new CertificateAwarded(learner, id, UnitCode.of("AIGC"), 1, InstitutionCode.of("ICDC"),
                        learner + "-" + i, date, "专业级", "AIGC-" + learner + "-" + i, date.plusYears(3).minusDays(1),
                        true, Credits.of("4"), "bench"));
            }
        }
        if (random.nextInt(50) == 0) {
            events.add(new OutcomeVoided(learner, OutcomeId.of("B0"), "录入错误", "bench"));
        } else if (random.nextInt(50) == 0 && events.get(1) instanceof CompletionRecorded module) {
            events.add(new OutcomeCorrected(learner, module.outcomeId(), 1, Score.of(90), null, module.date(), null,
                    true, moduleCredits(module.unitCode()), "成绩更正", "bench"));
        }
        return events;
    }

    private static Credits moduleCredits(UnitCode unit) {
        for (String[] module : MODULES) {
            if (module[0].equals(unit.value())) {
                return Credits.of(module[1]);
            }
        }
        throw new IllegalArgumentException(unit + " is not a generated module");
    }
}

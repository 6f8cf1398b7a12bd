package cn.creditbank.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's limit: plain JDBC inserts into a scratch table shaped like {@code domain_event_entry} (same columns,
 * types, primary key and unique indexes, its own sequence), with a real event's payload, on the same durable
 * PostgreSQL the ledger then uses. Every ledger write figure is divided by one of these two.
 * <p>
 * The ledger-shaped runs are the ceiling a recording can reach on this machine: per outcome, the two rows its own
 * transaction cannot do without, its event and the claim of its issuer's reference (a table shaped like
 * {@code outcome_reference}); a single recording also first reads its account's events (accounts of ten events). They
 * leave out everything else the ledger does for an outcome (the HTTP request, judging it, the projection's row and the
 * audit link written afterwards), so they are an upper bound, not an estimate.
 */
final class RawBaseline {

    static final int CONNECTIONS = 16;
    static final int BATCH_ROWS = 100;
    private static final int EVENTS_PER_ACCOUNT = 10;

    private static final String TABLE = """
            DROP TABLE IF EXISTS bench_baseline;
            CREATE TABLE bench_baseline (
                global_index         BIGSERIAL    NOT NULL,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL,
                meta_data            BYTEA,
                payload              BYTEA        NOT NULL,
                payload_revision     VARCHAR(255),
                payload_type         VARCHAR(255) NOT NULL,
                time_stamp           VARCHAR(255) NOT NULL,
                PRIMARY KEY (global_index),
                CONSTRAINT bench_baseline_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
                CONSTRAINT bench_baseline_event_identifier UNIQUE (event_identifier)
            );
            DROP TABLE IF EXISTS bench_reference;
            CREATE TABLE bench_reference (
                issuer       VARCHAR(128) NOT NULL,
                external_ref VARCHAR(255) NOT NULL,
                learner_id   VARCHAR(64)  NOT NULL,
                outcome_id   VARCHAR(64)  NOT NULL,
                PRIMARY KEY (issuer, external_ref)
            );
            CREATE INDEX bench_reference_outcome ON bench_reference (learner_id, outcome_id)""";
    private static final String INSERT = """
            INSERT INTO bench_baseline (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, 'LearnerAccount', ?, ?, ?, NULL, ?, ?)""";
    private static final String CLAIM = """
            INSERT INTO bench_reference (issuer, external_ref, learner_id, outcome_id) VALUES ('DEMO-VOC', ?, ?, ?)
            ON CONFLICT (issuer, external_ref) DO UPDATE SET learner_id = bench_reference.learner_id""";
    private static final String ACCOUNT = """
            SELECT sequence_number, payload_type, payload, meta_data FROM bench_baseline
            WHERE aggregate_identifier = ? ORDER BY sequence_number""";

    private final String jdbcUrl;
    private final byte[] payload;
    private final byte[] metaData;
    private final String payloadType;

    RawBaseline(String jdbcUrl, byte[] payload, byte[] metaData, String payloadType) {
        // the driver's multi-row rewrite is what a tuned importer would use: the limit, not a typical client
        this.jdbcUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.payload = payload;
        this.metaData = metaData;
        this.payloadType = payloadType;
    }

    /** Rows per second, each row its own transaction, over {@link #CONNECTIONS} connections. */
    double singleRow(Duration duration) throws Exception {
        return run(duration, 1, false);
    }

    /** Rows per second in transactions of {@link #BATCH_ROWS} rows, over {@link #CONNECTIONS} connections. */
    double batched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS, false);
    }

    /** Outcomes per second, each its own transaction: read its account, append its event, claim its reference. */
    double ledgerShapedSingle(Duration duration) throws Exception {
        return run(duration, 1, true);
    }

    /** Outcomes per second in transactions of {@link #BATCH_ROWS} outcomes: their events and reference claims. */
    double ledgerShapedBatched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS, true);
    }

    void dropTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline");
            statement.execute("DROP TABLE IF EXISTS bench_reference");
        }
    }

    private double run(Duration duration, int rowsPerTransaction, boolean ledgerShaped) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String ddl : TABLE.split(";")) {
                statement.execute(ddl);
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            List<Future<Long>> rows = new ArrayList<>();
            for (int worker = 0; worker < CONNECTIONS; worker++) {
                int id = worker;
                rows.add(workers.submit(() -> insertUntil(deadline, id, rowsPerTransaction, ledgerShaped)));
            }
            long total = 0;
            for (Future<Long> count : rows) {
                total += count.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Rows (ledger-shaped: outcomes) inserted by one connection until the deadline. */
    private long insertUntil(long deadline, int worker, int rowsPerTransaction, boolean ledgerShaped)
            throws SQLException {
        long rows = 0;
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement claim = connection.prepareStatement(CLAIM);
             PreparedStatement account = connection.prepareStatement(ACCOUNT)) {
            boolean oneStatement = rowsPerTransaction == 1 && !ledgerShaped;
            connection.setAutoCommit(oneStatement);
            String run = "baseline-" + worker + "-" + rowsPerTransaction + (ledgerShaped ? "-ledger" : "");
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < rowsPerTransaction; i++) {
                    long row = rows + i;
                    String aggregate = ledgerShaped ? run + "-" + row / EVENTS_PER_ACCOUNT : run;
                    if (ledgerShaped && rowsPerTransaction == 1) {
                        readAccount(account, aggregate);
                    }
                    String eventId = UUID.randomUUID().toString();
                    insert.setString(1, aggregate);
                    insert.setLong(2, ledgerShaped ? row % EVENTS_PER_ACCOUNT : row);
                    insert.setString(3, eventId);
                    insert.setBytes(4, metaData);
                    insert.setBytes(5, payload);
                    insert.setString(6, payloadType);
                    insert.setString(7, java.time.Instant.now().toString());
                    if (ledgerShaped) {
                        claim.setString(1, aggregate + "-" + row);
                        claim.setString(2, aggregate);
                        claim.setString(3, eventId);
                    }
                    if (rowsPerTransaction == 1) {
                        insert.executeUpdate();
                        if (ledgerShaped) {
                            claim.executeUpdate();
                        }
                    } else {
                        insert.addBatch();
                        if (ledgerShaped) {
                            claim.addBatch();
                        }
                    }
                }
                if (rowsPerTransaction > 1) {
                    insert.executeBatch();
                    if (ledgerShaped) {
                        claim.executeBatch();
                    }
                }
                if (!oneStatement) {
                    connection.commit();
                }
                rows += rowsPerTransaction;
            }
        }
        return rows;
    }

    private static void readAccount(PreparedStatement account, String aggregate) throws SQLException {
        account.setString(1, aggregate);
        try (ResultSet events = account.executeQuery()) {
            while (events.next()) {
                events.getBytes(3);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}

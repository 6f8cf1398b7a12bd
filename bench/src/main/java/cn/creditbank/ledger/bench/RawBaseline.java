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
 * audit link written afterwards), so they are an upper bound, not an estimate. The "written" run adds, in the same
 * 100-outcome transactions, the two rows the ledger writes for every outcome afterwards (its {@code outcome_version}
 * row, its {@code audit_chain} link; tables of the same columns and indexes): what sustaining a rate needs, since the
 * projection and the chain must keep up with it; still without any reading, judging or HTTP.
 */
final class RawBaseline {

    static final int CONNECTIONS = 16;
    static final int BATCH_ROWS = 100;
    private static final int EVENTS_PER_ACCOUNT = 10;

    /** What a run writes per row or outcome. */
    private enum Shape {
        /** One event-shaped row. */
        ROW,
        /** A recording's own transaction: its event and its reference claim. */
        RECORDING,
        /** Everything the ledger writes for an outcome: event, reference claim, outcome version and audit link. */
        WRITTEN
    }

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
            CREATE TABLE bench_reference (LIKE outcome_reference INCLUDING ALL);
            DROP TABLE IF EXISTS bench_version;
            CREATE TABLE bench_version (LIKE outcome_version INCLUDING ALL);
            DROP TABLE IF EXISTS bench_chain;
            CREATE TABLE bench_chain (LIKE audit_chain INCLUDING ALL)""";
    private static final String INSERT = """
            INSERT INTO bench_baseline (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, 'LearnerAccount', ?, ?, ?, NULL, ?, ?)""";
    private static final String CLAIM = """
            INSERT INTO bench_reference (issuer, external_ref, learner_id, outcome_id) VALUES ('DEMO-VOC', ?, ?, ?)
            ON CONFLICT (issuer, external_ref) DO UPDATE SET learner_id = bench_reference.learner_id""";
    private static final String VERSION = """
            INSERT INTO bench_version (learner_id, outcome_id, event_sequence, known_from, kind, unit_code,
                unit_version, issuer, external_ref, outcome_date, score, level, passed, credits, valid_until,
                recorded_at, recorded_by)
            VALUES (?, ?, ?, now(), 'MODULE', 'SE-M01', 1, 'DEMO-VOC', ?, current_date, 86.5, NULL, TRUE, 2.5, NULL,
                now(), 'bench')
            ON CONFLICT DO NOTHING""";
    private static final String LINK = """
            INSERT INTO bench_chain (chain_sequence, position, event_identifier, hash, previous_hash, chained_at)
            VALUES (?, ?, ?, ?, ?, now())""";
    /** A SHA-256 in hex, as long as a link's hashes (their values do not matter to the database's work). */
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
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
        return run(duration, 1, Shape.ROW);
    }

    /** Rows per second in transactions of {@link #BATCH_ROWS} rows, over {@link #CONNECTIONS} connections. */
    double batched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS, Shape.ROW);
    }

    /** Outcomes per second, each its own transaction: read its account, append its event, claim its reference. */
    double ledgerShapedSingle(Duration duration) throws Exception {
        return run(duration, 1, Shape.RECORDING);
    }

    /** Outcomes per second in transactions of {@link #BATCH_ROWS} outcomes: their events and reference claims. */
    double ledgerShapedBatched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS, Shape.RECORDING);
    }

    /** As {@link #ledgerShapedBatched}, each outcome also with its outcome-version row and audit link. */
    double ledgerWrittenBatched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS, Shape.WRITTEN);
    }

    void dropTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline");
            statement.execute("DROP TABLE IF EXISTS bench_reference");
            statement.execute("DROP TABLE IF EXISTS bench_version");
            statement.execute("DROP TABLE IF EXISTS bench_chain");
        }
    }

    private double run(Duration duration, int rowsPerTransaction, Shape shape) throws Exception {
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
                rows.add(workers.submit(() -> insertUntil(deadline, id, rowsPerTransaction, shape)));
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
    private long insertUntil(long deadline, int worker, int rowsPerTransaction, Shape shape)
            throws SQLException {
        long rows = 0;
        boolean ledgerShaped = shape != Shape.ROW;
        boolean written = shape == Shape.WRITTEN;
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement claim = connection.prepareStatement(CLAIM);
             PreparedStatement version = connection.prepareStatement(VERSION);
             PreparedStatement link = connection.prepareStatement(LINK);
             PreparedStatement account = connection.prepareStatement(ACCOUNT)) {
            boolean oneStatement = rowsPerTransaction == 1 && !ledgerShaped;
            connection.setAutoCommit(oneStatement);
            String run = "baseline-" + worker + "-" + rowsPerTransaction + "-" + shape;
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
                    if (written) {
                        version.setString(1, aggregate);
                        version.setString(2, eventId);
                        version.setLong(3, row % EVENTS_PER_ACCOUNT);
                        version.setString(4, aggregate + "-" + row);
                        long linkNumber = ((long) worker << 40) + row; // unique across workers, as a chain's are
                        link.setLong(1, linkNumber);
                        link.setLong(2, linkNumber);
                        link.setString(3, eventId);
                        link.setString(4, HASH);
                        link.setString(5, HASH);
                        version.addBatch();
                        link.addBatch();
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
                    if (written) {
                        version.executeBatch();
                        link.executeBatch();
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

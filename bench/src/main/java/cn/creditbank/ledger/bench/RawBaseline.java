package cn.creditbank.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 */
final class RawBaseline {

    static final int CONNECTIONS = 16;
    static final int BATCH_ROWS = 100;

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
            )""";
    private static final String INSERT = """
            INSERT INTO bench_baseline (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, 'LearnerAccount', ?, ?, ?, NULL, ?, ?)""";

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
        return run(duration, 1);
    }

    /** Rows per second in transactions of {@link #BATCH_ROWS} rows, over {@link #CONNECTIONS} connections. */
    double batched(Duration duration) throws Exception {
        return run(duration, BATCH_ROWS);
    }

    void dropTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline");
        }
    }

    private double run(Duration duration, int rowsPerTransaction) throws Exception {
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
                rows.add(workers.submit(() -> insertUntil(deadline, id, rowsPerTransaction)));
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

    private long insertUntil(long deadline, int worker, int rowsPerTransaction) throws SQLException {
        long rows = 0;
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(rowsPerTransaction == 1);
            String aggregate = "baseline-" + worker + "-" + rowsPerTransaction;
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < rowsPerTransaction; i++) {
                    insert.setString(1, aggregate);
                    insert.setLong(2, rows + i);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, metaData);
                    insert.setBytes(5, payload);
                    insert.setString(6, payloadType);
                    insert.setString(7, java.time.Instant.now().toString());
                    if (rowsPerTransaction == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (rowsPerTransaction > 1) {
                    insert.executeBatch();
                    connection.commit();
                }
                rows += rowsPerTransaction;
            }
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}

package cn.creditbank.ledger.projections.reconciliation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A schema of empty copies of a projection's tables, written through one dedicated connection whose
 * {@code search_path} names only that schema, so the projection's unqualified SQL lands there and cannot reach the
 * live tables. The path is set per transaction ({@code SET LOCAL}), so the pooled connection goes back unchanged;
 * writes are committed every few hundred events so no transaction stays open for the whole replay, and none stays
 * open between feeds (the pool's idle-in-transaction limit would end the session). Closing drops the schema.
 */
final class ScratchSchema implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchSchema.class);
    private static final int EVENTS_PER_TRANSACTION = 500;

    private final Connection connection;
    private final String name;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate fallback;
    private boolean open;
    private int pending;

    private ScratchSchema(Connection connection, String name, JdbcTemplate fallback) {
        this.connection = connection;
        this.name = name;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.fallback = fallback;
    }

    /** Creates the schema and its tables ({@code LIKE … INCLUDING ALL}: columns, defaults, keys, checks, indexes). */
    static ScratchSchema create(DataSource dataSource, JdbcTemplate fallback, String name,
                                List<ReadModelTable> tables) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            ScratchSchema scratch = new ScratchSchema(connection, name, fallback);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + name);
                for (ReadModelTable table : tables) {
                    // unlogged: throw-away rows need no WAL; the live table is named as the projection names it
                    statement.execute("CREATE UNLOGGED TABLE " + name + "." + table.name() + " (LIKE " + table.name()
                            + " INCLUDING ALL)");
                }
            }
            connection.commit();
            return scratch;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot create the scratch schema " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** The projection's JdbcTemplate: every statement runs in the scratch schema. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Before an event is handled: opens the next transaction with the scratch path when none is open. */
    void beforeEvent() {
        if (!open) {
            jdbc.execute("SET LOCAL search_path TO " + name);
            jdbc.execute("SET LOCAL synchronous_commit TO off"); // scratch rows need no durability
            open = true;
        }
    }

    /** After an event was handled: commits every few hundred events. */
    void afterEvent() {
        if (++pending >= EVENTS_PER_TRANSACTION) {
            commit();
        }
    }

    /** Commits what was written; the next event opens a new transaction. */
    void commit() {
        if (open) {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot commit to the scratch schema " + name, e);
            }
            open = false;
            pending = 0;
        }
    }

    /** Drops the schema (on its own connection, or on another one if this one broke) and returns the connection. */
    @Override
    public void close() {
        boolean dropped = false;
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
            dropped = true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Dropping scratch schema {} on its own connection failed; trying another: {}", name,
                    e.getMessage());
        } finally {
            closeQuietly(connection);
        }
        if (!dropped) {
            fallback.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing a scratch connection failed", e);
            }
        }
    }
}

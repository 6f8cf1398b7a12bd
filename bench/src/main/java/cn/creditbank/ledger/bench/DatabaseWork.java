package cn.creditbank.ledger.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL did for the ledger during a phase, from its cumulative statistics: transactions committed, and rows
 * inserted, updated and deleted per table. Divided by the phase's unit of work (an outcome, an event, a read) it
 * says how much database work one unit costs, which the raw baseline's one row per commit can be held against.
 * A backend reports its counts when it goes idle, at the latest ten seconds later: a phase is read once its
 * background work has settled and that time has passed ({@link Settling}).
 */
final class DatabaseWork {

    /** Cumulative counters at one moment: "commits" and "table.inserted" / ".updated" / ".deleted" / ".read". */
    record Reading(Map<String, Long> counters) {
    }

    private final DataSource database;

    DatabaseWork(DataSource database) {
        this.database = database;
    }

    Reading read() {
        Map<String, Long> counters = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                counters.put("commits", rows.getLong(1));
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
                    FROM pg_stat_user_tables""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    counters.put(table + ".inserted", rows.getLong(2));
                    counters.put(table + ".updated", rows.getLong(3));
                    counters.put(table + ".deleted", rows.getLong(4));
                    counters.put(table + ".read", rows.getLong(5));
                }
            }
        } catch (SQLException e) {
            System.err.println("database statistics not read: " + e);
        }
        return new Reading(counters);
    }

    /**
     * Per unit between two readings: commits, then every table that changed, as "table +inserted ~updated -deleted",
     * and the rows read where a table was read much.
     */
    static String perUnit(Reading from, Reading to, double units) {
        if (units <= 0) {
            return "no units of work";
        }
        List<String> parts = new ArrayList<>();
        parts.add("%.2f commits".formatted(delta(from, to, "commits") / units));
        Map<String, double[]> tables = new TreeMap<>();
        to.counters().keySet().stream().filter(key -> key.contains(".")).forEach(key -> {
            String table = key.substring(0, key.lastIndexOf('.'));
            int column = List.of("inserted", "updated", "deleted", "read").indexOf(key.substring(key.lastIndexOf('.') + 1));
            tables.computeIfAbsent(table, t -> new double[4])[column] = delta(from, to, key) / units;
        });
        tables.forEach((table, per) -> {
            List<String> changes = new ArrayList<>();
            if (per[0] >= 0.005) {
                changes.add("+%.2f".formatted(per[0]));
            }
            if (per[1] >= 0.005) {
                changes.add("~%.2f".formatted(per[1]));
            }
            if (per[2] >= 0.005) {
                changes.add("-%.2f".formatted(per[2]));
            }
            if (per[3] >= 1) {
                changes.add("%.0f read".formatted(per[3]));
            }
            if (!changes.isEmpty()) {
                parts.add("`" + table + "` " + String.join(" ", changes));
            }
        });
        return String.join(", ", parts);
    }

    private static double delta(Reading from, Reading to, String key) {
        return to.counters().getOrDefault(key, 0L) - from.counters().getOrDefault(key, 0L);
    }
}

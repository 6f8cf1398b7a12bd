package cn.creditbank.ledger.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL spent its time on during a phase, statement by statement, from {@code pg_stat_statements} (which the
 * benchmark's server loads): reset when a phase starts, read when its work has settled. Execution time is the
 * server's time in the statement, waits included; a commit's WAL flush happens after its statement and is not in it.
 */
final class StatementProfile {

    /** The server settings that load and size the statistics. */
    static final Map<String, String> SERVER_SETTINGS = Map.of("shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.max", "1000");

    private static final int SHOWN = 8;

    private final JdbcTemplate jdbc;

    StatementProfile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    void reset() {
        jdbc.queryForList("SELECT pg_stat_statements_reset()");
    }

    /** The statements that took most of the server's time, per unit of the phase, as a Markdown table. */
    String markdown(String phase, String unit, double units) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, total_exec_time,
                       100 * total_exec_time / nullif(sum(total_exec_time) OVER (), 0) AS share
                FROM pg_stat_statements
                WHERE query NOT LIKE '%pg_stat_statements%'
                ORDER BY total_exec_time DESC LIMIT ?""", SHOWN);
        double total = jdbc.queryForObject(
                "SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements", Double.class);
        StringBuilder out = new StringBuilder();
        out.append("%s: %.2f ms of statement time per %s (%,.0f %ss), the %d longest:%n%n".formatted(phase,
                units > 0 ? total / units : 0, unit, units, unit, rows.size()));
        out.append("| statement | calls per ").append(unit).append(" | ms per call | share |\n|---|---:|---:|---:|\n");
        for (Map<String, Object> row : rows) {
            String query = String.valueOf(row.get("query"));
            long calls = ((Number) row.get("calls")).longValue();
            double time = ((Number) row.get("total_exec_time")).doubleValue();
            Number share = (Number) row.get("share");
            out.append("| `%s` | %.2f | %.3f | %.0f %% |%n".formatted(
                    (query.length() > 110 ? query.substring(0, 110) + "…" : query).replace("|", "/").replace("`", "'"),
                    units > 0 ? calls / units : 0, calls == 0 ? 0 : time / calls, share == null ? 0 : share.doubleValue()));
        }
        return out.append('\n').toString();
    }
}

package cn.creditbank.ledger.projections.history;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows a projection inserts while its processor handles a batch of events, collected in the batch's unit of work and
 * written when it prepares to commit, in its transaction: one multi-row statement per table ({@code unnest} of one
 * array per column, so it does not depend on the driver's batch rewriting), instead of one round trip per event.
 * Numbers that are counters and flags travel as typed binary arrays ({@code bigint[]}, {@code integer[]},
 * {@code boolean[]}), which the server takes as they are; everything else as text, cast by the statement.
 * Rows are written in the order they were added; a handler that needs to read what was added before it calls
 * {@link #flush()} first, so every statement sees exactly what it would have seen row by row.
 * <p>
 * Outside a unit of work (none is started when a scratch replay feeds the handler directly) there is nothing to
 * batch: {@link #collecting()} is false and the handler writes its row at once.
 */
final class BatchedRows {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final long SECONDS_PER_DAY = 86_400;

    /**
     * A multi-row insert: {@code sql} takes one array per column, in order; a column's values are of its type here:
     * {@code String} (bound as {@code varchar[]}), {@code Long}, {@code Integer} or {@code Boolean}.
     */
    record Insert(String sql, List<Class<?>> columns) {

        Insert {
            columns = List.copyOf(columns);
        }
    }

    private final JdbcTemplate jdbc;
    private final String resourceKey = BatchedRows.class.getName() + "#" + INSTANCES.incrementAndGet();

    BatchedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether rows are being collected: a unit of work is active on this thread. */
    boolean collecting() {
        return CurrentUnitOfWork.isStarted();
    }

    /**
     * Adds a complete row (each value of its column's type, null for NULL), written when the unit of work commits. A
     * value of another type is a programming error the column's typed array refuses when the rows are written
     * ({@link ArrayStoreException}); it is not checked again for every value here, on a rebuild's hottest path.
     */
    void add(Insert insert, Object... row) {
        if (row.length != insert.columns().size()) {
            throw new IllegalArgumentException(insert.columns().size() + " columns expected, got " + row.length);
        }
        pending().computeIfAbsent(insert, i -> new ArrayList<>()).add(row);
    }

    /** Writes the rows collected so far in this unit of work now (before a statement that reads them). */
    void flush() {
        if (collecting()) {
            Map<Insert, List<Object[]>> pending = CurrentUnitOfWork.get().root().getResource(resourceKey);
            if (pending != null) {
                write(pending);
            }
        }
    }

    private Map<Insert, List<Object[]>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<Insert, List<Object[]>> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> write(rows));
            return rows;
        });
    }

    private void write(Map<Insert, List<Object[]>> pending) {
        for (Map.Entry<Insert, List<Object[]>> table : pending.entrySet()) {
            List<Object[]> rows = table.getValue();
            if (!rows.isEmpty()) {
                write(table.getKey(), rows);
                rows.clear();
            }
        }
    }

    private void write(Insert insert, List<Object[]> rows) {
        Object[] columns = new Object[insert.columns().size()]; // one array per column, bound as such by the driver
        for (int column = 0; column < columns.length; column++) {
            Object[] values = (Object[]) Array.newInstance(insert.columns().get(column), rows.size());
            for (int row = 0; row < values.length; row++) {
                values[row] = rows.get(row)[column];
            }
            columns[column] = values;
        }
        jdbc.update(insert.sql(), columns);
    }

    /**
     * An instant as PostgreSQL timestamptz text, rounded to microseconds half up as the JDBC driver rounds a bound
     * {@code Timestamp}, so a batched row holds exactly the value the row-by-row statement wrote.
     */
    static String timestamp(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return utcText(instant.getNano() % 1000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, written by hand: {@link Instant#toString()} goes through a
     * {@code DateTimeFormatter}, a twentieth of a rebuild's work per row. Years outside 1–9999 (never a ledger's) are
     * left to it.
     */
    private static String utcText(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, secondOfDay / 3_600);
        digits(text, 14, 2, secondOfDay / 60 % 60);
        digits(text, 17, 2, secondOfDay % 60);
        digits(text, 20, 6, instant.getNano() / 1_000);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code from + width}. */
    private static void digits(char[] text, int from, int width, int value) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

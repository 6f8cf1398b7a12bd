package cn.creditbank.ledger.projections.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A batched row's time stamp is the text of exactly the instant the row-by-row statement binds. */
class BatchedRowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T14:16:57Z", "2026-11-23T14:16:57.118Z", "2026-11-23T14:16:57.000000499Z",
            "2026-11-23T14:16:57.000000500Z", "2026-12-31T23:59:59.999999500Z", "1969-12-31T23:59:59.999999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z"})
    void writesTheInstantTheDriverWouldBind(String instant) {
        assertBindsAsTheDriver(Instant.parse(instant));
    }

    @Test
    void writesEveryInstantOfTheLedgersYearsAsTheDriverWould() {
        SplittableRandom random = new SplittableRandom(20261124);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            assertBindsAsTheDriver(Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000)));
        }
    }

    @Test
    void writesTheFixedMicrosecondFormInUtc() {
        assertThat(BatchedRows.timestamp(Instant.parse("2026-03-04T05:06:07.08Z")))
                .isEqualTo("2026-03-04T05:06:07.080000Z");
    }

    /** PgJDBC binds a {@code Timestamp} rounded to microseconds, half up. */
    private static void assertBindsAsTheDriver(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        Instant bound = instant.getNano() % 1_000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
        assertThat(OffsetDateTime.parse(BatchedRows.timestamp(instant)).toInstant()).isEqualTo(bound);
    }
}

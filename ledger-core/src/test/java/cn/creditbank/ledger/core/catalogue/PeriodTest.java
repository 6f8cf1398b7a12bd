package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void refusesPeriodEndingBeforeItStarts() {
        assertRefused(ErrorCode.INVALID_PERIOD, () -> new Period(START, START.minusDays(1)));
    }

    @Test
    void containsBothOfItsEnds() {
        var year2024 = new Period(START, LocalDate.of(2024, 12, 31));

        assertThat(year2024.contains(START)).isTrue();
        assertThat(year2024.contains(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(year2024.contains(START.minusDays(1))).isFalse();
        assertThat(year2024.contains(LocalDate.of(2025, 1, 1))).isFalse();
    }

    @Test
    void aPeriodOfOneDayIsValid() {
        assertThat(new Period(START, START).contains(START)).isTrue();
    }

    @Test
    void anOpenEndedPeriodContainsEveryLaterDate() {
        assertThat(Period.from(START).contains(LocalDate.of(2099, 12, 31))).isTrue();
    }
}

package cn.creditbank.ledger.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class CreditsTest {

    @Test
    void refusesNegativeCredits() {
        assertRefused(ErrorCode.NEGATIVE_VALUE, () -> Credits.of("-0.5"));
    }

    @Test
    void keepsTwoDecimalsSoThatEqualAmountsAreEqual() {
        assertThat(Credits.of("2")).isEqualTo(Credits.of("2.00"));
        assertThat(Credits.of("2")).hasToString("2.00");
    }

    @Test
    void roundsHalfUpToTwoDecimals() {
        assertThat(Credits.of("1.005")).isEqualTo(Credits.of("1.01"));
        assertThat(Credits.of("1.004")).isEqualTo(Credits.of("1.00"));
    }

    @ParameterizedTest(name = "{0} h → {1}")
    @CsvSource({"30, 1.9", "16, 1.0", "24, 1.5", "8, 0.5", "4, 0.3", "12, 0.8", "1, 0.1", "0, 0"})
    void derivesCreditsFromClassHoursAtSixteenHoursPerCreditRoundedHalfUpToOneDecimal(int hours, String credits) {
        assertThat(Credits.fromClassHours(hours)).isEqualTo(Credits.of(credits));
    }

    @Test
    void addsAmounts() {
        assertThat(Credits.of("2").plus(Credits.of("1.5"))).isEqualTo(new Credits(new BigDecimal("3.5")));
    }
}

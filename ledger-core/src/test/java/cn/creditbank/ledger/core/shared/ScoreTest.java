package cn.creditbank.ledger.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ScoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"101", "-1", "100.01", "-0.01"})
    void refusesScoreOutsideZeroToHundred(String value) {
        assertRefused(ErrorCode.SCORE_OUT_OF_RANGE, () -> new Score(new BigDecimal(value)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void acceptsBothEndsOfTheRange(int value) {
        assertThat(Score.of(value).value()).isEqualByComparingTo(BigDecimal.valueOf(value));
    }

    @Test
    void refusesMoreThanTwoDecimals() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new Score(new BigDecimal("78.125")));
    }

    @Test
    void scoresThatDifferOnlyInTrailingZerosAreEqual() {
        assertThat(new Score(new BigDecimal("78.50"))).isEqualTo(new Score(new BigDecimal("78.5")));
        assertThat(new Score(new BigDecimal("78.00"))).isEqualTo(Score.of(78)).hasToString("78");
    }

    @Test
    void meetsAMarkFromTheMarkUp() {
        assertThat(Score.of(60).isAtLeast(BigDecimal.valueOf(60))).isTrue();
        assertThat(new Score(new BigDecimal("59.99")).isAtLeast(BigDecimal.valueOf(60))).isFalse();
    }
}

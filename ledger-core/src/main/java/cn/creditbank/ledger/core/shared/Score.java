package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

/** A score of 0–100 (inclusive), as issuers report it; up to two decimals. */
public record Score(@JsonValue BigDecimal value) implements Comparable<Score> {

    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Score {
        Require.present(value, "score");
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new DomainException(ErrorCode.SCORE_OUT_OF_RANGE, "score " + value.toPlainString() + " is outside 0–100",
                    "score");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "score has more than two decimals", "score");
        }
        value = value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    public static Score of(int value) {
        return new Score(BigDecimal.valueOf(value));
    }

    public boolean isAtLeast(BigDecimal mark) {
        return value.compareTo(mark) >= 0;
    }

    @Override
    public int compareTo(Score other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

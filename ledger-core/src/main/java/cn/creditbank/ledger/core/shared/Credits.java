package cn.creditbank.ledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of credits (学分). Kept at scale 2 with HALF_UP rounding, the one place that rounding happens;
 * never negative.
 */
public record Credits(@JsonValue BigDecimal value) implements Comparable<Credits> {

    public static final int SCALE = 2;
    public static final Credits ZERO = new Credits(BigDecimal.ZERO);
    private static final BigDecimal HOURS_PER_CREDIT = BigDecimal.valueOf(16);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Credits {
        Require.present(value, "credits");
        Require.notNegative(value, "credits");
        value = value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static Credits of(String value) {
        return new Credits(new BigDecimal(value));
    }

    /** DOMAIN §3: a unit without credits gives class hours ÷ 16, rounded half-up to one decimal (30 h → 1.9). */
    public static Credits fromClassHours(int hours) {
        return new Credits(BigDecimal.valueOf(hours).divide(HOURS_PER_CREDIT, 1, RoundingMode.HALF_UP));
    }

    public Credits plus(Credits other) {
        return new Credits(value.add(other.value));
    }

    /** The difference, never below zero (credits still needed once enough have been gathered is zero). */
    public Credits minusAtMostZero(Credits other) {
        return new Credits(value.subtract(other.value).max(BigDecimal.ZERO));
    }

    /** A share of these credits (a transfer cap), rounded like every amount of credits. */
    public Credits times(BigDecimal share) {
        return new Credits(value.multiply(share));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public int compareTo(Credits other) {
        return value.compareTo(other.value);
    }

    /** The amount as people write it: 4.5, 6 (not 4.50, 6.00). */
    public String toShortString() {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

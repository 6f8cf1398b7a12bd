package cn.creditbank.ledger.core.shared;

import java.math.BigDecimal;

/** Small argument checks for value types, each refusing with {@link ErrorCode#VALIDATION_FAILED} or a specific code. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " must not be blank", field);
        }
        return value.strip();
    }

    /** Text that must fit the column or index it ends up in; absent text passes. */
    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is longer than " + max + " characters",
                    field);
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is required", field);
        }
        return value;
    }

    public static BigDecimal notNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new DomainException(ErrorCode.NEGATIVE_VALUE, field + " must not be negative", field);
        }
        return value;
    }

    /** The same number written with or without trailing zeros (0.35, 0.350) must compare equal in definitions. */
    public static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Integer notNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw new DomainException(ErrorCode.NEGATIVE_VALUE, field + " must not be negative", field);
        }
        return value;
    }
}

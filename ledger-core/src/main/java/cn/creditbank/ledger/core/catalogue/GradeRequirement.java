package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.util.Set;

/**
 * One requirement of a grade. A flat record rather than a class hierarchy so that the event payload stays a
 * plain, serializer-neutral document; {@link #type} says which fields apply.
 */
public record GradeRequirement(Type type, UnitCode unit, String level, Set<UnitKind> kinds, Credits amount) {

    public enum Type {
        /** A certificate of {@code unit} at {@code level} or above, active at asOf. */
        CERTIFICATE_AT_LEAST,
        /** Accumulated credits of the given unit kinds of at least {@code amount}. */
        CREDITS_AT_LEAST
    }

    public GradeRequirement {
        Require.present(type, "requirement.type");
        switch (type) {
            case CERTIFICATE_AT_LEAST -> {
                Require.present(unit, "requirement.unit");
                level = Require.text(level, "requirement.level");
                kinds = null;
                amount = null;
            }
            case CREDITS_AT_LEAST -> {
                if (kinds == null || kinds.isEmpty()) {
                    throw new DomainException(ErrorCode.VALIDATION_FAILED, "requirement.kinds must not be empty");
                }
                kinds = Set.copyOf(kinds);
                Require.present(amount, "requirement.amount");
                unit = null;
                level = null;
            }
        }
    }

    public static GradeRequirement certificateAtLeast(UnitCode unit, String level) {
        return new GradeRequirement(Type.CERTIFICATE_AT_LEAST, unit, level, null, null);
    }

    public static GradeRequirement creditsAtLeast(Set<UnitKind> kinds, Credits amount) {
        return new GradeRequirement(Type.CREDITS_AT_LEAST, null, null, kinds, amount);
    }
}

package cn.creditbank.ledger.core.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.equalTo;

/** Test helpers that check a refusal by its stable {@link ErrorCode}, never by its message. */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** For {@code fixture...expectException(hasCode(ErrorCode.X))}: a {@link DomainException} with that code. */
    public static Matcher<DomainException> hasCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a DomainException with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainException refusal) {
                return refusal.code();
            }
        };
    }

    /** For plain JUnit tests of value types and command records. */
    public static void assertRefused(ErrorCode code, ThrowingCallable action) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(action)
                .extracting(DomainException::code).as("error code of the refusal")
                .isEqualTo(code);
    }
}

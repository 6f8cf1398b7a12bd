package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static cn.creditbank.ledger.core.outcome.Report.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * An issuer's report may only carry the fields of its kind (DOMAIN.md §4). The recorded events keep no other
 * field, so one would be lost without a word and the identical retry of the report refused as a conflict.
 */
class OutcomeFactsTest {

    static Stream<Arguments> reportsWithAFieldOfAnotherKind() {
        return Stream.of(
                argumentSet("EXAM with class hours", (ThrowingCallable) () -> exam(78, "2023-09-23").hours(2)),
                argumentSet("CERTIFICATE with class hours",
                        (ThrowingCallable) () -> certificate("中级", "2024-05-10").hours(40)),
                argumentSet("MODULE with a certificate number",
                        (ThrowingCallable) () -> module(85, "2025-06-30").certificateNo("X-1")),
                argumentSet("TRAINING with validUntil",
                        (ThrowingCallable) () -> training("2025-02-28").validUntil("2028-02-27")));
    }

    @ParameterizedTest
    @MethodSource("reportsWithAFieldOfAnotherKind")
    void refusesReportWithAFieldItsKindDoesNotHave(ThrowingCallable report) {
        assertRefused(ErrorCode.VALIDATION_FAILED, report);
    }
}

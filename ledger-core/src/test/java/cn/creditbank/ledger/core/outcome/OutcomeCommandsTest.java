package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Checks made when a void, correction or revocation command is built, before any aggregate sees it. */
class OutcomeCommandsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 10, 1);

    static Stream<Arguments> commandsThatNeedAReason() {
        return Stream.of(
                argumentSet("VoidOutcome",
                        (Function<String, Object>) reason -> new VoidOutcome(LEARNER, id("O9"), reason, RECORDED_BY)),
                argumentSet("CorrectOutcome",
                        (Function<String, Object>) reason -> new CorrectOutcome(LEARNER, id("O6"), null, null, DATE,
                                reason, RECORDED_BY)),
                argumentSet("RevokeCertificate",
                        (Function<String, Object>) reason -> new RevokeCertificate(LEARNER, id("O1"), reason, DATE,
                                RECORDED_BY)));
    }

    @ParameterizedTest
    @MethodSource("commandsThatNeedAReason")
    void refusesCommandWithoutReason(Function<String, Object> command) {
        assertRefused(ErrorCode.REASON_REQUIRED, () -> command.apply(null));
        assertRefused(ErrorCode.REASON_REQUIRED, () -> command.apply("  "));
    }

    @ParameterizedTest
    @MethodSource("commandsThatNeedAReason")
    void refusesReasonLongerThanFiveHundredCharacters(Function<String, Object> command) {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> command.apply("错".repeat(501)));
    }

    @Test
    void keepsTheReasonWithoutSurroundingBlanks() {
        assertThat(new VoidOutcome(LEARNER, id("O9"), "  录入错误 ", RECORDED_BY).reason()).isEqualTo("录入错误");
    }

    @Test
    void aBlankLevelInACorrectionMeansNoLevel() {
        var correction = new CorrectOutcome(LEARNER, id("O1"), null, " ", DATE, CORRECTION_REASON, RECORDED_BY);

        assertThat(correction.level()).isNull();
    }
}

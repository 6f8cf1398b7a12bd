package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.outcome.Report.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several outcomes of one learner in one command (batch import): each item is judged as its own recording would be,
 * in order, and a refused item records nothing while the others are recorded.
 */
class RecordOutcomesTest {

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    @Test
    void recordsEveryItemInOrderAndAnswersTheirIds() {
        Report o5 = module(85, "2025-06-30");
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened())
                .when(new RecordOutcomes(LEARNER, List.of(o5.recordAs("O5"), o2.recordAs("O2"))))
                .expectEvents(o5.completedAs("O5", PASSED, "2.00"), o2.examAs("O2", PASSED, "4"))
                .expectResultMessagePayload(List.of(ItemRecorded.recorded(id("O5")), ItemRecorded.recorded(id("O2"))));
    }

    @Test
    void refusesOneItemWithItsOwnCodeAndRecordsTheOthers() {
        Report unknownUnit = module(85, "2025-06-30").unit(UnitCode.of("VOC-AIM-99")).externalRef("X-1");
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened())
                .when(new RecordOutcomes(LEARNER, List.of(unknownUnit.recordAs("O5"), o2.recordAs("O2"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(o2.examAs("O2", PASSED, "4"))
                .expectResultMessagePayloadMatching(answers(List.of(ErrorCode.UNKNOWN_UNIT), "O2"));
    }

    @Test
    void answersARetryWithinTheCommandWithTheFirstIdAndRecordsItOnce() {
        Report o5 = module(85, "2025-06-30");

        fixture.given(opened())
                .when(new RecordOutcomes(LEARNER, List.of(o5.recordAs("O5"), o5.recordAs("O5-again"))))
                .expectEvents(o5.completedAs("O5", PASSED, "2.00"))
                .expectResultMessagePayload(List.of(ItemRecorded.recorded(id("O5")), ItemRecorded.recorded(id("O5"))));
    }

    @Test
    void answersARetryOfAnEarlierRecordingWithItsIdAndRecordsNothing() {
        Report o5 = module(85, "2025-06-30");

        fixture.given(opened(), o5.completedAs("O5", PASSED, "2.00"))
                .when(new RecordOutcomes(LEARNER, List.of(o5.recordAs("O5-retry"))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(ItemRecorded.recorded(id("O5"))));
    }

    @Test
    void refusesTheSameReferenceWithOtherContentWithinTheCommand() {
        Report o5 = module(85, "2025-06-30");

        fixture.given(opened())
                .when(new RecordOutcomes(LEARNER, List.of(o5.recordAs("O5"), o5.score(90).recordAs("O5-other"))))
                .expectEvents(o5.completedAs("O5", PASSED, "2.00"))
                .expectResultMessagePayloadMatching(answers(List.of(), "O5", ErrorCode.EXTERNAL_REF_CONFLICT));
    }

    @Test
    void refusesEveryItemOfALearnerWithoutAccount() {
        fixture.givenNoPriorActivity()
                .when(new RecordOutcomes(LEARNER, List.of(exam(78, "2023-09-23").recordAs("O2"))))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void refusesItemsOfAnotherLearner() {
        RecordOutcome other = new RecordOutcome(LearnerId.of("L-0002"), id("O2"),
                exam(78, "2023-09-23").recordAs("O2").facts(), RECORDED_BY);

        assertThatThrownBy(() -> new RecordOutcomes(LEARNER, List.of(other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Matches answers given as refusal codes (those first, in order) and then outcome ids, or mixed in order. */
    private static org.hamcrest.Matcher<Object> answers(List<ErrorCode> leadingRefusals, Object... rest) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                @SuppressWarnings("unchecked") List<ItemRecorded> items = (List<ItemRecorded>) payload;
                int i = 0;
                for (ErrorCode code : leadingRefusals) {
                    if (i >= items.size() || items.get(i).refusal() != code || items.get(i).detail() == null) {
                        return false;
                    }
                    i++;
                }
                for (Object expected : rest) {
                    if (i >= items.size()) {
                        return false;
                    }
                    ItemRecorded item = items.get(i++);
                    boolean ok = expected instanceof ErrorCode code ? item.refusal() == code && item.outcomeId() == null
                            : !item.refused() && item.outcomeId().equals(id((String) expected));
                    if (!ok) {
                        return false;
                    }
                }
                return i == items.size();
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("answers " + leadingRefusals + " " + List.of(rest));
            }
        };
    }

    @Test
    void anItemAnswerSaysWhetherItWasRefused() {
        assertThat(ItemRecorded.recorded(id("O1")).refused()).isFalse();
    }
}

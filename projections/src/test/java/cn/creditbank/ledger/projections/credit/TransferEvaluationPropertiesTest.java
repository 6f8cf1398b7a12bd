package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.OutcomeId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of DOMAIN §5's evaluation over random catalogues and histories. */
class TransferEvaluationPropertiesTest {

    @Provide
    Arbitrary<RandomLedger.Scenario> scenarios() {
        return RandomLedger.scenarios();
    }

    @Property(tries = 500)
    void transferredNeverExceedsTheCap(@ForAll("scenarios") RandomLedger.Scenario scenario) {
        Evaluation evaluation = evaluate(scenario.outcomes(), scenario);

        assertThat(evaluation.transferredCredits()).isLessThanOrEqualTo(evaluation.cap());
    }

    @Property(tries = 500)
    void noOutcomeIsUsedUnderTwoRulesOrForBothEarningAndTransfer(@ForAll("scenarios") RandomLedger.Scenario scenario) {
        Evaluation evaluation = evaluate(scenario.outcomes(), scenario);

        Map<OutcomeId, String> useOf = new HashMap<>();
        for (CourseResult course : evaluation.courses()) {
            if (course.outcomeId() != null) {
                String use = course.status() + " " + course.ruleId();
                assertThat(useOf.putIfAbsent(course.outcomeId(), use)).isIn(null, use);
            }
        }
    }

    @Property(tries = 500)
    void everyCourseAppearsOnceAndCreditsAddUp(@ForAll("scenarios") RandomLedger.Scenario scenario) {
        Evaluation evaluation = evaluate(scenario.outcomes(), scenario);

        Set<Object> codes = new HashSet<>();
        evaluation.courses().forEach(c -> assertThat(codes.add(c.courseCode())).isTrue());
        Credits gathered = evaluation.earnedCredits().plus(evaluation.transferredCredits());
        if (gathered.compareTo(evaluation.requiredCredits()) <= 0) {
            assertThat(gathered.plus(evaluation.remainingCredits())).isEqualTo(evaluation.requiredCredits());
        } else {
            assertThat(evaluation.remainingCredits()).isEqualTo(Credits.ZERO);
        }
    }

    @Property(tries = 500)
    void everyOutcomeIsUsedOrExplained(@ForAll("scenarios") RandomLedger.Scenario scenario) {
        Evaluation evaluation = evaluate(scenario.outcomes(), scenario);

        Set<OutcomeId> accounted = new HashSet<>();
        evaluation.courses().forEach(c -> accounted.add(c.outcomeId()));
        evaluation.excluded().forEach(e -> accounted.add(e.outcomeId()));
        scenario.outcomes().forEach(o -> assertThat(accounted).contains(o.outcomeId()));
    }

    @Property(tries = 500)
    void theAnswerDoesNotDependOnTheOrderOutcomesWereRecorded(@ForAll("scenarios") RandomLedger.Scenario scenario,
                                                              @ForAll long seed) {
        List<OutcomeView> shuffled = new ArrayList<>(scenario.outcomes());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(evaluate(shuffled, scenario)).isEqualTo(evaluate(scenario.outcomes(), scenario));
    }

    private static Evaluation evaluate(List<OutcomeView> outcomes, RandomLedger.Scenario scenario) {
        return TransferEvaluator.evaluate(outcomes, RandomLedger.PROGRAMME, scenario.catalogue(), RandomLedger.AS_OF);
    }
}

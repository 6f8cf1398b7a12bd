package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * DOMAIN §5, transfer evaluation, step by step: (1) eligibility, (2) courses earned at the programme's own
 * institution, (3) transfer candidates in a fixed order, (4) greedy assignment under the cap, (5) totals.
 * Deterministic: the answer depends only on the outcomes, the catalogue snapshot and the date, never on the order
 * the outcomes are given in.
 */
public final class TransferEvaluator {

    private TransferEvaluator() {
    }

    public static Evaluation evaluate(List<OutcomeView> outcomes, ProgrammeCode programmeCode,
                                      CatalogueSnapshot catalogue, LocalDate asOf) {
        return evaluate(outcomes, programmeCode, catalogue, asOf, List.of());
    }

    public static Evaluation evaluate(List<OutcomeView> outcomes, ProgrammeCode programmeCode,
                                      CatalogueSnapshot catalogue, LocalDate asOf, List<ApprovedTransfer> approved) {
        Versioned<ProgrammeDefinition> programme = catalogue.programmes().get(programmeCode);
        if (programme == null) {
            throw new DomainException(ErrorCode.UNKNOWN_PROGRAMME, "programme " + programmeCode + " is not in the catalogue");
        }
        List<Map.Entry<RuleId, Versioned<ConversionRuleDefinition>>> rules = rulesInEffect(catalogue, programmeCode, asOf);
        var run = new EvaluationRun(programme.definition(), asOf, sortedById(outcomes));
        run.applyApproved(approved);
        run.excludeIneligible();
        run.earnCourses();
        run.transfer(candidates(run, rules, catalogue.units()));
        run.markUnmapped();
        return run.result(programmeCode, programme.version(),
                rules.stream().map(r -> new RuleVersion(r.getKey(), r.getValue().version())).toList());
    }

    private static List<Map.Entry<RuleId, Versioned<ConversionRuleDefinition>>> rulesInEffect(
            CatalogueSnapshot catalogue, ProgrammeCode programme, LocalDate asOf) {
        return catalogue.rules().entrySet().stream()
                .filter(r -> r.getValue().definition().programme().equals(programme))
                .filter(r -> r.getValue().definition().isInEffectOn(asOf))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(RuleId::value)))
                .toList();
    }

    /** Step 3: every (rule, eligible outcome of its source unit) pair meeting the rule's own minimums, in order. */
    private static List<Candidate> candidates(EvaluationRun run,
                                              List<Map.Entry<RuleId, Versioned<ConversionRuleDefinition>>> rules,
                                              Map<cn.creditbank.ledger.core.shared.UnitCode, Versioned<UnitDefinition>> units) {
        List<Candidate> candidates = new ArrayList<>();
        for (var rule : rules) {
            ConversionRuleDefinition definition = rule.getValue().definition();
            for (OutcomeView outcome : run.eligible()) {
                if (!outcome.unitCode().equals(definition.sourceUnit())) {
                    continue;
                }
                ExclusionReason refusal = RuleMinimums.refusal(definition, outcome, units.get(outcome.unitCode()));
                if (refusal != null) {
                    run.exclude(Exclusion.underRule(outcome.outcomeId(), rule.getKey(), refusal));
                } else {
                    candidates.add(new Candidate(outcome, rule.getKey(), rule.getValue().version(), definition));
                }
            }
        }
        candidates.sort(Candidate.ORDER);
        return candidates;
    }

    private static List<OutcomeView> sortedById(List<OutcomeView> outcomes) {
        return outcomes.stream().sorted(Comparator.comparing(o -> o.outcomeId().value())).toList();
    }

    /** A rule applied to one outcome, before the greedy assignment decides whether it is used. */
    record Candidate(OutcomeView outcome, RuleId ruleId, int ruleVersion, ConversionRuleDefinition rule) {

        /** DOMAIN §5 step 3: outcome date descending, then rule id; outcome id last, for full determinism. */
        static final Comparator<Candidate> ORDER = Comparator
                .comparing((Candidate c) -> c.outcome().date(), Comparator.reverseOrder())
                .thenComparing(c -> c.ruleId().value())
                .thenComparing(c -> c.outcome().outcomeId().value());
    }

    static Credits sum(List<CourseResult> courses) {
        return courses.stream().map(CourseResult::credits).reduce(Credits.ZERO, Credits::plus);
    }
}

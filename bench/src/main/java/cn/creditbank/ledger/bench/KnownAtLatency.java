package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.credit.Balance;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.FindBalance;
import cn.creditbank.ledger.projections.credit.FindEvaluation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Latency of time-travel reads on the generated history: one query at a time (no load; that is the load
 * benchmark's job), random learners, random {@code knownAt} instants within each learner's part of the history.
 */
final class KnownAtLatency {

    private static final int QUERIES = 2_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final long learners;
    private final Instant to;
    private final Random random = new Random(7);

    KnownAtLatency(QueryGateway queries, JdbcTemplate jdbc, long learners, Instant to) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.learners = learners;
        this.to = to;
    }

    List<String> measure() {
        double[] balance = timed((learner, knownAt) -> queries.query(new FindBalance(learner, AS_OF, knownAt),
                ResponseTypes.instanceOf(Balance.class)).join());
        double[] evaluation = timed((learner, knownAt) -> queries.query(new FindEvaluation(learner,
                DemoCatalogue.SOFTWARE_DIPLOMA, AS_OF, knownAt), ResponseTypes.instanceOf(Evaluation.class)).join());
        return List.of("knownat_balance_p50 " + percentile(balance, 50) + " ms",
                "knownat_balance_p99 " + percentile(balance, 99) + " ms",
                "knownat_evaluation_p50 " + percentile(evaluation, 50) + " ms",
                "knownat_evaluation_p99 " + percentile(evaluation, 99) + " ms");
    }

    /** Each query asks about a random learner at a random instant between the account's opening and the end. */
    private double[] timed(BiFunction<LearnerId, Instant, Object> query) {
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            LearnerId learner = LearnerId.of("bench-" + random.nextInt((int) learners));
            Instant openedAt = jdbc.queryForObject("SELECT opened_at FROM learner_account WHERE learner_id = ?",
                    Timestamp.class, learner.value()).toInstant();
            Instant knownAt = openedAt.plusMillis((long) (random.nextDouble() * (to.toEpochMilli() - openedAt.toEpochMilli())));
            long started = System.nanoTime();
            query.apply(learner, knownAt);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String percentile(double[] sorted, int percentile) {
        return String.format("%.1f", sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)]);
    }
}

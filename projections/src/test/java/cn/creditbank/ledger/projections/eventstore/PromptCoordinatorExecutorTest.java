package cn.creditbank.ledger.projections.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only Axon's full-queue pause is shortened; the coordinator's claim, extension and back-off delays are kept. */
class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("outcome-history",
            Duration.ofMillis(5));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void looksAgainAtFullWorkPackagesAfterTheRetryInsteadOfAxonsPause() {
        assertThat(executor.delayNanos(100, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(executor.delayNanos(50, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
    }

    @Test
    void keepsImmediateRunsAndShorterDelays() {
        assertThat(executor.delayNanos(0, TimeUnit.MILLISECONDS)).isZero();
        assertThat(executor.delayNanos(2, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
    }

    @Test
    void keepsTheClaimExtensionClaimIntervalAndErrorBackOff() {
        assertThat(executor.delayNanos(101, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(101));
        assertThat(executor.delayNanos(500, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(executor.delayNanos(1, TimeUnit.SECONDS)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(executor.delayNanos(60_000, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MINUTES.toNanos(1));
    }

    @Test
    void schedulesTheCoordinatorRunWithTheShortenedDelayOnAThreadNamedLikeAxons() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        Runnable coordinatorRun = () -> ranOn.complete(Thread.currentThread().getName());
        ScheduledFuture<?> run = executor.schedule(coordinatorRun, 100, TimeUnit.MILLISECONDS);

        assertThat(run.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(5);
        assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("Coordinator[outcome-history]");
    }

    @Test
    void shortensTheDelayOfAScheduledCallableAlike() throws Exception {
        ScheduledFuture<String> run = executor.schedule(() -> "ran", 100, TimeUnit.MILLISECONDS);

        assertThat(run.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(5);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
    }

    @Test
    void refusesARetryLongerThanAxonsPause() {
        assertThatThrownBy(() -> new PromptCoordinatorExecutor("transfers", Duration.ofMillis(101)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

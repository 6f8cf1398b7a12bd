package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.AxonThreadFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The single thread of a pooled streaming processor's coordinator (named as Axon names it), which looks again at
 * full work packages sooner than Axon does.
 * <p>
 * Axon 4.13's coordinator stops reading events when a work package has 1,024 queued, and then schedules itself again
 * after a fixed 100 ms; nothing wakes it earlier (the work packages do not tell it when they drain their queue). While
 * a projection catches up (a rebuild, a backlog) a work package empties a full queue into one batch and handles it in
 * a few tens of milliseconds, then idles until the 100 ms are over: a replay of 1M events ran at about 1,024 events per
 * 100 ms per processor whatever the segments or batch size. Here every delay of at most those 100 ms runs after
 * {@code fullQueueRetry} instead; the coordinator's other delays (the claim interval, the claim extension, the error
 * back-off, all 500 ms or more here) and its immediate runs are kept as they are. A look at a full queue costs the
 * coordinator a count per work package (kept by the queue, ADR 0009), nothing on the database.
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** Axon's fixed pause of a coordinator whose work packages are full (Coordinator.CoordinationTask#run). */
    static final Duration AXON_FULL_QUEUE_PAUSE = Duration.ofMillis(100);

    private final long fullQueueRetryNanos;

    PromptCoordinatorExecutor(String processorName, Duration fullQueueRetry) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
        if (fullQueueRetry.isNegative() || fullQueueRetry.compareTo(AXON_FULL_QUEUE_PAUSE) > 0) {
            throw new IllegalArgumentException("full-queue retry must be between 0 and " + AXON_FULL_QUEUE_PAUSE
                    + ", got " + fullQueueRetry);
        }
        this.fullQueueRetryNanos = fullQueueRetry.toNanos();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, delayNanos(delay, unit), TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(callable, delayNanos(delay, unit), TimeUnit.NANOSECONDS);
    }

    /** The delay actually used for a coordinator run Axon asked for after {@code delay}. */
    long delayNanos(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        return nanos > fullQueueRetryNanos && nanos <= AXON_FULL_QUEUE_PAUSE.toNanos() ? fullQueueRetryNanos : nanos;
    }
}

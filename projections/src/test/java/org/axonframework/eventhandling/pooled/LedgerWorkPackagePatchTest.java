package org.axonframework.eventhandling.pooled;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger carries Axon 4.13.0's {@code WorkPackage} with one line changed (its queue keeps a count, ADR 0009;
 * that the copy is the class loaded, and of which Axon version: {@code CarriedAxonClassesTest}). This fails when the
 * queue loses its count or no longer fills up at Axon's buffer size.
 */
class LedgerWorkPackagePatchTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        worker.shutdownNow();
    }

    @Test
    void itsQueueCountsItsEntriesAndStillFillsUpAtAxonsBufferSize() throws ReflectiveOperationException {
        WorkPackage workPackage = WorkPackage.builder()
                .name("outcome-history")
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .executorService(worker)
                .eventFilter((event, segment) -> true)
                .batchProcessor((events, unitOfWork, segments) -> { })
                .segment(Segment.ROOT_SEGMENT)
                .initialToken(new GlobalSequenceTrackingToken(0))
                .segmentStatusUpdater(update -> { })
                .build();
        var queue = WorkPackage.class.getDeclaredField("processingQueue");
        queue.setAccessible(true);
        assertThat(queue.get(workPackage)).isInstanceOf(LinkedBlockingQueue.class);

        worker.submit(() -> {
            release.await(); // the worker is busy, so every scheduled event stays queued
            return null;
        });
        for (int position = 1; position < WorkPackage.BUFFER_SIZE; position++) {
            workPackage.scheduleEvent(event(position));
        }
        assertThat(workPackage.hasRemainingCapacity()).isTrue();
        workPackage.scheduleEvent(event(WorkPackage.BUFFER_SIZE));
        assertThat(workPackage.hasRemainingCapacity()).isFalse();
    }

    private static GenericTrackedEventMessage<String> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

}

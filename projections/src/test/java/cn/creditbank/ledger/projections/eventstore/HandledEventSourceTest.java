package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection is handed the events it handles, and of each run of others only the last one available, so its token
 * still reaches every position the store has.
 */
class HandledEventSourceTest {

    /** Payloads the projection under test handles are Integers; Strings it has no handler for. */
    private final AtomicInteger typeQuestions = new AtomicInteger();
    private final Store store = new Store();
    private final HandledEventSource source = new HandledEventSource(store, type -> {
        typeQuestions.incrementAndGet();
        return type == Integer.class;
    });

    @Test
    void runsOfUnhandledEventsArePassedOverUpToTheNextHandledOne() throws InterruptedException {
        store.append("a", "b", 3, "d", "e", 6, 7);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(drain(stream)).containsExactly(3L, 6L, 7L);
    }

    @Test
    void theLastAvailableEventIsDeliveredEvenWhenUnhandledSoThePositionReachesTheHead() throws InterruptedException {
        store.append(1, "b", "c");
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(drain(stream)).containsExactly(1L, 3L);

        store.append("d");
        assertThat(drain(stream)).containsExactly(4L);
        store.append("e", "f", 7, "h");
        assertThat(drain(stream)).containsExactly(7L, 8L);
    }

    @Test
    void anEventSharingTheTokenOfTheOneDeliveredBeforeItIsDeliveredToo() throws InterruptedException {
        store.append(1);
        store.appendAtTheSamePosition("b"); // as when one stored event is upcast into two
        store.append("c", 4);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        assertThat(stream.nextAvailable().getPayload()).isEqualTo(1);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("b");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(4);
    }

    @Test
    void theProjectionIsAskedOncePerPayloadType() throws InterruptedException {
        store.append("a", 2, "c", 4, "e", 6);
        drain(source.openStream(null));

        assertThat(typeQuestions.get()).isEqualTo(2);
    }

    @Test
    void tokensAndTheRestOfTheStreamAreTheStores() {
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.close();
        assertThat(store.closed).isTrue();
    }

    private static List<Long> drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            positions.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }
        return positions;
    }

    /** An event store whose stream hands out what was appended so far, one position per event. */
    private static final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final Deque<TrackedEventMessage<?>> pending = new ArrayDeque<>();
        private long head;
        private boolean closed;

        void append(Object... payloads) {
            for (Object payload : payloads) {
                head++;
                appendAtTheSamePosition(payload);
            }
        }

        void appendAtTheSamePosition(Object payload) {
            pending.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(head),
                    GenericEventMessage.asEventMessage(payload)));
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(pending.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return !pending.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return pending.remove();
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(head);
        }
    }
}

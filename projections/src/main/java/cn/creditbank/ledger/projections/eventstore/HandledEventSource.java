package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A streaming projection's view of the event store that passes over the events it has no handler for: of a run of
 * such events, only the last one that is available is delivered. Its token covers every event before it (the store's
 * tokens only move forward), so the projection's position advances exactly as far as when it was handed each one,
 * and reaches the head even when the newest events are none of its business.
 * <p>
 * Axon's coordinator would otherwise offer each of them to every work package, which asks each handler whether it
 * takes the event and queues it only to advance the token: for the transfers projection, which handles five event
 * types, that was most of its work in a rebuild (its coordinator and work packages together a third of the CPU of
 * the projections' threads, ADR 0008). Reading the store and decoding each row still happen as before. Axon's own
 * hook for this, {@code skipMessagesWithPayloadTypeOf}, would drop such events outright: a projection whose newest
 * events are all unhandled would then never see its position reach the head.
 * <p>
 * Whether a payload type is handled is the processor's own answer ({@code canHandleType}), asked once per type.
 */
final class HandledEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Predicate<Class<?>> handledType;

    HandledEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Predicate<Class<?>> handledType) {
        this.store = store;
        Map<Class<?>, Boolean> answers = new ConcurrentHashMap<>();
        this.handledType = type -> answers.computeIfAbsent(type, handledType::test);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new HandledEventStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class HandledEventStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private TrackingToken lastDelivered;

        HandledEventStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            // an unhandled event is delivered only when nothing follows it yet: a later event's token covers it. One
            // sharing the token of the event delivered before it is delivered too: Axon's coordinator peeks for such
            // events (several upcast from one stored event) and takes them together with the next ones it is handed
            while (!handledType.test(next.getPayloadType()) && !next.trackingToken().equals(lastDelivered)
                    && events.hasNextAvailable()) {
                next = events.nextAvailable();
            }
            lastDelivered = next.trackingToken();
            return next;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}

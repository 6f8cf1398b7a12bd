package org.axonframework.eventhandling;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger carries Axon 4.13.0's {@code MultiEventHandlerInvoker} with the two checks of its {@code canHandle}
 * in the other order (ADR 0009): an invoker is asked whether it supports a reset only for an event under a replay
 * token (that the copy is the class loaded, and of which Axon version: {@code CarriedAxonClassesTest}). These fail
 * when its answers differ from Axon's or it asks about resets outside a replay.
 */
class LedgerMultiEventHandlerInvokerPatchTest {

    private final CountingInvoker withReset = new CountingInvoker(true);
    private final CountingInvoker withoutReset = new CountingInvoker(false);

    @Test
    void outsideAReplayNoInvokerIsAskedAboutResets() {
        MultiEventHandlerInvoker invoker = new MultiEventHandlerInvoker(withoutReset, withReset);

        assertThat(invoker.canHandle(event(new GlobalSequenceTrackingToken(7)), Segment.ROOT_SEGMENT)).isTrue();

        assertThat(withoutReset.resetQuestions.get() + withReset.resetQuestions.get()).isZero();
        assertThat(withoutReset.handleQuestions.get()).isOne();
    }

    @Test
    void inAReplayOnlyInvokersThatSupportResetsTakeTheEvent() {
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(3));
        TrackedEventMessage<?> replayed =
                event(((ReplayToken) replaying).advancedTo(new GlobalSequenceTrackingToken(4)));

        assertThat(new MultiEventHandlerInvoker(withoutReset).canHandle(replayed, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(withoutReset.handleQuestions.get()).isZero();
        assertThat(new MultiEventHandlerInvoker(withoutReset, withReset).canHandle(replayed, Segment.ROOT_SEGMENT))
                .isTrue();
        assertThat(withReset.handleQuestions.get()).isOne();
    }

    private static TrackedEventMessage<?> event(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("an event"));
    }

    /** Takes every event; counts the questions it is asked. */
    private static final class CountingInvoker implements EventHandlerInvoker {
        private final boolean supportsReset;
        private final AtomicInteger resetQuestions = new AtomicInteger();
        private final AtomicInteger handleQuestions = new AtomicInteger();

        CountingInvoker(boolean supportsReset) {
            this.supportsReset = supportsReset;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            handleQuestions.incrementAndGet();
            return true;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
        }

        @Override
        public boolean supportsReset() {
            resetQuestions.incrementAndGet();
            return supportsReset;
        }
    }
}

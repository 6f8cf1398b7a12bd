package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Rebuilds a projection from the first event: stop its processor, reset its tokens (the projection's reset handler
 * empties its tables), start it again. This is also the repair when reconciliation finds a skipped event.
 */
@Component
public class ProjectionReplay {

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;

    public ProjectionReplay(EventProcessingConfiguration processing, ProjectionPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    /** Starts the rebuild; with a timeout, waits until the projection has caught up with the current head. */
    public boolean rebuild(String projection, Duration waitFor) {
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming projection named " + projection));
        long head = positions.head();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return positions.awaitPosition(projection, head, waitFor);
    }
}

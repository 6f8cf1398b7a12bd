package cn.creditbank.ledger.api.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness of the read side: every streaming projection processor is running and not in error. (Whether their read
 * models are complete is the {@code projections} indicator's question; it is not part of readiness, because with one
 * shared database every node would leave the load balancer at once.)
 */
@Component("eventProcessors")
class EventProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        boolean ready = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                boolean healthy = streaming.isRunning() && !streaming.isError();
                states.put(entry.getKey(), streaming.isError() ? "ERROR" : streaming.isRunning() ? "RUNNING" : "STOPPED");
                ready &= healthy;
            }
        }
        return (ready ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
    }
}

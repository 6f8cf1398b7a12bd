package cn.creditbank.ledger.api.operations;

import cn.creditbank.ledger.projections.reconciliation.ReconciliationReport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the read side: DOWN when a stored event never reached the projection or sits in its dead-letter queue
 * (answers would be wrong), with the projection's position and lag as details.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    private final ReconciliationMonitor monitor;

    ProjectionHealth(ReconciliationMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        ReconciliationReport report = monitor.latest();
        Health.Builder health = report.consistent() ? Health.up() : Health.down();
        return health.withDetail("projection", report.projection())
                .withDetail("headPosition", report.headPosition())
                .withDetail("processedUpTo", report.processedUpTo())
                .withDetail("lag", report.lag())
                .withDetail("missingEvents", report.missing())
                .withDetail("deadLetters", report.deadLetters())
                .build();
    }
}

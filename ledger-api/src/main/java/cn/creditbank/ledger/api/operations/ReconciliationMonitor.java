package cn.creditbank.ledger.api.operations;

import cn.creditbank.ledger.projections.reconciliation.ProjectionReconciliation;
import cn.creditbank.ledger.projections.reconciliation.ReconciliationReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs reconciliation on a schedule (every node, read-only: no singleton job) and publishes its latest report as
 * gauges: {@code ledger.projection.missing.events}, {@code ledger.projection.dead.letters} and
 * {@code ledger.projection.lag} (events behind the head), tagged with the projection.
 */
@Component
public class ReconciliationMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationMonitor.class);

    private final ProjectionReconciliation reconciliation;
    private final AtomicReference<ReconciliationReport> latest = new AtomicReference<>();

    public ReconciliationMonitor(ProjectionReconciliation reconciliation, MeterRegistry meters) {
        this.reconciliation = reconciliation;
        String projection = "outcome-history";
        Gauge.builder("ledger.projection.missing.events", latest, r -> r.get() == null ? 0 : r.get().missing().size())
                .description("stored events the projection never applied (skipped after the gap timeout)")
                .tag("projection", projection).register(meters);
        Gauge.builder("ledger.projection.dead.letters", latest, r -> r.get() == null ? 0 : r.get().deadLetters())
                .description("events parked in the projection's dead-letter queue")
                .tag("projection", projection).register(meters);
        Gauge.builder("ledger.projection.lag", latest, r -> r.get() == null ? 0 : r.get().lag())
                .description("events stored but not yet handled by the projection")
                .tag("projection", projection).register(meters);
    }

    @Scheduled(initialDelayString = "${ledger.reconciliation.initial-delay-ms:10000}",
            fixedDelayString = "${ledger.reconciliation.interval-ms:30000}")
    public void reconcile() {
        ReconciliationReport report = reconciliation.outcomeHistory();
        latest.set(report);
        if (!report.missing().isEmpty()) {
            LOG.error("Projection {} never applied stored events {}: rebuild it (replay) to repair",
                    report.projection(), report.missing());
        }
    }

    /** The latest report, or a fresh one before the first scheduled run. */
    public ReconciliationReport latest() {
        ReconciliationReport report = latest.get();
        if (report == null) {
            reconcile();
            report = latest.get();
        }
        return report;
    }
}

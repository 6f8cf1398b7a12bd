package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.projections.database.EmbeddedPostgresServer;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.reconciliation.ProjectionReconciliation;
import cn.creditbank.ledger.projections.reconciliation.ReconciliationReport;
import cn.creditbank.ledger.projections.reconciliation.ReplayComparison;
import cn.creditbank.ledger.projections.reconciliation.ScratchReplay;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.STREAMING_PROJECTIONS;

/**
 * Replay speed: generates a learner history of at least {@code --events} events (default 1,000,000; {@code --quick}
 * 100,000) in a fresh durable embedded PostgreSQL, then rebuilds every streaming projection (outcome-history and
 * transfers, together, as an application starting on an empty read model does) from the first event, twice, and
 * reports events per second until the slowest reaches the head, after checking the rebuilt read models are complete.
 * {@code --verify} also replays both projections event by event into a scratch schema and requires the rebuilt read
 * models to equal it (slow: meant for {@code --quick}). Other arguments are Spring properties, e.g.
 * {@code --ledger.projections.batch-size=500}.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    static int run(String[] args) throws Exception {
        long events = Arguments.number(args, "--events", Arguments.has(args, "--quick") ? 100_000 : 1_000_000);
        Path target = Files.createDirectories(Path.of("bench", "target"));
        Path dataDir = Files.createTempDirectory(target, "pg-"); // a fresh database for every run
        // as the application runs its handlers (ledger-api's application.yml): without Axon's handler-timeout monitor
        List<String> springArgs = new ArrayList<>(List.of("--bench.data-dir=" + dataDir, "--axon.timeout.enabled=false"));
        List.of(args).stream().filter(a -> a.startsWith("--ledger.") || a.startsWith("--axon."))
                .forEach(springArgs::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE).run(springArgs.toArray(String[]::new))) {
            new ReplayBenchmark().run(context, events, Arguments.has(args, "--verify"));
        }
        return 0;
    }

    private void run(ConfigurableApplicationContext context, long events, boolean verify) throws Exception {
        DemoCatalogue.commands("bench").forEach(context.getBean(CommandGateway.class)::sendAndWait);
        List<StreamingEventProcessor> projections = STREAMING_PROJECTIONS.stream()
                .map(name -> context.getBean(EventProcessingConfiguration.class)
                        .eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                .toList();
        projections.forEach(StreamingEventProcessor::shutDown); // generating is not measured; replays start from zero

        long started = System.nanoTime();
        var generator = new HistoryGenerator(context.getBean(DataSource.class), context.getBean(Serializer.class));
        long generated = generator.generate(events);
        double generateSeconds = seconds(started);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long learners = jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry"
                + " WHERE type = 'LearnerAccount'", Long.class);

        List<String> lines = new ArrayList<>();
        lines.add(Arguments.line("replay_events", generated, "events"));
        lines.add(Arguments.line("replay_learners", learners, "learners"));
        lines.add(Arguments.line("generate", Math.round(generated / generateSeconds), "events/s"));
        for (int run = 1; run <= 2; run++) {
            CpuMeter cpu = new CpuMeter(ProcessHandle.current().pid(),
                    context.getBean(EmbeddedPostgresServer.class).dataDir());
            CpuMeter.Reading before = cpu.read();
            long replayStarted = System.nanoTime();
            rebuildAll(context, projections);
            double replaySeconds = seconds(replayStarted);
            CpuMeter.Reading after = cpu.read();
            assertComplete(context, jdbc);
            lines.add(Arguments.line("replay_run_" + run, Math.round(generated / replaySeconds), "events/s"));
            lines.add(Arguments.line("replay_run_" + run + "_wall", Math.round(replaySeconds), "s"));
            // CPU per event, less sensitive than events/s to other work on a shared machine
            lines.add(Arguments.line("replay_run_" + run + "_cpu_java",
                    Math.round((after.app() - before.app()) * 1e6 / generated), "µs/event"));
            lines.add(Arguments.line("replay_run_" + run + "_cpu_postgres",
                    Math.round((after.postgres() - before.postgres()) * 1e6 / generated), "µs/event"));
            lines.add("replay_run_%d_other_cores %.2f cores".formatted(run, CpuMeter.between(before, after).other()));
        }
        if (verify) {
            for (String projection : STREAMING_PROJECTIONS) {
                ReplayComparison comparison = context.getBean(ScratchReplay.class).replay(projection, null);
                if (!comparison.matches()) {
                    throw new IllegalStateException("the rebuilt " + projection + " differs from an event-by-event "
                            + "replay: " + comparison);
                }
                lines.add("verified_" + projection + " " + comparison.liveChecksum() + " checksum");
            }
        }
        lines.addAll(new KnownAtLatency(context.getBean(QueryGateway.class), jdbc, learners,
                generator.lastStampedAt()).measure());
        lines.add(Arguments.line("heap_peak", peakHeapMegabytes(), "MB"));
        lines.forEach(System.out::println);
        writeReport(jdbc, lines, context);
    }

    /** Resets every streaming projection and restarts them together; returns when all have reached the head. */
    private static void rebuildAll(ConfigurableApplicationContext context, List<StreamingEventProcessor> projections) {
        ProjectionPositions positions = context.getBean(ProjectionPositions.class);
        long head = positions.head();
        projections.forEach(StreamingEventProcessor::shutDown);
        projections.forEach(StreamingEventProcessor::resetTokens);
        projections.forEach(StreamingEventProcessor::start);
        for (String projection : STREAMING_PROJECTIONS) {
            if (!positions.awaitPosition(projection, head, Duration.ofMinutes(60))) {
                throw new IllegalStateException("the replay of " + projection + " did not reach the head within an hour");
            }
        }
    }

    private static void assertComplete(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        ReconciliationReport report = context.getBean(ProjectionReconciliation.class).outcomeHistory();
        long outcomeEvents = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type = 'LearnerAccount'"
                + " AND payload_type NOT LIKE '%LearnerAccountOpened'", Long.class);
        long versions = jdbc.queryForObject("SELECT count(*) FROM outcome_version", Long.class);
        if (!report.consistent() || versions != outcomeEvents) {
            throw new IllegalStateException("rebuilt read model incomplete: " + report + ", " + versions
                    + " versions for " + outcomeEvents + " outcome events");
        }
        // the generated history has no transfer applications: the transfers model holds its withdrawals only
        long withdrawals = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type = 'LearnerAccount'"
                + " AND (payload_type LIKE '%OutcomeVoided' OR payload_type LIKE '%CertificateRevoked')", Long.class);
        long withdrawn = jdbc.queryForObject("SELECT count(*) FROM transfer_outcome_withdrawal", Long.class);
        if (withdrawn != withdrawals) {
            throw new IllegalStateException("rebuilt transfers model incomplete: " + withdrawn + " withdrawals for "
                    + withdrawals + " void and revocation events");
        }
    }

    private static void writeReport(JdbcTemplate jdbc, List<String> lines, ConfigurableApplicationContext context)
            throws IOException {
        var env = context.getEnvironment();
        String report = """
                # Replay benchmark

                Rebuild of every streaming projection (`outcome-history` and `transfers`, together) from the first
                event until the slower one reaches the head, on a generated history (demo
                catalogue; mostly module results and exams, some certificates, a few corrections and voids), in a
                durable embedded PostgreSQL (fsync, synchronous_commit and full_page_writes on). Measured %s.

                Run: `./mvnw -B -q -DskipTests package -pl bench -am && java -Xmx2g -jar bench/target/bench.jar`
                (`--quick` for 100k events, `--events N`, Spring properties such as `--ledger.projections.batch-size=500`).

                ```
                %s
                ```

                - machine: %d cores, %d MB memory, %s
                - processor: pooled streaming, %s segments, batch size %s, full work packages looked at again after
                  %s ms; event store fetch size %s
                - database: shared_buffers %s, max_wal_size %s
                """.formatted(LocalDate.now(), String.join("\n", lines), Runtime.getRuntime().availableProcessors(),
                totalMemoryMegabytes(), jdbc.queryForObject("SELECT version()", String.class),
                env.getProperty("ledger.projections.segments", "2"), env.getProperty("ledger.projections.batch-size", "500"),
                env.getProperty("ledger.projections.full-queue-retry-ms", "5"),
                env.getProperty("ledger.eventstore.batch-size", "1000"),
                jdbc.queryForObject("SHOW shared_buffers", String.class),
                jdbc.queryForObject("SHOW max_wal_size", String.class));
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("benchmarks-replay.md"), report);
    }

    private static long totalMemoryMegabytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() / (1024 * 1024) : -1;
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }


    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

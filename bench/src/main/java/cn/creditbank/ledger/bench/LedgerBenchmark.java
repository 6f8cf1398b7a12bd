package cn.creditbank.ledger.bench;

import ch.qos.logback.classic.Level;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.projections.audit.AuditChainer;
import cn.creditbank.ledger.projections.database.EmbeddedPostgresServer;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.reconciliation.ReadModelTable;
import cn.creditbank.ledger.projections.reconciliation.ReplayableProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.STREAMING_PROJECTIONS;

/**
 * The ledger benchmark ({@code java -jar bench/target/bench.jar ledger [--quick]}): in one run, on one fresh durable
 * embedded PostgreSQL (fsync, synchronous_commit, full_page_writes on),
 * <ol>
 *   <li>the raw JDBC baseline (single-row and 100-row transactions, 16 connections);</li>
 *   <li>a generated history (demo catalogue, about nine events a learner) written straight into the event store,
 *       and hash-chained ahead, so the application's audit chainer does not compete with the replay;</li>
 *   <li>the packaged application started on it: replay = both streaming projections from zero to the head;
 *       then stopped, the projections put back to zero, and started again for the replay's profile;</li>
 *   <li>balance and evaluation reads at 200 requests/s (open loop);</li>
 *   <li>single outcomes from 16 clients, then batch imports of 1,000 outcomes.</li>
 * </ol>
 * Each measured phase is followed by a shorter, unmeasured repeat with thread dumps and pg_stat_activity sampled
 * (its profile); the replay's profile is a second cold start, sampled sparsely.
 * Reads run before writes so that they see exactly the generated history. Prints {@code name value unit ratio}
 * lines and writes docs/benchmarks.md (quick: bench/target/benchmarks-quick.md, so CI never rewrites the docs).
 * Missing a target never fails the run: the machine is shared and the figures are noisy. A wrong answer does.
 */
final class LedgerBenchmark {

    private static final int CLIENTS = 16;
    private static final int BATCH_SIZE = 1_000;
    private static final double READ_RATE = 200;

    private final boolean quick;
    private final long events;
    private final Duration baselinePhase;
    private final Duration writePhase;
    private final Duration readPhase;
    private final Duration warmUp;
    private final Duration profilePhase;
    private final int batchRequests;
    private final int batchClients;
    private final List<String> appArguments;
    private final List<String> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder cpu = new StringBuilder();
    private final StringBuilder appThreads = new StringBuilder();
    private final StringBuilder profiles = new StringBuilder();
    private final Map<String, CpuMeter.Usage> usages = new LinkedHashMap<>();
    private final List<String> limits = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> ceilings = new ArrayList<>();
    private final List<String> databaseWork = new ArrayList<>();
    private final StringBuilder statementTimes = new StringBuilder();
    private StatementProfile statements;
    private double singleCeiling;
    private double batchCeiling;
    private double batchWrittenCeiling;
    private Path work;
    private long failures;

    private LedgerBenchmark(String[] args) {
        quick = Arguments.has(args, "--quick");
        events = Arguments.number(args, "--events", quick ? 50_000 : 1_000_000);
        baselinePhase = Duration.ofSeconds(Arguments.number(args, "--baseline-seconds", quick ? 3 : 10));
        warmUp = Duration.ofSeconds(Arguments.number(args, "--warm-up-seconds", quick ? 2 : 20));
        writePhase = Duration.ofSeconds(Arguments.number(args, "--write-seconds", quick ? 4 : 20));
        readPhase = Duration.ofSeconds(Arguments.number(args, "--read-seconds", quick ? 4 : 30));
        profilePhase = Duration.ofSeconds(Arguments.number(args, "--profile-seconds", quick ? 2 : 8));
        batchRequests = (int) Arguments.number(args, "--batches", quick ? 4 : 30);
        batchClients = (int) Arguments.number(args, "--batch-clients", 2);
        appArguments = List.of(args).stream().filter(a -> a.startsWith("--ledger.")).toList();
    }

    static int run(String[] args) throws Exception {
        if (!Files.isReadable(LedgerProcess.JAR)) {
            System.err.println("build the application first: ./mvnw -B -q -DskipTests install");
            return 2;
        }
        return new LedgerBenchmark(args).run();
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        // stdout carries the figure lines; the embedded PostgreSQL's start-up chatter is not one of them
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        work = Files.createTempDirectory(Files.createDirectories(Path.of("bench", "target")), "ledger-");
        progress("work directory " + work.toAbsolutePath());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("pg"), 0,
                StatementProfile.SERVER_SETTINGS);
             ConfigurableApplicationContext generator = new SpringApplicationBuilder(GeneratorApplication.class)
                     .web(WebApplicationType.NONE).run("--bench.jdbc-url=" + postgres.jdbcUrl(),
                             "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = generator.getBean(JdbcTemplate.class);
            statements = new StatementProfile(jdbc);
            String version = jdbc.queryForObject("SHOW server_version", String.class);
            assertDurable(jdbc);
            // the projections must start from zero in the application, not here
            generator.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).forEach(EventProcessor::shutDown);

            double single;
            double batched;
            Serializer serializer = generator.getBean(Serializer.class);
            RawBaseline baseline = new RawBaseline(postgres.jdbcUrl(), samplePayload(serializer),
                    serializer.serialize(MetaData.emptyInstance(), byte[].class).getData(),
                    CompletionRecorded.class.getName());
            CpuMeter database = new CpuMeter(-1, postgres.dataDir());
            single = rawRun("baseline single-row", "baseline: single-row transactions", database,
                    baseline::singleRow);
            batched = rawRun("baseline 100-row", "baseline: 100-row transactions", database, baseline::batched);
            singleCeiling = rawRun("ceiling: ledger-shaped single", "ceiling: ledger-shaped single recordings",
                    database, baseline::ledgerShapedSingle);
            batchCeiling = rawRun("ceiling: ledger-shaped 100-outcome",
                    "ceiling: ledger-shaped 100-outcome transactions", database, baseline::ledgerShapedBatched);
            batchWrittenCeiling = rawRun("ceiling: all four rows, 100-outcome",
                    "ceiling: every row the ledger writes, 100-outcome transactions", database,
                    baseline::ledgerWrittenBatched);
            baseline.dropTable();
            figure("baseline_single_row", single, "rows/s", null);
            figure("baseline_batched_rows", batched, "rows/s", null);

            progress("generating at least " + events + " events");
            DemoCatalogue.commands("bench").forEach(generator.getBean(CommandGateway.class)::sendAndWait);
            // stamped so that the whole history is in the past when it is read (knownAt defaults to now)
            long generated = new HistoryGenerator(generator.getBean(DataSource.class), serializer,
                    Instant.now().minusMillis(events + 60_000)).generate(events);
            long learners = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                    + " WHERE payload_type LIKE '%LearnerAccountOpened'", Long.class);
            progress("generated " + generated + " events for " + learners + " learners; chaining the audit trail");
            generator.getBean(AuditChainer.class).chain();
            settleDatabase(jdbc);
            notes.add("history: %,d generated events, %,d learners (demo catalogue; modules, exams, certificates, "
                    .formatted(generated, learners) + "a few corrections and voids)");

            measureApplication(work, postgres, generator, single, batched, learners);
            writeReport(version, started);
        }
        if (failures == 0) { // a full run leaves gigabytes of database behind; the application's log stays
            try (var files = Files.walk(work.resolve("pg"))) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void measureApplication(Path work, EmbeddedPostgresServer postgres,
                                    ConfigurableApplicationContext generator, double single, double batched,
                                    long learners) throws Exception {
        ProjectionPositions positions = generator.getBean(ProjectionPositions.class);
        JdbcTemplate jdbc = generator.getBean(JdbcTemplate.class);
        DataSource database = generator.getBean(DataSource.class);
        List<Map<String, Object>> startingTokens = jdbc.queryForList("SELECT * FROM token_entry");
        progress("starting the application (java -Xmx512m -jar " + LedgerProcess.JAR + ")");
        double replay;
        long firstPeak;
        // measured unobserved, as every other figure is: thread dumps and CPU sampling would be part of it
        try (LedgerProcess first = LedgerProcess.start(postgres.jdbcUrl(), work, "ledger-api-replay.log",
                appArguments);
             HeapWatch heap = new HeapWatch(first)) {
            CpuMeter meter = new CpuMeter(first.pid(), postgres.dataDir());
            CpuMeter.Reading mark = meter.read();
            DatabaseWork databaseStatistics = new DatabaseWork(database);
            DatabaseWork.Reading done = databaseStatistics.read();
            statements.reset();
            long head = positions.head();
            try {
                replay = replay(first, positions, jdbc);
            } catch (RuntimeException | Error failure) {
                System.err.println(first.logTail());
                throw failure;
            }
            cpuRow("replay (includes application start)", meter, mark);
            databaseWork("replay", "event", head, databaseStatistics, done);
            statementTimes.append(statements.markdown("Replay (the application's start included)", "event", head));
            if (quick) {
                notes.add("quick mode does not wait for PostgreSQL's statistics between phases: a database row may"
                        + " count the last seconds of the phase before it");
            }
            firstPeak = heap.peakMegabytes();
        }
        // the replay's profile comes from the same cold start again, observed; that application then serves the rest
        resetProjections(jdbc, startingTokens);
        progress("starting the application again for the replay's profile (not measured)");
        try (LedgerProcess ledger = LedgerProcess.start(postgres.jdbcUrl(), work, "ledger-api.log", appArguments);
             HeapWatch heap = new HeapWatch(ledger)) {
            CpuMeter meter = new CpuMeter(ledger.pid(), postgres.dataDir());
            DatabaseWork databaseStatistics = new DatabaseWork(database);
            try {
                double profiledReplay = profiledReplay(ledger, positions, jdbc, database);
                notes.add("replay, profiled: %,.0f events/s with its thread dumps and CPU samples (%.0f %% of the ".formatted(
                        profiledReplay, 100 * profiledReplay / replay) + "unobserved replay)");
                figure("replay", replay, "events/s", null);
                ledger.awaitReady(Duration.ofMinutes(5));

                HttpLoad load = new HttpLoad(ledger, learners);
                Random random = new Random(11);
                IntFunction<String> balancePath = i -> "/api/v1/learners/" + load.learner(random) + "/balance";
                IntFunction<String> evaluationPath = i -> "/api/v1/learners/" + load.learner(random)
                        + "/evaluations/" + DemoCatalogue.SOFTWARE_DIPLOMA.value();
                // quick mode has no time to wait for the statistics: its database rows may count a phase's last
                // seconds in the next phase
                Settling settling = new Settling(ledger, positions, jdbc,
                        quick ? Duration.ZERO : Settling.STATISTICS_REPORTED);
                ledger.collectGarbage();
                // quick mode has no time to wait for the compiler either
                WarmUp warming = new WarmUp(meter, warmUp, !quick);
                progress("warming up the read paths (not measured)");
                warmedUp("balance reads", warming.run(length -> load.openLoop(READ_RATE, length, balancePath)));
                warmedUp("evaluation reads", warming.run(length -> load.openLoop(READ_RATE, length,
                        evaluationPath)));

                progress("reads: balance at " + (int) READ_RATE + " requests/s for " + readPhase.toSeconds() + " s");
                HttpLoad.Reads balance = measured("balance reads", "read", settling, meter, databaseStatistics,
                        () -> load.openLoop(READ_RATE, readPhase, balancePath), HttpLoad.Reads::scheduled);
                profiled("Balance reads", ledger, database, () -> load.openLoop(READ_RATE, profilePhase, balancePath));
                progress("reads: evaluation at " + (int) READ_RATE + " requests/s for " + readPhase.toSeconds() + " s");
                HttpLoad.Reads evaluation = measured("evaluation reads", "read", settling, meter, databaseStatistics,
                        () -> load.openLoop(READ_RATE, readPhase, evaluationPath), HttpLoad.Reads::scheduled);
                profiled("Evaluation reads", ledger, database,
                        () -> load.openLoop(READ_RATE, profilePhase, evaluationPath));
                reads("balance", balance);
                reads("evaluation", evaluation);

                progress("warming up single outcomes (not measured), then " + CLIENTS + " clients for "
                        + writePhase.toSeconds() + " s");
                warmedUp("single outcomes", warming.run(length -> load.singleOutcomes(CLIENTS, length)));
                HttpLoad.Writes outcomes = measured("single outcomes", "outcome", settling, meter, databaseStatistics,
                        () -> load.singleOutcomes(CLIENTS, writePhase), HttpLoad.Writes::succeeded);
                profiled("Single outcomes", ledger, database, () -> load.singleOutcomes(CLIENTS, profilePhase));
                failures += outcomes.failed();
                figure("single_outcome", outcomes.perSecond(), "outcomes/s", outcomes.perSecond() / single);
                ceilings.add("| single outcome | %,.0f outcomes/s | %,.0f outcomes/s | %.2f × | %.0f %% |".formatted(
                        singleCeiling, outcomes.perSecond(), singleCeiling / single, 100 * outcomes.perSecond() / singleCeiling));
                figure("single_outcome_p99", outcomes.latencies().percentileMillis(99), "ms", null);
                notes.add("single outcomes: %,d recorded (201), %d failed, p50 %.1f ms, p99 %.1f ms".formatted(
                        outcomes.succeeded(), outcomes.failed(), outcomes.latencies().percentileMillis(50),
                        outcomes.latencies().percentileMillis(99)));

                progress("warming up batch imports (not measured), then "
                        + batchRequests + " requests of "
                        + BATCH_SIZE + " outcomes, " + batchClients + " clients");
                warmedUp("batch import", warming.run(length -> {
                    for (long until = System.nanoTime() + length.toNanos(); System.nanoTime() < until; ) {
                        load.batches(batchClients, BATCH_SIZE, batchClients);
                    }
                }));
                HttpLoad.Writes batches = measured("batch import", "outcome", settling, meter, databaseStatistics,
                        () -> load.batches(batchRequests, BATCH_SIZE, batchClients), HttpLoad.Writes::succeeded);
                profiled("Batch import", ledger, database,
                        () -> load.batches(Math.max(2, batchRequests / 3), BATCH_SIZE, batchClients));
                failures += batches.failed();
                figure("batch_import", batches.perSecond(), "outcomes/s", batches.perSecond() / batched);
                ceilings.add("| batch import | %,.0f outcomes/s | %,.0f outcomes/s | %.2f × | %.0f %% |".formatted(
                        batchCeiling, batches.perSecond(), batchCeiling / batched, 100 * batches.perSecond() / batchCeiling));
                ceilings.add("| batch import, all four rows | %,.0f outcomes/s | %,.0f outcomes/s | %.2f × | %.0f %% |"
                        .formatted(batchWrittenCeiling, batches.perSecond(), batchWrittenCeiling / batched,
                                100 * batches.perSecond() / batchWrittenCeiling));
                notes.add("batch import: %,d rows accepted in %d requests from %d clients, %d not accepted, request p50 %.0f ms"
                        .formatted(batches.succeeded(), batchRequests, batchClients, batches.failed(),
                                batches.latencies().percentileMillis(50)));
                ledger.assertAlive();
            } catch (RuntimeException | Error failure) {
                System.err.println(ledger.logTail());
                throw failure;
            }
            heap.close();
            figure("heap_peak", Math.max(firstPeak, heap.peakMegabytes()), "MB", null);
            notes.add("heap_peak: the application's (-Xmx512m) largest heap in use, read over JMX every 0.5 s (in use, "
                    + "and just before the last collection); the harness itself peaked at " + benchHeapMegabytes()
                    + " MB");
        }
        checkTargets();
    }

    /** One of the plain-JDBC runs: its rate, with its CPU row. */
    private double rawRun(String phase, String description, CpuMeter meter, RawRun run) throws Exception {
        progress(description + ", " + baselinePhase.toSeconds() + " s");
        CpuMeter.Reading before = meter.read();
        double rate = run.rate(baselinePhase);
        cpuRow(phase, meter, before);
        return rate;
    }

    /** A {@link RawBaseline} run for a given time. */
    private interface RawRun {
        double rate(Duration length) throws Exception;
    }

    private void warmedUp(String path, WarmUp.Done done) {
        notes.add("warm-up, " + done.describe(path));
    }

    /**
     * A measured pass: started once the work of what ran before it has settled (projections and audit chain at the
     * head), its CPU row taken when it ends, its database row once the work it caused has settled too.
     */
    private <T> T measured(String phase, String unit, Settling settling, CpuMeter meter, DatabaseWork statistics,
                           Callable<T> pass, ToDoubleFunction<T> units) throws Exception {
        settling.awaitHead();
        CpuMeter.Reading mark = meter.read();
        DatabaseWork.Reading before = statistics.read();
        statements.reset();
        T result = pass.call();
        cpuRow(phase, meter, mark);
        settling.awaitHead();
        databaseWork(phase, unit, units.applyAsDouble(result), statistics, before);
        statementTimes.append(statements.markdown(Character.toUpperCase(phase.charAt(0)) + phase.substring(1), unit,
                units.applyAsDouble(result)));
        return result;
    }

    /**
     * From the moment the application claims a projection segment until both streaming projections have handled
     * every stored event (their {@code token_entry} positions reach the head): events/s over the events stored,
     * measured unobserved.
     */
    private double replay(LedgerProcess ledger, ProjectionPositions positions, JdbcTemplate jdbc) throws Exception {
        long started = awaitFirstClaim(ledger, jdbc, "");
        Replayed replayed = awaitHead(ledger, positions, jdbc, started);
        notes.add("replay: %,d events through both streaming projections (%s) in %.1f s, measured from the "
                .formatted(replayed.events(), String.join(", ", STREAMING_PROJECTIONS), replayed.seconds())
                + "first segment claim to both positions at the head, unobserved; the application was still "
                + "starting meanwhile");
        return replayed.perSecond();
    }

    /** The same replay observed (thread dumps every 2 s and CPU samples), kept as the replay's profile. */
    private double profiledReplay(LedgerProcess ledger, ProjectionPositions positions, JdbcTemplate jdbc,
                                  DataSource database) throws Exception {
        long started = awaitFirstClaim(ledger, jdbc, " (observed)");
        ThreadSampler sampler = new ThreadSampler(ledger.threads(), database, ThreadSampler.SPARSE_PERIOD_MS);
        CpuProfile cpuProfile = CpuProfile.start(ledger.management(), work.resolve("replay.jfr"));
        Replayed replayed = awaitHead(ledger, positions, jdbc, started);
        sampler.close();
        cpuProfile.close();
        profile("Replay", sampler, cpuProfile);
        return replayed.perSecond();
    }

    /** Events replayed (all stored up to the head reached) in a time. */
    private record Replayed(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Waits for the application to claim a segment of a streaming projection; returns when it did (nanoTime). */
    private long awaitFirstClaim(LedgerProcess ledger, JdbcTemplate jdbc, String how) throws InterruptedException {
        String claimed = "SELECT count(*) FROM token_entry WHERE owner IS NOT NULL AND processor_name IN ("
                + String.join(",", STREAMING_PROJECTIONS.stream().map(p -> "'" + p + "'").toList()) + ")";
        while (jdbc.queryForObject(claimed, Long.class) == 0) {
            ledger.assertAlive();
            Thread.sleep(20);
        }
        progress("replay: the application's projections started" + how);
        return System.nanoTime();
    }

    /** Waits until both streaming projections' positions reach the head. */
    private static Replayed awaitHead(LedgerProcess ledger, ProjectionPositions positions, JdbcTemplate jdbc,
                                      long started) throws InterruptedException {
        long head;
        while (true) {
            ledger.assertAlive();
            head = positions.head();
            long at = head;
            if (STREAMING_PROJECTIONS.stream().allMatch(p -> positions.processedUpTo(p) >= at)) {
                break;
            }
            if (System.nanoTime() - started > Duration.ofHours(1).toNanos()) {
                throw new IllegalStateException("the projections did not reach the head within an hour");
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Replayed(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, head), seconds);
    }

    /**
     * Puts the projections back where the first start found them: their read models empty (the tables their reset
     * handlers empty) and their token rows as they were.
     */
    private static void resetProjections(JdbcTemplate jdbc, List<Map<String, Object>> tokens) {
        for (ReplayableProjection projection : ReplayableProjection.values()) {
            jdbc.execute("TRUNCATE " + String.join(", ", projection.tables().stream().map(ReadModelTable::name)
                    .toList()));
        }
        jdbc.update("DELETE FROM token_entry");
        for (Map<String, Object> token : tokens) {
            jdbc.update("INSERT INTO token_entry (" + String.join(", ", token.keySet()) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(token.size(), "?")) + ")", token.values().toArray());
        }
        settleDatabase(jdbc);
    }

    /**
     * Statistics and visibility for what was just written, and its dirty pages on disk: generating the history leaves
     * gigabytes of them in PostgreSQL's buffers, whose write-out (a checkpoint, and evictions) would otherwise land
     * in the replay's time. The replay's own writes and checkpoints stay in it.
     */
    private static void settleDatabase(JdbcTemplate jdbc) {
        jdbc.execute("VACUUM ANALYZE");
        jdbc.execute("CHECKPOINT");
    }

    /**
     * Runs a phase again, shorter, with the application's threads and database sessions sampled, and keeps the
     * profile. Never the measured pass: a thread dump stops every application thread at a safepoint, four times a
     * second, which showed as a p99 of 100 ms on reads that take 5.
     */
    private void profiled(String phase, LedgerProcess ledger, DataSource database, Callable<?> work)
            throws Exception {
        progress("profiling: " + phase + " again for its thread dumps (not measured)");
        ThreadSampler sampler = new ThreadSampler(ledger.threads(), database, ThreadSampler.PROFILE_PERIOD_MS);
        CpuProfile cpuProfile = CpuProfile.start(ledger.management(), this.work.resolve("profile.jfr"));
        try {
            work.call();
        } finally {
            sampler.close();
            cpuProfile.close();
            profile(phase, sampler, cpuProfile);
        }
    }

    private void reads(String name, HttpLoad.Reads reads) {
        failures += reads.failed();
        figure(name + "_p50", reads.latencies().percentileMillis(50), "ms", null);
        figure(name + "_p99", reads.latencies().percentileMillis(99), "ms", null);
        notes.add("%s reads: %,d scheduled at %.0f/s, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(
                name, reads.scheduled(), READ_RATE, reads.failed(), reads.latencies().percentileMillis(50),
                reads.latencies().percentileMillis(99), reads.latencies().percentileMillis(100)));
    }

    private void checkTargets() {
        target("single_outcome ≥ 0.5 × baseline_single_row", ratio("single_outcome") >= 0.5,
                "%.2f ×".formatted(ratio("single_outcome")));
        target("batch_import ≥ 30,000 outcomes/s", value("batch_import") >= 30_000,
                "%,.0f outcomes/s".formatted(value("batch_import")));
        target("batch_import ≥ 0.35 × baseline_batched_rows", ratio("batch_import") >= 0.35,
                "%.2f ×".formatted(ratio("batch_import")));
        target("replay ≥ 20,000 events/s", value("replay") >= 20_000, "%,.0f events/s".formatted(value("replay")));
        target("balance_p99 ≤ 10 ms at 200 req/s", value("balance_p99") <= 10, "%.1f ms".formatted(value("balance_p99")));
        target("evaluation_p99 ≤ 25 ms at 200 req/s", value("evaluation_p99") <= 25,
                "%.1f ms".formatted(value("evaluation_p99")));
        target("heap_peak ≤ 512 MB", value("heap_peak") <= 512, "%.0f MB".formatted(value("heap_peak")));
    }

    private void target(String target, boolean met, String measured) {
        targets.add("| %s | %s | %s |".formatted(target, measured, met ? "PASS" : "MISS"));
    }

    private void figure(String name, double value, String unit, Double ratio) {
        String line = "%s %s %s %s".formatted(name, value >= 100 || unit.equals("MB") ? "%.0f".formatted(value)
                : "%.1f".formatted(value), unit, ratio == null ? "-" : "%.2f".formatted(ratio));
        lines.add(line);
        System.out.println(line);
    }

    private String field(String name, int index) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow().split(" ")[index];
    }

    private double value(String name) {
        return Double.parseDouble(field(name, 1));
    }

    private double ratio(String name) {
        return Double.parseDouble(field(name, 3));
    }

    /** The database's work per unit in a measured phase, as a row of the report. */
    private DatabaseWork.Reading databaseWork(String phase, String unit, double units, DatabaseWork statistics,
                                              DatabaseWork.Reading from) {
        DatabaseWork.Reading now = statistics.read();
        databaseWork.add("| %s | %,.0f %ss | %s |".formatted(phase, units, unit, DatabaseWork.perUnit(from, now, units)));
        return now;
    }

    private CpuMeter.Reading cpuRow(String phase, CpuMeter meter, CpuMeter.Reading from) {
        CpuMeter.Reading now = meter.read();
        CpuMeter.Usage usage = CpuMeter.between(from, now);
        usages.put(phase, usage);
        cpu.append(usage.row(phase)).append('\n');
        if (!usage.appThreads().isEmpty()) {
            appThreads.append(usage.threadRow(phase)).append('\n');
        }
        return now;
    }

    private void profile(String phase, ThreadSampler sampler, CpuProfile cpuProfile) {
        profiles.append("### ").append(phase).append("\n\n").append(cpuProfile.markdown(phase)).append('\n')
                .append(sampler.markdown(phase)).append('\n');
        String summary = cpuProfile.summary() + "; thread dumps: " + sampler.summary();
        limits.add(phase + ": " + summary);
        progress(phase + ": " + summary);
    }

    /**
     * Per sampled phase: how full the machine was and what the application's threads did. A machine near all its
     * cores busy is CPU-bound (and then "other" says how much of it was not this run); otherwise the threads wait.
     */
    private String limitsMarkdown() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> out = new ArrayList<>();
        for (String entry : limits) {
            String phase = entry.substring(0, entry.indexOf(':'));
            CpuMeter.Usage usage = usages.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(phase.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            String machine = usage == null ? "" : (usage.machine() >= 0.9 * cores
                    ? "**CPU-bound**: %.1f of %d cores busy (application %.2f, PostgreSQL %.2f, harness %.2f, other %.2f). "
                    : "not CPU-bound: %.1f of %d cores busy (application %.2f, PostgreSQL %.2f, harness %.2f, other %.2f), the threads wait. ")
                    .formatted(usage.machine(), cores, usage.app(), usage.postgres(), usage.bench(), usage.other());
            out.add("- **" + phase + "**: " + machine + entry.substring(phase.length() + 2) + ".");
        }
        return String.join("\n", out);
    }

    /** A real event's serialized payload, so the baseline rows weigh what the ledger's rows weigh. */
    private static byte[] samplePayload(Serializer serializer) {
        LearnerId learner = LearnerId.of("bench-123456");
        return serializer.serialize(new CompletionRecorded(learner, OutcomeId.of("B3"), UnitKind.MODULE,
                UnitCode.of("VOC-AIM-03"), 1, InstitutionCode.of("DEMO-VOC"), learner + "-3",
                LocalDate.of(2024, 5, 17), Score.of(82), 16, true, Credits.of("2"), "bench"), byte[].class).getData();
    }

    private static void assertDurable(JdbcTemplate jdbc) {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            String value = jdbc.queryForObject("SHOW " + setting, String.class);
            if (!"on".equals(value)) {
                throw new IllegalStateException(setting + " is " + value + ": the benchmark runs durable or not at all");
            }
        }
    }

    private void writeReport(String postgresVersion, long startedNanos) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String machine = "%d cores, %,d MB memory, PostgreSQL %s (embedded, fsync/synchronous_commit/full_page_writes on), %s %s"
                .formatted(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() >> 20, postgresVersion,
                        System.getProperty("java.vm.name"), System.getProperty("java.version"));
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
                Locale.ROOT));
        String report = """
                # Ledger benchmark

                The figures of the benchmark issue, measured in one run on one durable embedded PostgreSQL: the raw
                JDBC limit of the machine, then the packaged application (`java -Xmx512m -jar
                ledger-api/target/ledger-api.jar`, demo data set, its own HTTP API and authorization server) on the
                same database. Generated by the harness; do not edit by hand. What was changed for these figures, what
                was rejected and what limits each one: [ADR 0008](adr/0008-throughput.md).

                ```bash
                ./mvnw -B -q -DskipTests install
                java -Xmx1g -jar bench/target/bench.jar ledger            # full: 1M events, about 13 minutes
                java -Xmx1g -jar bench/target/bench.jar ledger --quick    # 50k events, under 3 minutes; writes bench/target/benchmarks-quick.md
                ```

                Options: `--events N`, `--baseline-seconds`, `--warm-up-seconds`, `--write-seconds`, `--read-seconds`,
                `--profile-seconds`, `--batches`, `--batch-clients`, and any `--ledger.*` Spring property, passed to the application (e.g.
                `--ledger.projections.batch-size=500`). The exit status is 1 only when a request failed or the
                application did not come up; a missed target never fails the run (the machine is shared, the figures
                are noisy), so `.ci/run` may run `--quick`.

                - run: %s, %s mode, %.0f s in all
                - machine: %s

                ## Figures (`name value unit ratio`)

                ```
                %s
                ```

                %s

                ## Targets (2 cores)

                | target | measured | |
                |---|---|---|
                %s

                ## Ceilings: PostgreSQL alone, doing only what a recording cannot do without

                Plain JDBC on the same database, 16 connections, per outcome only the two rows its own transaction must
                write: its event (`domain_event_entry` shape) and the claim of its issuer's reference
                (`outcome_reference` shape, `ON CONFLICT` as the ledger's guard); a single recording first reads its
                account's events (accounts of ten). No HTTP, no judging, no projection row, no audit link: an upper
                bound for the ledger on this machine, not an estimate of it. "All four rows" adds, in the same
                100-outcome transactions, the two rows the ledger writes for every outcome afterwards, which a
                sustained rate needs too (the projection and the audit chain must keep up): its `outcome_version`
                row and its `audit_chain` link (tables of the same columns and indexes), still without reading,
                judging or HTTP.

                | path | ceiling | ledger | ceiling ÷ baseline | ledger ÷ ceiling |
                |---|---:|---:|---:|---:|
                %s

                ## What each figure measures

                - `baseline_single_row`: plain JDBC, 16 connections, each row its own transaction, into
                  `bench_baseline` (the columns, types, primary key and unique indexes of `domain_event_entry`, a real
                  `CompletionRecorded` payload); `baseline_batched_rows`: the same in 100-row transactions
                  (`reWriteBatchedInserts`). The machine's durable-commit limit that ledger figures are divided by.
                - `single_outcome`: 16 closed-loop clients `POST /api/v1/learners/{id}/outcomes` (operator token,
                  60 %% modules, 30 %% exams, 10 %% certificates, no two clients on one learner); 201s per second;
                  `single_outcome_p99` their latency. Ratio: to `baseline_single_row`.
                - `batch_import`: `POST /api/v1/outcomes:batch` with 1,000 outcomes over 1,000 learners a request;
                  accepted rows per second. Ratio: to `baseline_batched_rows`.
                - `replay`: the application starting on the generated history with its projections at zero; events
                  per second until both streaming projections' positions (`token_entry`) reach the head, measured
                  unobserved. The history is hash-chained before the application starts, so its audit chainer does
                  not compete. The application is then stopped, the projections put back to zero and it is started
                  again, observed, for the replay's profile (its rate is in the notes); that process serves the rest.
                - `balance_*`, `evaluation_*`: `GET …/balance` and `GET …/evaluations/OUC-SE-DIP` for random learners
                  of the history, 200 requests/s on an open-loop schedule, one endpoint at a time, latency from each
                  request's scheduled send time. They run before the writes, on the generated history alone.
                  Before them the application's heap is collected once (over JMX: the replay's debris is not the
                  reads' cost). Every path is warmed up, unmeasured, right before it is measured
                  (`--warm-up-seconds`, 20, for each, then on in 5 s slices until the application's JIT compiler
                  uses less than 0.05 cores, at most 2 minutes in all; quick mode only the 2 s), and every measured
                  pass starts once the projections and the audit chain have caught up with what ran before it and
                  its statistics are reported. How long each path was warmed up is in the notes above.
                - `heap_peak`: the application's heap in use, read over JMX twice a second (now, and just before its last collection).

                ## What limits it

                Read from this run's CPU accounting, database statistics, JFR CPU samples and thread dumps (tables
                below); measured, not interpreted. The CPU and database rows are the measured passes; the CPU samples
                and thread dumps come from a shorter repeat of each phase right after it (a dump pauses the
                application, so the measured passes run without them); the replay's from a second cold start of
                the application, with thread dumps only every 2 s.

                %s

                ## Where the CPU went (average cores busy per phase)

                `other` is work on the machine outside this run (other builds on a shared machine): the noise.

                | phase | s | machine | application | PostgreSQL | harness | other |
                |---|---:|---:|---:|---:|---:|---:|
                %s
                The application's share by thread group (cores; from /proc, so compiler and collector threads, which
                JFR's samples never see, are counted too):

                | phase | application threads |
                |---|---|
                %s
                ## What the database did per unit of work

                From PostgreSQL's statistics over each measured phase, read once the projections and the audit
                chain had caught up with what it wrote: commits (statements outside a transaction count as one
                each), and rows per table (`+` inserted, `~` updated, `-` deleted; rows read where many were). The
                raw baseline commits one row per transaction; each ledger unit below is the whole of what the ledger
                wrote for it, the projections and the audit chainer included.

                | phase | units | per unit |
                |---|---:|---|
                %s

                ## What PostgreSQL spent its time on (pg_stat_statements)

                Per measured phase (the work it caused in the projections and the audit chain included), the
                statements that took most of the server's time, waits included (a transaction's commit, its WAL
                flush, is no statement and is not in it). The harness's own few queries (positions, statistics) are
                among them.

                %s
                ## What the application's threads were doing (JFR CPU samples, thread dumps)

                %s
                """.formatted(when, quick ? "quick" : "full", (System.nanoTime() - startedNanos) / 1e9, machine,
                String.join("\n", lines), String.join("\n", notes.stream().map(n -> "- " + n).toList()),
                String.join("\n", targets), String.join("\n", ceilings), limitsMarkdown(), cpu, appThreads, String.join("\n", databaseWork), statementTimes, profiles);
        Path file = quick ? Path.of("bench", "target", "benchmarks-quick.md") : Path.of("docs", "benchmarks.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        progress("wrote " + file);
    }

    private static long benchHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}

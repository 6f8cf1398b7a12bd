package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.projections.audit.AuditChainer;
import cn.creditbank.ledger.projections.audit.AuditCheckpoints;
import cn.creditbank.ledger.projections.audit.AuditExport;
import cn.creditbank.ledger.projections.audit.AuditFilter;
import cn.creditbank.ledger.projections.audit.AuditSigningKeys;
import cn.creditbank.ledger.projections.audit.AuditVerifier;
import cn.creditbank.ledger.projections.audit.ChainRun;
import cn.creditbank.ledger.projections.audit.ChainVerification;
import cn.creditbank.ledger.projections.audit.Checkpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The regulator's path at scale (docs/audit.md): a generated history of at least {@code --events} events (default
 * 1,000,000; {@code --quick} 100,000) in a fresh durable embedded PostgreSQL is chained and checkpointed, verified
 * online, exported as NDJSON, and the export verified offline by the packaged application
 * ({@code java -jar ledger-api/target/ledger-api.jar audit verify}, as a regulator runs it). Prints
 * {@code name value unit} lines and writes docs/benchmarks-audit.md.
 */
final class AuditBenchmark {

    private AuditBenchmark() {
    }

    static int run(String[] args) throws Exception {
        long events = Arguments.number(args, "--events", Arguments.has(args, "--quick") ? 100_000 : 1_000_000);
        Path ledgerJar = Path.of(Arguments.text(args, "--ledger-jar", "ledger-api/target/ledger-api.jar"));
        if (!Files.isReadable(ledgerJar)) {
            System.err.println("build the application first: ./mvnw -B -q -DskipTests package");
            return 2;
        }
        Path target = Files.createDirectories(Path.of("bench", "target"));
        Path work = Files.createTempDirectory(target, "audit-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE).run("--bench.data-dir=" + work.resolve("pg"))) {
            List<String> lines = measure(context, events, work, ledgerJar);
            lines.forEach(System.out::println);
            Files.writeString(Path.of("docs", "benchmarks-audit.md"), report(context, lines));
            return 0;
        }
    }

    private static List<String> measure(ConfigurableApplicationContext context, long events, Path work,
                                        Path ledgerJar) throws Exception {
        DemoCatalogue.commands("bench").forEach(context.getBean(CommandGateway.class)::sendAndWait);
        // the read models are not measured here: keep their processors off the disk
        context.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .forEach(EventProcessor::shutDown);
        long generated = new HistoryGenerator(context.getBean(DataSource.class), context.getBean(Serializer.class))
                .generate(events);
        long stored = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        List<String> lines = new ArrayList<>();
        lines.add(Arguments.line("audit_events", stored, "events"));
        long started = System.nanoTime();
        ChainRun chained = context.getBean(AuditChainer.class).chain();
        lines.add(rate("audit_chain", chained.appended(), started));
        lines.add(Arguments.line("audit_checkpoints", chained.checkpoints(), "checkpoints"));

        started = System.nanoTime();
        ChainVerification verification = context.getBean(AuditVerifier.class).verify();
        if (!verification.verified() || verification.events() != stored) {
            throw new IllegalStateException("the generated ledger did not verify: " + verification);
        }
        lines.add(rate("audit_verify_online", verification.events(), started));

        Path export = work.resolve("events.ndjson");
        started = System.nanoTime();
        long exported;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
            exported = context.getBean(AuditExport.class).write(
                    new AuditFilter(null, null, null, null, 0, (int) stored), out);
        }
        lines.add(rate("audit_export", exported, started));
        lines.add(Arguments.line("audit_export_size", Files.size(export) >> 20, "MB"));

        Path keys = writeKeys(context, work);
        Path checkpoints = writeCheckpoints(context, work);
        started = System.nanoTime();
        Process verifier = new ProcessBuilder("java", "-Xmx256m", "-jar", ledgerJar.toString(), "audit", "verify",
                "--export", export.toString(), "--keys", keys.toString(), "--checkpoints", checkpoints.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("verify.txt").toFile()).start();
        if (verifier.waitFor() != 0) {
            throw new IllegalStateException("offline verification failed: " + Files.readString(work.resolve("verify.txt")));
        }
        lines.add(rate("audit_verify_offline", exported, started));
        return lines;
    }

    /** The JWK set exactly as GET /api/v1/audit/keys answers it. */
    private static Path writeKeys(ConfigurableApplicationContext context, Path work) throws IOException {
        List<Map<String, String>> keys = context.getBean(AuditSigningKeys.class).published().stream()
                .map(key -> Map.of("kty", "OKP", "crv", "Ed25519", "x", key.x(), "kid", key.keyId(), "use", "sig",
                        "alg", "EdDSA")).toList();
        Path file = work.resolve("keys.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("keys", keys));
        return file;
    }

    /** Every checkpoint, in the shape of GET /api/v1/audit/checkpoints. */
    private static Path writeCheckpoints(ConfigurableApplicationContext context, Path work) throws IOException {
        AuditCheckpoints checkpoints = context.getBean(AuditCheckpoints.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Checkpoint c : checkpoints.page(0, (int) checkpoints.count())) {
            items.add(Map.of("chainSequence", c.chainSequence(), "position", c.position(), "hash", c.hash(),
                    "signedAt", c.signedAt().toString(), "signature", c.signature(), "keyId", c.keyId()));
        }
        Path file = work.resolve("checkpoints.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("items", items));
        return file;
    }

    private static String rate(String name, long count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return Arguments.line(name, Math.round(count / seconds), "events/s") + " (" + Math.round(seconds) + " s)";
    }

    private static String report(ConfigurableApplicationContext context, List<String> lines) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return """
                # Audit benchmark

                The regulator's path on a generated history (demo catalogue; module results, exams, certificates,
                corrections, voids) in a durable embedded PostgreSQL (fsync, synchronous_commit and
                full_page_writes on): chaining with signed checkpoints, online verification (`GET
                /api/v1/audit/verify`'s service), NDJSON export, and offline verification of the export by the
                packaged application in its own JVM (`-Xmx256m`). Measured %s.

                Run: `./mvnw -B -q -DskipTests package && java -jar bench/target/bench.jar audit` (`--quick` for
                100k events, `--events N`, `--ledger-jar PATH` to verify with another copy of the application).

                ```
                %s
                ```

                - machine: %d cores, %s
                """.formatted(LocalDate.now(), String.join("\n", lines), Runtime.getRuntime().availableProcessors(),
                jdbc.queryForObject("SELECT version()", String.class));
    }
}

package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import cn.creditbank.ledger.projections.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit replay} from the command line, against the database a running server (with the demo data) uses: the
 * command starts its own node without a web server, prints the result and exits 0, 1 or 2.
 */
class ReplayCommandTest {

    private static String databaseUrl;
    private static ApiNode server;

    @BeforeAll
    static void startServer() {
        databaseUrl = TestPostgres.freshDatabaseUrl();
        server = ApiNode.start(databaseUrl, Map.of());
        ProjectionPositions positions = server.bean(ProjectionPositions.class);
        long head = positions.head();
        ProjectionProcessors.STREAMING_PROJECTIONS.forEach(projection ->
                assertThat(positions.awaitPosition(projection, head, Duration.ofSeconds(30))).isTrue());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aMatchingReplayPrintsBothChecksumsWithChineseAndEnglishLabelsAndExitsZero() {
        Run run = run("audit", "replay", "--projection", "outcome-history");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("投影 Projection:", "outcome-history", "全部事件 all events",
                "实时校验和 Live checksum:", "重放校验和 Replay checksum:", "一致 MATCHES");
    }

    @Test
    void aCorruptedLiveRowMakesItDifferNamingTheRowAndExitsOne() {
        String corrupt = """
                UPDATE outcome_version SET credits = credits + ? WHERE learner_id = 'demo-zhangsan'
                  AND outcome_id = 'O5' AND known_until IS NULL""";
        server.jdbc().update(corrupt, 1);
        try {
            Run run = run("audit", "replay", "--projection=outcome-history", "--known-at", Instant.now().toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("不一致 DIFFERS", "outcome_version", "不同 DIFFERENT",
                    "learner_id=demo-zhangsan, outcome_id=O5");
        } finally {
            server.jdbc().update(corrupt, -1);
        }
    }

    @Test
    void withJsonTheResultIsTheHttpAnswersShape() {
        Run run = run("audit", "replay", "--projection", "transfers", "--known-at", "2026-11-01T00:00:00Z", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.get("projection").asString()).isEqualTo("transfers");
        assertThat(result.get("knownAt").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(result.get("matches").asBoolean()).isTrue();
    }

    @Test
    void usageErrorsExitTwoBeforeStartingAnything() {
        for (String[] args : List.of(new String[]{"audit", "replay"},
                new String[]{"audit", "replay", "--projection", "balances"},
                new String[]{"audit", "replay", "--projection", "transfers", "--known-at", "yesterday"},
                new String[]{"audit", "replay", "--projection", "transfers", "--known-at",
                        Instant.now().plusSeconds(3600).toString()},
                new String[]{"audit", "replay", "--projection"},
                new String[]{"audit", "replay", "--projection", "transfers", "extra"})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long started = System.nanoTime();

            int exit = ReplayCommand.run(args, utf8(out), utf8(err));

            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法 Usage");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ledger.db.url=" + databaseUrl, "--ledger.db.user=postgres", "--ledger.db.password="));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReplayCommand.run(all.toArray(String[]::new), utf8(out), utf8(err));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}

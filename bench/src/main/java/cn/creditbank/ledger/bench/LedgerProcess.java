package cn.creditbank.ledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code ledger-api/target/ledger-api.jar}) in its own JVM with a 512 MB heap, on the
 * benchmark's PostgreSQL, with the demo data set (catalogue and clients), and an HTTP client holding an operator's
 * token. JMX is opened on loopback only, without authentication, so the harness can sample the threads.
 */
final class LedgerProcess implements AutoCloseable {

    static final Path JAR = Path.of("ledger-api", "target", "ledger-api.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final URI base;
    private final int jmxPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private JMXConnector jmx;

    private LedgerProcess(Process process, Path log, int port, int jmxPort) {
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.jmxPort = jmxPort;
    }

    /** Starts it with its log in {@code work/logName}. */
    static LedgerProcess start(String jdbcUrl, Path work, String logName, List<String> appArguments)
            throws IOException {
        int port = freePort();
        int jmxPort = freePort();
        // JFR keeps 64 frames of a stack unless told: a request's stack is deeper, and its bottom (Tomcat, the filter
        // chain) would be cut off the profiles; nothing is recorded until the harness starts a recording
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:FlightRecorderOptions=stackdepth=256",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(appArguments);
        Path log = work.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("LEDGER_DB_URL", jdbcUrl);
        env.put("LEDGER_DB_USER", "postgres");
        env.put("LEDGER_DB_PASSWORD", "");
        env.put("LEDGER_DEMO_DATA", "always");
        env.put("LEDGER_TOKEN_TTL", "6h"); // one token for the whole run
        Process process = builder.start();
        // the application must not outlive a harness that is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new LedgerProcess(process, log, port, jmxPort);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits for readiness, then takes an operator token (client credentials of the demo data set). */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            assertAlive();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application was not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(200);
        }
        String basic = Base64.getEncoder().encodeToString("operator:operator-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no operator token: " + answer.statusCode() + " " + answer.body());
        }
        token = JSON.readTree(answer.body()).get("access_token").asText();
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the application exited (" + process.exitValue() + "); see " + log);
        }
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<Void>> getAsync(String path) {
        return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    ThreadMXBean threads() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(management(), ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
    }

    /**
     * A full collection in the application, between phases: the replay leaves a heap of debris whose concurrent
     * collection would otherwise run, and be timed, during the first read phase.
     */
    void collectGarbage() throws IOException {
        ManagementFactory.newPlatformMXBeanProxy(management(), ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class).gc();
    }

    /** The application's JMX connection; opened on first use, by the heap watch and the thread sampler alike. */
    synchronized MBeanServerConnection management() throws IOException {
        if (jmx == null) {
            jmx = JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        }
        return jmx.getMBeanServerConnection();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    @Override
    public synchronized void close() throws Exception {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the application may already be gone
            }
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The last lines of the application's log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

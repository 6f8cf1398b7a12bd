package cn.creditbank.ledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import jdk.management.jfr.FlightRecorderMXBean;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the application's CPU time went during a phase, from a Java Flight Recorder recording started and stopped
 * over JMX: execution samples (a thread running Java code, every 10 ms, without a safepoint, unlike a thread dump)
 * and the collector's pauses. Each sample is counted once for the library it is in (the innermost frame outside the
 * JDK) and once for every code path of {@link #PATHS} on its stack, so the shares say what a change there could save.
 */
final class CpuProfile implements AutoCloseable {

    /** Code paths worth a line of their own: name → a frame (class name prefix + "." + method, or a class prefix). */
    private static final Map<String, String> PATHS = paths();
    private static final String HTTP_REQUEST = "HTTP request (Tomcat → controller → response)";
    /** Where Spring MVC calls the controller: what a request costs besides it is Tomcat, filters, MVC and JSON. */
    private static final String HANDLER_METHOD =
            "org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest";
    private static final String WEB_STACK = "… of it outside the controller method (Tomcat, filters and security, MVC,"
            + " the response's JSON)";

    private final FlightRecorderMXBean recorder;
    private final long recording;
    private final Path file;
    private final Map<String, Integer> libraries = new TreeMap<>();
    private final Map<String, Integer> pathCounts = new TreeMap<>();
    private final Map<String, Integer> threadCounts = new TreeMap<>();
    private final Map<String, Integer> ledgerFrames = new TreeMap<>();
    private int samples;
    private int pauses;
    private Duration pauseTotal = Duration.ZERO;
    private Duration pauseLongest = Duration.ZERO;
    private double seconds;

    private CpuProfile(FlightRecorderMXBean recorder, long recording, Path file) {
        this.recorder = recorder;
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording in the application; {@link #close()} stops it and reads it. */
    static CpuProfile start(MBeanServerConnection management, Path file) throws IOException {
        FlightRecorderMXBean recorder = ManagementFactory.newPlatformMXBeanProxy(management,
                "jdk.management.jfr:type=FlightRecorder", FlightRecorderMXBean.class);
        long id = recorder.newRecording();
        recorder.setRecordingSettings(id, Map.of(
                "jdk.ExecutionSample#enabled", "true", "jdk.ExecutionSample#period", "10 ms",
                "jdk.GarbageCollection#enabled", "true", "jdk.GarbageCollection#threshold", "0 ms"));
        recorder.startRecording(id);
        return new CpuProfile(recorder, id, file);
    }

    @Override
    public void close() throws IOException {
        recorder.stopRecording(recording);
        recorder.copyTo(recording, file.toAbsolutePath().toString());
        recorder.closeRecording(recording);
        read();
    }

    private void read() throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            first = Math.min(first, event.getStartTime().toEpochMilli());
            last = Math.max(last, event.getEndTime().toEpochMilli());
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> sample(event);
                case "jdk.GarbageCollection" -> {
                    pauses++;
                    Duration pause = event.getDuration("sumOfPauses");
                    pauseTotal = pauseTotal.plus(pause);
                    pauseLongest = pause.compareTo(pauseLongest) > 0 ? pause : pauseLongest;
                }
                default -> { }
            }
        }
        seconds = last > first ? (last - first) / 1000.0 : 0;
        Files.deleteIfExists(file);
    }

    private void sample(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null || trace.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = trace.getFrames();
        threadCounts.merge(event.getThread("sampledThread").getJavaName().replaceAll("\\d+", "#"), 1, Integer::sum);
        libraries.merge(library(frames), 1, Integer::sum);
        Set<String> onStack = new HashSet<>();
        String innermostLedger = null;
        boolean handlerMethod = false;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String method = type + "." + frame.getMethod().getName();
            handlerMethod |= method.equals(HANDLER_METHOD);
            if (innermostLedger == null && type.startsWith("cn.creditbank.")) {
                innermostLedger = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
            PATHS.forEach((path, prefix) -> {
                if (method.startsWith(prefix)) {
                    onStack.add(path);
                }
            });
        }
        if (onStack.contains(HTTP_REQUEST) && !handlerMethod) {
            onStack.add(WEB_STACK);
        }
        onStack.forEach(path -> pathCounts.merge(path, 1, Integer::sum));
        ledgerFrames.merge(innermostLedger == null ? "(no ledger frame)" : innermostLedger, 1, Integer::sum);
    }

    /** The library of the innermost frame outside the JDK (a HashMap lookup in Jackson is Jackson's time). */
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return ThreadSampler.region(new StackTraceElement[]{
                    new StackTraceElement(type, frame.getMethod().getName(), null, -1)});
        }
        return "JDK (" + frames.get(0).getMethod().getType().getName().replaceAll(".*\\.", "") + "."
                + frames.get(0).getMethod().getName() + ")";
    }

    /** Cores running Java code on average, as far as 10 ms samples tell (native code and PostgreSQL are not in it). */
    double javaCores() {
        return seconds == 0 ? 0 : samples * 0.010 / seconds;
    }

    String summary() {
        return "%d CPU samples (%.2f cores in Java code); libraries %s; paths %s; GC: %d pauses, %d ms in all, longest %d ms"
                .formatted(samples, javaCores(), top(libraries, 3), top(pathCounts, 3), pauses, pauseTotal.toMillis(),
                        pauseLongest.toMillis());
    }

    String markdown(String phase) {
        StringBuilder out = new StringBuilder();
        out.append("%s: %d CPU samples of the application's Java threads over %.0f s (JFR, every 10 ms), %.2f cores on average; "
                .formatted(phase, samples, seconds, javaCores())
                + "GC: %d collections, %d ms paused in all, longest pause %d ms.%n%n".formatted(pauses,
                pauseTotal.toMillis(), pauseLongest.toMillis()));
        table(out, "CPU samples: library (innermost frame outside the JDK)", libraries, 10);
        table(out, "CPU samples: code path on the stack (a sample may be on several)", pathCounts, 14);
        table(out, "CPU samples: innermost ledger frame", ledgerFrames, 8);
        table(out, "CPU samples: thread", threadCounts, 8);
        return out.toString();
    }

    private String top(Map<String, Integer> counts, int limit) {
        return sorted(counts).stream().limit(limit).map(e -> "`%s` %.0f %%".formatted(e.getKey(), share(e.getValue())))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private void table(StringBuilder out, String title, Map<String, Integer> counts, int limit) {
        if (counts.isEmpty()) {
            return;
        }
        out.append("| ").append(title).append(" | share of samples |\n|---|---:|\n");
        sorted(counts).stream().limit(limit).forEach(e -> out.append("| ").append(e.getKey().replace("|", "/"))
                .append(" | ").append("%.0f %%".formatted(share(e.getValue()))).append(" |\n"));
        out.append('\n');
    }

    private double share(int count) {
        return samples == 0 ? 0 : 100.0 * count / samples;
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return entries;
    }

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(HTTP_REQUEST, "org.apache.catalina.connector.CoyoteAdapter.service");
        paths.put("JWT decoding and validation", "org.springframework.security.oauth2.jwt");
        paths.put("request JSON read/written", "org.springframework.http.converter.json");
        paths.put("command dispatch (Axon command bus)", "org.axonframework.commandhandling.SimpleCommandBus.doDispatch");
        paths.put("account load (event sourcing)", "org.axonframework.modelling.command.AbstractRepository.load");
        paths.put("event (de)serialization", "org.axonframework.serialization");
        paths.put("event append (JDBC storage engine)", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.appendEvents");
        paths.put("event store read (JDBC storage engine)", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.fetch");
        paths.put("event handlers of the projections", "org.axonframework.eventhandling.SimpleEventHandlerInvoker.handle");
        paths.put("streaming processor coordinator", "org.axonframework.eventhandling.pooled.Coordinator");
        paths.put("streaming processor work packages", "org.axonframework.eventhandling.pooled.WorkPackage");
        paths.put("read-model queries (query bus)", "org.axonframework.queryhandling.SimpleQueryBus");
        paths.put("audit chainer", "cn.creditbank.ledger.projections.audit.AuditChainer");
        paths.put("PostgreSQL JDBC driver", "org.postgresql");
        paths.put("transaction commit", "org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit");
        paths.put("logging", "ch.qos.logback");
        return paths;
    }
}

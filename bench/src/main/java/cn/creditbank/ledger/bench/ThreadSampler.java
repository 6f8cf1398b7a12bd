package cn.creditbank.ledger.bench;

import javax.sql.DataSource;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A poor man's profile of the application during a phase: every {@code period} ms a thread dump through JMX
 * (what {@code jcmd <pid> Thread.print} prints, without starting a JVM per dump on a 2-core machine) and a look at
 * what the ledger's PostgreSQL sessions are waiting for ({@code pg_stat_activity}). Request threads are classified
 * by what they are doing; the counts are shares of time.
 */
final class ThreadSampler implements AutoCloseable {

    static final int PROFILE_PERIOD_MS = 250;
    static final int SPARSE_PERIOD_MS = 2_000;

    private final int period;

    private final ThreadMXBean threads;
    private final DataSource database;
    private final Thread sampler;
    private final Map<String, Integer> requestStates = new TreeMap<>();
    private final Map<String, Integer> ledgerFrames = new TreeMap<>();
    private final Map<String, Integer> hotSpots = new TreeMap<>();
    private final Map<String, Integer> otherThreads = new TreeMap<>();
    private final Map<String, Integer> sessions = new TreeMap<>();
    private volatile boolean running = true;
    private int dumps;
    private int sessionSamples;

    ThreadSampler(ThreadMXBean threads, DataSource database, int periodMillis) {
        this.period = periodMillis;
        this.threads = threads;
        this.database = database;
        this.sampler = new Thread(this::sample, "thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try {
                ThreadInfo[] dump = threads.dumpAllThreads(false, false);
                synchronized (this) {
                    dumps++;
                    for (ThreadInfo thread : dump) {
                        record(thread);
                    }
                }
                sampleSessions();
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("thread sampling failed: " + e);
                return;
            }
        }
    }

    private void record(ThreadInfo thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        String name = thread.getThreadName();
        if (stack.length == 0 || name.startsWith("RMI ") || name.startsWith("JMX ")) {
            return; // the sampler's own connection
        }
        if (name.contains("-exec-")) {
            String state = requestState(thread, stack);
            requestStates.merge(state, 1, Integer::sum);
            if (!state.startsWith("idle")) {
                ledgerFrames.merge(innermost(stack, "cn.creditbank."), 1, Integer::sum);
                if (state.startsWith("on CPU")) {
                    hotSpots.merge(frame(stack[0]) + " ← " + frame(firstNonJdk(stack)), 1, Integer::sum);
                }
            }
        } else if (thread.getThreadState() == Thread.State.RUNNABLE && !waitingForWork(stack)) {
            otherThreads.merge(name.replaceAll("\\d+", "#") + ": " + region(stack), 1, Integer::sum);
        }
    }

    /** What a request thread is doing, in the terms that say what limits a write or a read. */
    static String requestState(ThreadInfo thread, StackTraceElement[] stack) {
        if (contains(stack, "org.apache.tomcat.util.threads.ThreadPoolExecutor", "getTask")) {
            return "idle: waiting for a request";
        }
        if (contains(stack, "com.zaxxer.hikari.pool.HikariPool", "getConnection")) {
            return "waiting for a pooled database connection";
        }
        if (contains(stack, "org.postgresql.core.VisibleBufferedInputStream", null)
                || contains(stack, "org.postgresql.core.PGStream", "receive")) {
            if (contains(stack, "org.postgresql.jdbc.PgConnection", "commit")) {
                return "in PostgreSQL: COMMIT (WAL flush to disk)";
            }
            return "in PostgreSQL: statement";
        }
        if (thread.getThreadState() != Thread.State.RUNNABLE) {
            return "blocked/waiting (" + thread.getThreadState() + "): " + frame(firstNonJdk(stack));
        }
        return "on CPU: " + region(stack);
    }

    /** The library a running thread is in, from its innermost recognisable frame. */
    static String region(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("org.postgresql")) {
                return "PostgreSQL driver";
            } else if (c.startsWith("com.fasterxml.jackson") || c.startsWith("tools.jackson")) {
                return "JSON (Jackson)";
            } else if (c.startsWith("com.nimbusds") || c.startsWith("org.springframework.security.oauth2")) {
                return "JWT decoding/validation";
            } else if (c.startsWith("org.axonframework.serialization")) {
                return "Axon serialization";
            } else if (c.startsWith("org.axonframework.eventsourcing")) {
                return "Axon event sourcing (aggregate load/append)";
            } else if (c.startsWith("org.axonframework")) {
                return "Axon (other)";
            } else if (c.startsWith("cn.creditbank")) {
                return "ledger code: " + frame(frame);
            } else if (c.startsWith("org.springframework.security")) {
                return "Spring Security";
            } else if (c.startsWith("org.springframework")) {
                return "Spring (web/transactions)";
            } else if (c.startsWith("org.apache")) {
                return "Tomcat/HTTP";
            }
        }
        return frame(stack[0]);
    }

    private static boolean waitingForWork(StackTraceElement[] stack) {
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        return top.contains("EPoll.wait") || top.contains("Net.accept") || top.contains("Net.poll")
                || top.contains("socketAccept") || top.contains("Object.wait") || top.contains("Unsafe.park")
                || top.contains("Thread.sleep") || top.contains("waitForReferencePendingList");
    }

    private static String innermost(StackTraceElement[] stack, String prefix) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(prefix)) {
                return frame(frame);
            }
        }
        return "(no ledger frame)";
    }

    private static StackTraceElement firstNonJdk(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return frame;
            }
        }
        return stack[0];
    }

    private static boolean contains(StackTraceElement[] stack, String className, String method) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(className) && (method == null || frame.getMethodName().equals(method))) {
                return true;
            }
        }
        return false;
    }

    private static String frame(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private void sampleSessions() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU (no wait event)') AS waiting
                     FROM pg_stat_activity
                     WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'""")) {
            synchronized (this) {
                sessionSamples++;
                while (rows.next()) {
                    String state = rows.getString("state");
                    sessions.merge(state.equals("active") ? "active, " + rows.getString("waiting") : state, 1,
                            Integer::sum);
                }
            }
        } catch (Exception e) {
            // a missed sample; the next one counts
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(5_000);
    }

    /** The samples as Markdown: what busy request threads did, where, the other threads, the sessions. */
    synchronized String markdown(String phase) {
        StringBuilder out = new StringBuilder();
        int busy = ledgerFrames.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> busyStates = new TreeMap<>(requestStates);
        busyStates.keySet().removeIf(state -> state.startsWith("idle"));
        out.append("%s: %d thread dumps (one every %d ms plus the dump's own time), %.1f request threads busy on "
                .formatted(phase, dumps, period, dumps == 0 ? 0.0 : busy / (double) dumps)
                + "average; %d pg_stat_activity samples.%n%n".formatted(sessionSamples));
        table(out, "busy request threads: doing what", "share", busyStates, busy, 10);
        table(out, "busy request threads: innermost ledger frame", "share", ledgerFrames, busy, 8);
        table(out, "request threads on CPU: top frame ← first non-JDK frame", "share of busy", hotSpots, busy, 8);
        table(out, "other running application threads: name: where", "threads on average", otherThreads,
                -Math.max(1, dumps), 8);
        table(out, "non-idle PostgreSQL sessions", "sessions on average", sessions, -Math.max(1, sessionSamples), 8);
        return out.toString();
    }

    /** One sentence: how many request threads were busy and with what, and the busiest other threads. */
    synchronized String summary() {
        int busy = ledgerFrames.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> busyStates = new TreeMap<>(requestStates);
        busyStates.keySet().removeIf(state -> state.startsWith("idle"));
        String requests = busy == 0 ? "no request thread busy"
                : "%.1f request threads busy on average, mostly %s; innermost ledger frames %s".formatted(
                        busy / (double) Math.max(1, dumps), top(busyStates, busy, 3), top(ledgerFrames, busy, 2));
        return requests + "; other running threads (average): " + top(otherThreads, -Math.max(1, dumps), 2)
                + "; PostgreSQL sessions (average): " + top(sessions, -Math.max(1, sessionSamples), 2);
    }

    private static String top(Map<String, Integer> counts, int total, int limit) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(e -> "`%s` (%s)".formatted(e.getKey(), total > 0
                        ? "%.0f %%".formatted(100.0 * e.getValue() / total)
                        : "%.2f".formatted(e.getValue() / (double) -total)))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** total &gt; 0: shares in percent; total &lt; 0: averages over -total samples. */
    private static void table(StringBuilder out, String title, String unit, Map<String, Integer> counts, int total,
                              int limit) {
        if (counts.isEmpty()) {
            return;
        }
        out.append("| ").append(title).append(" | ").append(unit).append(" |\n|---|---:|\n");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Map<String, Integer> shown = new LinkedHashMap<>();
        sorted.stream().limit(limit).forEach(e -> shown.put(e.getKey(), e.getValue()));
        shown.forEach((key, count) -> out.append("| ").append(key.replace("|", "/")).append(" | ")
                .append(total > 0 ? "%.0f %%".formatted(100.0 * count / total)
                        : "%.2f".formatted(count / (double) -total))
                .append(" |\n"));
        out.append('\n');
    }
}

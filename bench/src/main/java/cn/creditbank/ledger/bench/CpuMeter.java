package cn.creditbank.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, from /proc (Linux): the whole machine, the application, our
 * PostgreSQL (postmaster and its children) and this harness; the rest is other work on the machine, which on a
 * shared build machine is the noise in every figure.
 */
final class CpuMeter {

    /** CPU seconds used so far by each party, and when that was read. */
    record Reading(long nanos, double machine, double app, double postgres, double bench,
                   Map<String, Double> appThreads) {
    }

    /** Cores busy on average over a phase, each party's share. */
    record Usage(double seconds, double machine, double app, double postgres, double bench,
                 Map<String, Double> appThreads) {

        double other() {
            return Math.max(0, machine - app - postgres - bench);
        }

        String row(String phase) {
            return "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |".formatted(phase, seconds, machine, app, postgres,
                    bench, other());
        }

        /** The application's busiest thread groups, as "group cores" (JIT and GC are no Java code, JFR misses them). */
        String threadRow(String phase) {
            return "| %s | %s |".formatted(phase, appThreads.entrySet().stream()
                    .filter(e -> e.getValue() >= 0.005)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue()))
                    .reduce((a, b) -> a + ", " + b).orElse("idle"));
        }
    }

    /** The thread group of the JIT compiler's threads. */
    static final String COMPILER = "JIT";
    private static final double TICKS = 100.0; // USER_HZ on Linux
    private final long appPid;
    private final long postmasterPid;

    CpuMeter(long appPid, Path postgresDataDir) {
        this.appPid = appPid;
        this.postmasterPid = postmaster(postgresDataDir);
    }

    Reading read() {
        return new Reading(System.nanoTime(), machineSeconds(), processSeconds(appPid), postgresSeconds(),
                processSeconds(ProcessHandle.current().pid()), threadSeconds(appPid));
    }

    static Usage between(Reading from, Reading to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> threads = new TreeMap<>();
        to.appThreads().forEach((group, seconds) -> threads.put(group,
                Math.max(0, seconds - from.appThreads().getOrDefault(group, 0.0)) / wall));
        return new Usage(wall, (to.machine() - from.machine()) / wall, (to.app() - from.app()) / wall,
                (to.postgres() - from.postgres()) / wall, (to.bench() - from.bench()) / wall, threads);
    }

    private static long postmaster(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double machineSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The postmaster, its live children, and (cutime/cstime) the children it has reaped: closed sessions. */
    private double postgresSeconds() {
        if (postmasterPid < 0) {
            return 0;
        }
        String[] postmaster = stat(Path.of("/proc", Long.toString(postmasterPid), "stat"));
        if (postmaster == null) {
            return 0;
        }
        double total = (Long.parseLong(postmaster[11]) + Long.parseLong(postmaster[12])
                + Long.parseLong(postmaster[13]) + Long.parseLong(postmaster[14])) / TICKS;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process.resolve("stat"));
                if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                    total += (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS;
                }
            }
        } catch (IOException | RuntimeException e) {
            return total;
        }
        return total;
    }

    /** CPU seconds of the process's live threads by group (Linux thread names: at most 15 characters). */
    private static Map<String, Double> threadSeconds(long pid) {
        Map<String, Double> groups = new TreeMap<>();
        if (pid < 0) {
            return groups;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String line = Files.readString(task.resolve("stat"));
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
                groups.merge(threadGroup(name), (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS,
                        Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            return groups; // a thread ended while it was read: the next reading counts
        }
        return groups;
    }

    static String threadGroup(String name) {
        if (name.startsWith("http-nio")) {
            return "HTTP";
        } else if (name.startsWith("WorkPackage") || name.startsWith("Coordinator")) {
            return "projections";
        } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return COMPILER;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC";
        } else if (name.startsWith("EmbeddedEvent")) {
            return "event store tail";
        } else if (name.startsWith("VM ")) {
            return "VM";
        } else if (name.startsWith("RMI ") || name.startsWith("JMX ")) {
            return "JMX (harness probes)";
        }
        return name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "#");
    }

    private static double processSeconds(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS;
    }

    /** The fields after the command name (which may contain spaces): [0] state, [1] ppid, [11] utime, [12] stime,
     * [13] cutime, [14] cstime (reaped children). */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package cn.creditbank.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, from /proc (Linux): the whole machine, the application, our
 * PostgreSQL (postmaster and its children) and this harness; the rest is other work on the machine, which on a
 * shared build machine is the noise in every figure.
 */
final class CpuMeter {

    /** CPU seconds used so far by each party, and when that was read. */
    record Reading(long nanos, double machine, double app, double postgres, double bench) {
    }

    /** Cores busy on average over a phase, each party's share. */
    record Usage(double seconds, double machine, double app, double postgres, double bench) {

        double other() {
            return Math.max(0, machine - app - postgres - bench);
        }

        String row(String phase) {
            return "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |".formatted(phase, seconds, machine, app, postgres,
                    bench, other());
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux
    private final long appPid;
    private final long postmasterPid;

    CpuMeter(long appPid, Path postgresDataDir) {
        this.appPid = appPid;
        this.postmasterPid = postmaster(postgresDataDir);
    }

    Reading read() {
        return new Reading(System.nanoTime(), machineSeconds(), processSeconds(appPid), postgresSeconds(),
                processSeconds(ProcessHandle.current().pid()));
    }

    static Usage between(Reading from, Reading to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        return new Usage(wall, (to.machine() - from.machine()) / wall, (to.app() - from.app()) / wall,
                (to.postgres() - from.postgres()) / wall, (to.bench() - from.bench()) / wall);
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

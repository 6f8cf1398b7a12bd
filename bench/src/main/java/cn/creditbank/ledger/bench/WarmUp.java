package cn.creditbank.ledger.bench;

import java.time.Duration;

/**
 * Runs a path unmeasured right before it is measured: for the warm-up time, then (full mode) on, in slices, until
 * the application's JIT compiler is quiet, so that the measured pass sees the compiled code of a service that has been
 * running for a while rather than the compiler's backlog. On two cores a busy compiler thread is a core's worth of
 * competition: after the replay, a 20 s warm-up at 200 requests/s left it using 0.16–0.37 cores during the measured
 * reads. Bounded by {@link #LIMIT}; what the compiler did in the last slice is reported either way.
 */
final class WarmUp {

    /** The compiler counts as quiet below this many cores over a slice. */
    static final double QUIET_COMPILER_CORES = 0.05;
    static final Duration SLICE = Duration.ofSeconds(5);
    static final Duration LIMIT = Duration.ofMinutes(2);

    /** Runs the path for the given time. */
    interface Load {
        void run(Duration length) throws Exception;
    }

    /** How long a path was warmed up, and the compiler's cores in its last slice (NaN: not watched). */
    record Done(Duration length, double compilerCores) {

        String describe(String path) {
            return Double.isNaN(compilerCores)
                    ? "%s: warmed up %d s".formatted(path, length.toSeconds())
                    : "%s: warmed up %d s, the JIT compiler at %.2f cores in the last %d s%s".formatted(path,
                    length.toSeconds(), compilerCores, SLICE.toSeconds(),
                    compilerCores < QUIET_COMPILER_CORES ? "" : " (still busy at the limit)");
        }
    }

    private final CpuMeter meter;
    private final Duration minimum;
    private final boolean untilCompilerQuiet;

    WarmUp(CpuMeter meter, Duration minimum, boolean untilCompilerQuiet) {
        this.meter = meter;
        this.minimum = minimum;
        this.untilCompilerQuiet = untilCompilerQuiet;
    }

    Done run(Load load) throws Exception {
        long started = System.nanoTime();
        load.run(minimum);
        double compiler = Double.NaN;
        while (untilCompilerQuiet && !(compiler < QUIET_COMPILER_CORES)
                && System.nanoTime() - started < LIMIT.toNanos()) {
            CpuMeter.Reading before = meter.read();
            load.run(SLICE);
            compiler = CpuMeter.between(before, meter.read()).appThreads().getOrDefault(CpuMeter.COMPILER, 0.0);
        }
        return new Done(Duration.ofNanos(System.nanoTime() - started), compiler);
    }
}

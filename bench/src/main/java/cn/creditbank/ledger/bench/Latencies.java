package cn.creditbank.ledger.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, kept whole (a sorted array is exact and small enough for these runs). */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The value below which {@code percent} of the recorded latencies lie, in milliseconds; NaN when empty. */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }
}

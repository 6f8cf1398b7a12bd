package cn.creditbank.ledger.bench;

/**
 * The application's peak heap, polled from its own Prometheus endpoint ({@code jvm_memory_used_bytes} summed over
 * the heap pools at each scrape) twice a second for the whole time it runs. A peak shorter than the interval can be
 * missed; the sampled maximum is what a monitoring system would see.
 */
final class HeapWatch implements AutoCloseable {

    private final LedgerProcess ledger;
    private final Thread poller;
    private volatile long peakBytes;
    private volatile boolean running = true;

    HeapWatch(LedgerProcess ledger) {
        this.ledger = ledger;
        this.poller = new Thread(this::poll, "heap-watch");
        poller.setDaemon(true);
        poller.start();
    }

    long peakMegabytes() {
        return peakBytes >> 20;
    }

    private void poll() {
        while (running) {
            String metrics = ledger.prometheus();
            if (metrics != null) {
                peakBytes = Math.max(peakBytes, heapUsed(metrics));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long heapUsed(String metrics) {
        double used = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join();
    }
}

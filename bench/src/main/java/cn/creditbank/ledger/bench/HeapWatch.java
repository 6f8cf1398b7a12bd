package cn.creditbank.ledger.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's peak heap, read over JMX twice a second for the whole time it runs: the heap in use now, and
 * the heap in use just before the last collection, which is where a heap peaks. Reading it costs the application
 * next to nothing, unlike scraping its Prometheus endpoint (which showed in the profiles).
 */
final class HeapWatch implements AutoCloseable {

    private final LedgerProcess ledger;
    private final Thread poller;
    private volatile long peakBytes;
    private volatile boolean running = true;
    private final Map<String, Long> collectionsSeen = new HashMap<>();

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
        Set<String> heapPools = null;
        while (running) {
            try {
                MBeanServerConnection management = ledger.management();
                if (heapPools == null) {
                    heapPools = ManagementFactory.getPlatformMXBeans(management, MemoryPoolMXBean.class).stream()
                            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                            .collect(Collectors.toSet());
                }
                peakBytes = Math.max(peakBytes, Math.max(inUse(management), beforeLastCollection(management,
                        heapPools)));
            } catch (IOException | UndeclaredThrowableException notYetOrGone) {
                // JMX is not up yet, or the application has stopped: nothing to read this time
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long inUse(MBeanServerConnection management) throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(management, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class).getHeapMemoryUsage().getUsed();
    }

    /**
     * The heap just before the collections since the last look; a collection's details are built only when the
     * collector's count moved (building them costs the application CPU at every look).
     */
    private long beforeLastCollection(MBeanServerConnection management, Set<String> heapPools) throws IOException {
        long peak = 0;
        List<GarbageCollectorMXBean> collectors =
                ManagementFactory.getPlatformMXBeans(management, GarbageCollectorMXBean.class);
        for (GarbageCollectorMXBean collector : collectors) {
            long count = collector.getCollectionCount();
            Long seen = collectionsSeen.put(collector.getName(), count);
            if (seen != null && seen == count) {
                continue;
            }
            GcInfo last = collector.getLastGcInfo();
            if (last != null) {
                peak = Math.max(peak, heapUsed(last.getMemoryUsageBeforeGc(), heapPools));
            }
        }
        return peak;
    }

    private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join();
    }
}

package io.express4j.bench.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use as the JVM's memory pools record it (every allocation the GC saw, not a sample): reset before a
 * scale check, read after. The sum of the pools' peaks bounds the real peak from above (pools peak at different
 * moments), which is the safe side for a "heap stayed under N MiB" claim.
 */
public final class HeapPeaks {
    private HeapPeaks() {}

    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last {@link #reset}, in bytes. */
    public static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    public static String json() {
        Runtime rt = Runtime.getRuntime();
        return "{\"peakHeapMiB\":" + mib(peakBytes()) + ",\"usedHeapMiB\":" + mib(rt.totalMemory() - rt.freeMemory())
                + ",\"committedHeapMiB\":" + mib(rt.totalMemory()) + ",\"maxHeapMiB\":" + mib(rt.maxMemory()) + "}";
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}

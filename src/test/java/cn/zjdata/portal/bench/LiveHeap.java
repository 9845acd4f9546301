package cn.zjdata.portal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a piece of work holds on to: while it runs, a sampler forces a full collection every 50 ms and
 * records the heap still in use afterwards. Garbage the work leaves behind is not counted; data it keeps
 * (a response buffered whole, say) is. The forced collections slow the work, so timings come from other runs.
 */
final class LiveHeap {

    private LiveHeap() {
    }

    interface Work {
        void run() throws Exception;
    }

    /** The highest heap in use after a full collection while {@code work} ran, in bytes. */
    static long during(Work work) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong max = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                memory.gc();
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            work.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return max.get();
    }
}

package io.rivulet.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write frames to peers: a few single-thread lanes, each peer pinned to one, so
 * that the container's per-frame work (encoding, the socket write) uses more than one core. A
 * peer's order does not depend on the lanes: its own queue sends one frame at a time
 * ({@link Peer}); the lane only decides which thread does the write.
 */
final class SendLanes {

    private final List<ExecutorService> lanes = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    SendLanes(int count, ThreadFactory threads) {
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(threads));
        }
    }

    /** As many lanes as cores, at least 2 and at most 8. */
    static int defaultCount() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** The lane of a new peer: round robin, so that lanes carry about as many peers each. */
    Executor assign() {
        return lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size()));
    }

    void stop() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}

package io.rivulet.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The changes waiting for the fan-out thread, handed to it in batches in publish order: the
 * changes of one commit arrive together (and so does a burst of commits), and a batch costs one
 * read-scope check per collection and caller rather than one per change. One batch per task, so
 * that other tasks of the thread (a resync after a gap) are not held back behind a long backlog.
 */
final class PendingChanges {

    private static final Logger LOG = Logger.getLogger(PendingChanges.class.getName());

    private final Queue<Change> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor thread;
    private final Consumer<List<Change>> delivery;
    private final int maxBatch;

    PendingChanges(Executor thread, Consumer<List<Change>> delivery, int maxBatch) {
        this.thread = thread;
        this.delivery = delivery;
        this.maxBatch = maxBatch;
    }

    void add(Change change) {
        queue.add(change);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            thread.execute(this::deliverOneBatch);
        }
    }

    private void deliverOneBatch() {
        List<Change> batch = new ArrayList<>();
        try {
            for (Change change; batch.size() < maxBatch && (change = queue.poll()) != null; ) {
                batch.add(change);
            }
            if (!batch.isEmpty()) {
                delivery.accept(batch);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rivulet could not deliver " + batch.size() + " changes", e);
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty()) {
                schedule();
            }
        }
    }
}

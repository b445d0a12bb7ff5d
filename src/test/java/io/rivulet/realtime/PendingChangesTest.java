package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class PendingChangesTest {

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<List<String>> batches = new ArrayList<>();

    private static Change change(String key) {
        return new Change("todos", Change.CREATED, key, Map.of("id", key), null, null);
    }

    private void runAll() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }

    @Test
    void changesWaitingTogetherAreOneBatchInPublishOrder() {
        PendingChanges pending = new PendingChanges(tasks::add,
                batch -> batches.add(batch.stream().map(Change::key).toList()), 2);
        pending.add(change("1"));
        pending.add(change("2"));
        pending.add(change("3"));
        assertEquals(1, tasks.size(), "one task scheduled for all of them");
        runAll();
        pending.add(change("4"));
        runAll();
        assertEquals(List.of(List.of("1", "2"), List.of("3"), List.of("4")), batches);
    }

    @Test
    void aFailingBatchDoesNotStopTheNext() {
        PendingChanges pending = new PendingChanges(tasks::add, batch -> {
            batches.add(batch.stream().map(Change::key).toList());
            if (batch.get(0).key().equals("1")) {
                throw new IllegalStateException("broken");
            }
        }, 1);
        pending.add(change("1"));
        pending.add(change("2"));
        runAll();
        assertEquals(List.of(List.of("1"), List.of("2")), batches);
    }
}

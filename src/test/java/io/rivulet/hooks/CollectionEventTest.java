package io.rivulet.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollectionEventTest {

    private static final QueryTransform ANY = (cb, root, query) -> cb.and();

    private static CollectionEvent event() {
        return new CollectionEvent(Operation.INDEX_GET, "todos", null, null, null, null,
                new RequestInfo(Map.of(), Optional.empty(), ""));
    }

    @Test
    void withoutTransformsEveryRowPasses() {
        assertTrue(event().recordTest().orElseThrow().test(Map.of()));
    }

    @Test
    void theInMemoryTestsAreAndedWhenEveryTransformHasOne() {
        CollectionEvent event = event();
        event.transformQuery(ANY, row -> row.get("a") != null);
        event.transformQuery(ANY, row -> row.get("b") != null);
        assertEquals(2, event.transforms().size());
        assertTrue(event.recordTest().orElseThrow().test(Map.of("a", 1, "b", 2)));
        assertFalse(event.recordTest().orElseThrow().test(Map.of("a", 1)));
    }

    @Test
    void oneCriteriaOnlyTransformMeansNoInMemoryTest() {
        CollectionEvent event = event();
        event.transformQuery(ANY, row -> true);
        event.transformQuery(ANY);
        assertTrue(event.recordTest().isEmpty());
    }
}

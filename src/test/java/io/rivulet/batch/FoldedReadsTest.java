package io.rivulet.batch;

import io.rivulet.query.QueryLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.rivulet.RstoreException;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.hooks.fire.HookFirer;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.store.InProcessStore;
import io.rivulet.store.IncludeReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code fetchFirst} operations of a batch that fold into one read ({@link FoldedReads}), in
 * process on the seeded H2 database, with no hook observing them: each still fails alone.
 */
class FoldedReadsTest extends io.rivulet.store.InProcessTier {

    private static final RequestInfo REQUEST = new RequestInfo(Map.of(), Optional.empty(), "http://test/_batch");
    /** A {@code where} that does not parse (a keyed read ignores a where that does, PROTOCOL §2.4). */
    private static final Map<String, Object> BAD_WHERE = Map.of("where", Map.of("operator", "regex", "field", "title",
            "value", "."));

    private static CollectionEvent fetchFirst(String key, Object searchQuery) {
        return new CollectionEvent(Operation.ITEM_GET, "todos", key, null, null,
                () -> new SearchQueryParser(QueryLimits.DEFAULT).parse(searchQuery), REQUEST);
    }

    private static List<Object> fold(CollectionEvent... events) {
        return db.reading(em -> {
            FoldedReads reads = new FoldedReads();
            reads.hooks = new HookFirer() {
                @Override
                public void before(CollectionEvent event) {
                    // no hooks, no allow-list
                }

                @Override
                public void after(CollectionEvent event) {
                    // no hooks
                }
            };
            reads.registry = db.registry();
            reads.store = InProcessStore.store(em);
            reads.includes = new IncludeReader();
            return reads.fetchUnobserved("todos", List.of(events));
        });
    }

    private static void assertInvalidFilter(Object outcome) {
        RstoreException refused = assertInstanceOf(RstoreException.class, outcome);
        assertEquals(400, refused.status());
        assertEquals("Invalid filter", refused.statusMessage());
    }

    @SuppressWarnings("unchecked")
    private static Object title(Object outcome) {
        return assertInstanceOf(Map.class, outcome, String.valueOf(outcome)).get("title");
    }

    @Test
    void aMalformedWhereFailsOnlyItsOwnOperation() {
        List<Object> outcomes = fold(fetchFirst("401", BAD_WHERE), fetchFirst("402", Map.of()));
        assertInvalidFilter(outcomes.get(0));
        assertEquals("Point rstore at /api/rstore", title(outcomes.get(1)));
    }

    @Test
    void aMalformedWhereAfterAGoodOneFailsAlone() {
        List<Object> outcomes = fold(fetchFirst("401", Map.of()), fetchFirst("402", BAD_WHERE),
                fetchFirst("403", null));
        assertEquals("Try Rivulet", title(outcomes.get(0)));
        assertInvalidFilter(outcomes.get(1));
        assertEquals("Subscribe to realtime", title(outcomes.get(2)));
    }

    @Test
    void aKeyWithANulFailsAloneAndMatchesNoRow() {
        List<Object> outcomes = fold(fetchFirst("401\u0000", Map.of()), fetchFirst("401", Map.of()));
        RstoreException refused = assertInstanceOf(RstoreException.class, outcomes.get(0));
        assertEquals(400, refused.status());
        assertEquals("Invalid key 401\u0000 for collection todos", refused.statusMessage());
        assertEquals("Try Rivulet", title(outcomes.get(1)));
    }
}

package io.rivulet.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.RstoreException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A key lookup (the offline client's deletion check, PROTOCOL §6.2) may hold more keys than other lists. */
class KeyLookupTest {

    private final SearchQueryParser parser = new SearchQueryParser(QueryLimits.DEFAULT);

    private static List<Object> keys(int count) {
        return IntStream.range(0, count).<Object>mapToObj(i -> i).toList();
    }

    @Test
    void onlyKeysAndAColumnSelectionMakeALookup() {
        assertTrue(parser.parse(Map.of("keys", keys(3), "columns", Map.of("id", true))).isKeyLookup());
        assertFalse(parser.parse(Map.of("keys", keys(3))).isKeyLookup(), "all columns: not a lookup");
        assertFalse(parser.parse(Map.of("keys", List.of(), "columns", Map.of("id", true))).isKeyLookup());
        assertFalse(parser.parse(Map.of("keys", keys(3), "columns", Map.of("title", false))).isKeyLookup());
        for (var extra : List.<Map<String, Object>>of(Map.of("limit", 5), Map.of("offset", 1), Map.of("orderBy", "id.asc"),
                Map.of("include", Map.of("author", true)),
                Map.of("where", Map.of("operator", "eq", "field", "id", "value", 1)))) {
            var query = new java.util.HashMap<String, Object>(Map.of("keys", keys(3), "columns", Map.of("id", true)));
            query.putAll(extra);
            assertFalse(parser.parse(query).isKeyLookup(), extra.toString());
        }
    }

    @Test
    void aLookupHoldsUpToMaxLookupKeys() {
        assertEquals(50_000, parser.parse(Map.of("keys", keys(50_000), "columns", Map.of("id", true))).keys().size());
        RstoreException tooMany = assertThrows(RstoreException.class,
                () -> parser.parse(Map.of("keys", keys(50_001), "columns", Map.of("id", true))));
        assertEquals("Too many keys (max 50000)", tooMany.getMessage());
        RstoreException notALookup = assertThrows(RstoreException.class,
                () -> parser.parse(Map.of("keys", keys(1001), "columns", Map.of("id", true), "limit", 10)));
        assertEquals("Too many keys (max 1000)", notALookup.getMessage());
    }
}

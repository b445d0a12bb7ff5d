package io.rivulet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.RequestInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@link BatchService} refuses before an operation reaches the store: its collaborators are
 * left unset, so an operation that got as far as a read or a write would fail with a 500.
 */
class BatchServiceTest {

    private static final RequestInfo REQUEST = new RequestInfo(Map.of(), Optional.empty(), "http://test/_batch");

    private static List<Map<String, Object>> run(List<Map<String, Object>> operations) {
        BatchService batch = new BatchService();
        batch.settings = new RivuletSettings();
        return batch.run(Map.of("operations", operations), REQUEST);
    }

    private static Map<String, Object> update(Object item, boolean withItem) {
        Map<String, Object> operation = new HashMap<>(Map.of("type", "update", "collection", "todos", "key", "1"));
        if (withItem) {
            operation.put("item", item);
        }
        return operation;
    }

    private static void assertRefused(Map<String, Object> result, int status, String message) {
        assertEquals(false, result.get("ok"), result.toString());
        assertEquals(status, result.get("statusCode"), result.toString());
        assertEquals(message, result.get("statusMessage"));
        assertEquals(message, result.get("error"));
    }

    /** As the REST {@code PATCH} with a {@code null} body: the same 400, and no write. */
    @Test
    void anUpdateWithoutAnItemIsAnInvalidRequestBody() {
        List<Map<String, Object>> results = run(List.of(update(null, true), update(null, false)));
        assertRefused(results.get(0), 400, "Invalid request body");
        assertRefused(results.get(1), 400, "Invalid request body");
    }

    /** As the REST {@code POST} with a {@code null} body. */
    @Test
    void aCreateWithoutAnItemIsAnInvalidRequestBody() {
        Map<String, Object> withNull = new HashMap<>(Map.of("type", "create", "collection", "todos"));
        withNull.put("item", null);
        List<Map<String, Object>> results = run(List.of(withNull, Map.of("type", "create", "collection", "todos")));
        assertRefused(results.get(0), 400, "Invalid request body");
        assertRefused(results.get(1), 400, "Invalid request body");
    }
}

package io.rivulet.batch;

import io.rivulet.Errors;
import java.util.Map;

/**
 * One operation of a {@code _batch} request (PROTOCOL §5), as the rstore client sends it.
 *
 * @param type        {@code fetchFirst}, {@code create}, {@code update} or {@code delete}
 * @param key         the item key (fetchFirst, update, delete)
 * @param item        the item (create) or the changes (update)
 * @param searchQuery the fetchFirst search query ({@code include}, {@code columns}), decoded
 */
public record BatchOperation(String type, String collection, String key, Map<String, Object> item,
        Object searchQuery) {

    /** Reads one entry of {@code operations}; a malformed one is a per-operation 400. */
    @SuppressWarnings("unchecked")
    static BatchOperation of(Object entry) {
        if (!(entry instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)
                || !(map.get("collection") instanceof String collection)) {
            throw Errors.invalidBatchOperation();
        }
        Object key = map.get("key");
        if (key != null && !(key instanceof String || key instanceof Number || key instanceof Boolean)) {
            throw Errors.invalidBatchOperation();
        }
        Object item = map.get("item");
        if (item != null && !(item instanceof Map<?, ?>)) {
            throw Errors.invalidBatchOperation();
        }
        return new BatchOperation(type, collection, key == null ? null : io.rivulet.query.JsText.of(key),
                (Map<String, Object>) item, map.get("searchQuery"));
    }
}

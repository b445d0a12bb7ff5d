package io.rivulet.realtime;

import java.util.Map;

/**
 * One committed change of a row, as realtime publishes it.
 *
 * @param collection     the collection name
 * @param type           {@code created}, {@code updated} or {@code deleted}
 * @param key            the row's key as a string ({@code "7::42"} for compound keys)
 * @param record         the row (visible fields); for {@code deleted} the row before deletion
 * @param previousRecord the row before an update, when known (server-internal: used for matching)
 * @param originClientId the rstore client that made the change ({@code X-Rstore-Client-Id}), or null
 */
public record Change(String collection, String type, String key, Map<String, Object> record,
        Map<String, Object> previousRecord, String originClientId) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
}

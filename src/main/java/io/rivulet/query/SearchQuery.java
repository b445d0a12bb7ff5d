package io.rivulet.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded search query of the GET routes (PROTOCOL §2.1), validated for shape. Field names
 * are checked later against the collection.
 *
 * @param where   the condition tree, if any
 * @param orderBy sort orders in array order
 * @param limit   the requested limit (≥ 0), if any; the server clamps it
 * @param offset  rows to skip (≥ 0)
 * @param columns the raw Drizzle-style column selection (field → include?)
 * @param keys    the key filter as strings, or empty when absent (an empty list means no filter too)
 * @param include the raw include tree (relation name → true or options), if any; the 0.8.4
 *                client's {@code with} stands in when there is no {@code include}
 */
public record SearchQuery(
        Optional<Condition> where,
        List<SortOrder> orderBy,
        Optional<Integer> limit,
        int offset,
        Map<String, Boolean> columns,
        List<String> keys,
        Optional<Map<String, Object>> include) {

    public static final SearchQuery EMPTY =
            new SearchQuery(Optional.empty(), List.of(), Optional.empty(), 0, Map.of(), List.of(), Optional.empty());

    /** The same query, restricted to {@code keys} instead. */
    public SearchQuery withKeys(List<String> keys) {
        return new SearchQuery(where, orderBy, limit, offset, columns, keys, include);
    }

    /**
     * Whether this is a key lookup: keys and a column selection, nothing else (no where, order,
     * window or include). The offline client's deletion check is one, with every key it holds
     * (PROTOCOL §6.2); it may carry more keys than other lists, if its columns are the primary key.
     */
    public boolean isKeyLookup() {
        return !keys.isEmpty() && where.isEmpty() && orderBy.isEmpty() && limit.isEmpty() && offset == 0
                && include.isEmpty() && !columns.isEmpty() && !columns.containsValue(Boolean.FALSE);
    }
}

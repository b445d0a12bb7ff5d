package io.rivulet.rest;

import io.rivulet.query.SearchQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Search queries by their raw query string: clients send the same few query texts over and
 * over (a list's query, the get-by-key parameter), so each distinct text is decoded and checked
 * once. Bounded: at most {@link #MAX_ENTRIES} texts of at most {@link #MAX_TEXT} characters (a
 * full cache starts over; longer texts, such as an offline sync's key lists, are not kept). Only
 * successful parses are kept, and what is kept is immutable all the way down, since hooks see it.
 */
final class SearchQueryCache {

    static final int MAX_ENTRIES = 1024;
    static final int MAX_TEXT = 2048;

    private final Map<String, SearchQuery> queries = new ConcurrentHashMap<>();

    SearchQuery get(String text, Function<String, SearchQuery> parser) {
        SearchQuery cached = queries.get(text);
        if (cached != null) {
            return cached;
        }
        SearchQuery parsed = frozen(parser.apply(text));
        if (text.length() <= MAX_TEXT) {
            if (queries.size() >= MAX_ENTRIES) {
                queries.clear();
            }
            queries.put(text, parsed);
        }
        return parsed;
    }

    private static SearchQuery frozen(SearchQuery query) {
        return new SearchQuery(query.where(), query.orderBy(), query.limit(), query.offset(),
                Collections.unmodifiableMap(new LinkedHashMap<>(query.columns())), List.copyOf(query.keys()),
                query.include().map(include -> (Map<String, Object>) freeze(include)));
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

}

package io.rivulet.query;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the decoded {@code superjson} search query into a {@link SearchQuery}, with the rstore 400s. */
public final class SearchQueryParser {

    private final int maxKeys;
    private final int maxLookupKeys;
    private final ConditionLimits whereLimits;

    public SearchQueryParser(QueryLimits limits) {
        this.maxKeys = limits.maxKeys();
        this.maxLookupKeys = limits.maxLookupKeys();
        this.whereLimits = limits.where();
    }

    /** @param decoded the decoded value: {@code null} (absent) or a map */
    public SearchQuery parse(Object decoded) {
        if (decoded == null) {
            return SearchQuery.EMPTY;
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw Errors.invalidSuperjson();
        }
        SearchQuery query = new SearchQuery(where(map.get("where")), orderBy(map.get("orderBy")),
                limit(map.get("limit")), offset(map.get("offset")), columns(map.get("columns")), keys(map.get("keys")),
                include(map.get("include") != null ? map.get("include") : map.get("with")));
        int allowed = query.isKeyLookup() && maxKeys > 0 ? Math.max(maxKeys, maxLookupKeys) : maxKeys;
        if (allowed > 0 && query.keys().size() > allowed) {
            throw Errors.tooManyKeys(allowed);
        }
        return query;
    }

    private Optional<Condition> where(Object where) {
        try {
            return ConditionParser.parse(where, whereLimits);
        } catch (ConditionTooLargeException e) {
            throw RstoreException.badRequest(e.getMessage());
        } catch (InvalidConditionException e) {
            throw Errors.invalidFilter(e.getMessage());
        }
    }

    /** Parses {@code orderBy} as a string or an array of strings. */
    public static List<SortOrder> orderBy(Object orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        List<?> entries = orderBy instanceof List<?> list ? list : List.of(orderBy);
        List<SortOrder> orders = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            String[] parts = entry instanceof String s ? s.split("\\.", -1) : new String[0];
            if (parts.length != 2 || !(parts[1].equals("asc") || parts[1].equals("desc"))) {
                throw Errors.invalidOrderBy();
            }
            orders.add(new SortOrder(parts[0], parts[1].equals("desc")));
        }
        return orders;
    }

    /** Parses a {@code limit}: a whole number ≥ 0. */
    public static Optional<Integer> limit(Object limit) {
        if (limit == null) {
            return Optional.empty();
        }
        BigDecimal value = wholeNumber(limit);
        if (value == null) {
            throw Errors.invalidLimit();
        }
        return Optional.of(value.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue());
    }

    private static int offset(Object offset) {
        if (offset == null) {
            return 0;
        }
        BigDecimal value = wholeNumber(offset);
        if (value == null || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw Errors.invalidOffset();
        }
        return value.intValue();
    }

    /** A JSON number that is a whole number ≥ 0, else null. */
    private static BigDecimal wholeNumber(Object value) {
        if (!(value instanceof Number number) || value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        boolean whole = decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        return whole && decimal.signum() >= 0 ? decimal : null;
    }

    /** Parses a Drizzle-style column selection; {@code null} entries are skipped. */
    public static Map<String, Boolean> columns(Object columns) {
        if (columns == null) {
            return Map.of();
        }
        if (!(columns instanceof Map<?, ?> map)) {
            throw Errors.invalidColumns();
        }
        Map<String, Boolean> selection = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!(entry.getValue() instanceof Boolean include)) {
                throw Errors.invalidColumns();
            }
            selection.put(String.valueOf(entry.getKey()), include);
        }
        return selection;
    }

    private List<String> keys(Object keys) {
        if (keys == null) {
            return List.of();
        }
        if (!(keys instanceof List<?> list)) {
            throw Errors.invalidKeys();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object key : list) {
            if (!(key instanceof String || key instanceof Number || key instanceof Boolean)) {
                throw Errors.invalidKeys();
            }
            strings.add(io.rivulet.query.JsText.of(key));
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> include(Object include) {
        return include instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }
}

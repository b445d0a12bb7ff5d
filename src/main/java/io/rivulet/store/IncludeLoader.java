package io.rivulet.store;

import io.rivulet.RstoreException;
import io.rivulet.plan.Include;
import io.rivulet.plan.IncludeFields;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads included relations into rows without N+1 queries: one statement per relation and level,
 * whatever the number of parent rows — the target joined from all parents at once, grouped by
 * parent in memory. A per-parent {@code limit} is applied while grouping (rows arrive ordered by
 * parent, then as requested), which is correct on every database.
 */
final class IncludeLoader {

    private final EntityManager entityManager;

    IncludeLoader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Checks every include's {@code where} against its target before anything runs, so that a
     * bad condition is a 400 whether or not there are parent rows to load children for.
     */
    void check(CollectionDescriptor collection, List<Include> includes) {
        for (Include include : includes) {
            include.where().ifPresent(where -> restrict(
                    RowQuery.related(entityManager, collection, include.relation(), include.target()), where));
            check(include.target(), include.children());
        }
    }

    private static void restrict(RowQuery<?> query, io.rivulet.query.Condition where) {
        try {
            query.where(where);
        } catch (InvalidConditionException e) {
            throw RstoreException.badRequest(e.getMessage());
        }
    }

    /** Adds each include's rows to {@code rows} under the relation name: an array, or an object or null. */
    void load(CollectionDescriptor collection, List<Map<String, Object>> rows, List<Include> includes) {
        if (rows.isEmpty() || includes.isEmpty()) {
            return;
        }
        Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.computeIfAbsent(KeyCodec.format(collection, row), k -> new ArrayList<>()).add(row));
        List<List<Object>> keys = byKey.values().stream().map(group -> attributeKey(collection, group.get(0))).toList();
        for (Include include : includes) {
            Map<String, List<Map<String, Object>>> children = fetch(collection, keys, include);
            List<Map<String, Object>> loaded = new ArrayList<>();
            byKey.forEach((key, parents) -> {
                List<Map<String, Object>> related = children.getOrDefault(key, List.of());
                loaded.addAll(related);
                for (Map<String, Object> parent : parents) {
                    parent.put(include.relation().name(), include.relation().many() ? related
                            : related.isEmpty() ? null : related.get(0));
                }
            });
            load(include.target(), loaded, include.children());
        }
    }

    private Map<String, List<Map<String, Object>>> fetch(CollectionDescriptor parent, List<List<Object>> keys,
            Include include) {
        RowQuery<Tuple> query = RowQuery.related(entityManager, parent, include.relation(), include.target())
                .parentKeys(keys);
        include.where().ifPresent(where -> restrict(query, where));
        query.orderBy(include.orderBy());
        int limit = include.relation().many() ? include.limit().orElse(Integer.MAX_VALUE) : 1;
        Map<String, List<Map<String, Object>>> children = new HashMap<>();
        for (RowQuery.RelatedRow related : query.fetchRelatedRows(IncludeFields.of(include))) {
            List<Map<String, Object>> group = children.computeIfAbsent(related.parentKey(), k -> new ArrayList<>());
            if (group.size() < limit) {
                group.add(related.row());
            }
        }
        return children;
    }

    private static List<Object> attributeKey(CollectionDescriptor collection, Map<String, Object> row) {
        return collection.primaryKey().stream().map(f -> ValueCodec.fromWire(f, row.get(f.name()), true)).toList();
    }
}

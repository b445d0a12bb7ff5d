package io.rivulet.store;

import io.rivulet.Errors;
import io.rivulet.hooks.QueryTransform;
import io.rivulet.query.Condition;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.SortOrder;
import io.rivulet.query.jpa.CriteriaConditionTranslator;
import io.rivulet.query.jpa.Paths;
import io.rivulet.query.jpa.QueryParameters;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.RelationDescriptor;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Criteria query over a collection, built step by step: restrictions (keys, where), order,
 * window; it returns rows of the selected fields (a tuple query: entities are never loaded for
 * reading, so no lazy loading and no relation fetching happens behind the scenes).
 */
public final class RowQuery<T> {

    private final EntityManager entityManager;
    private final CollectionDescriptor collection;
    private final CriteriaBuilder cb;
    private final CriteriaQuery<T> query;
    /** Where the collection's rows come from: its own root, or a join from a parent's root. */
    private final From<?, ?> root;
    private final Root<?> parentRoot;
    private final CollectionDescriptor parent;
    private final QueryParameters parameters;
    private final List<Predicate> restrictions = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    private RowQuery(EntityManager entityManager, CollectionDescriptor collection, Class<T> resultType) {
        this.entityManager = entityManager;
        this.collection = collection;
        this.cb = entityManager.getCriteriaBuilder();
        this.query = cb.createQuery(resultType);
        this.root = query.from(collection.entityClass());
        this.parentRoot = null;
        this.parent = null;
        this.parameters = new QueryParameters(cb);
    }

    @SuppressWarnings("unchecked")
    private RowQuery(EntityManager entityManager, CollectionDescriptor parent, RelationDescriptor relation,
            CollectionDescriptor collection) {
        this.entityManager = entityManager;
        this.collection = collection;
        this.cb = entityManager.getCriteriaBuilder();
        this.query = (CriteriaQuery<T>) cb.createTupleQuery();
        this.parentRoot = query.from(parent.entityClass());
        From<?, ?> joined = parentRoot;
        for (String attribute : relation.joinPath()) {
            joined = joined.join(attribute);
        }
        this.root = joined;
        this.parent = parent;
        this.parameters = new QueryParameters(cb);
    }

    /**
     * Rows of a relation's target for many parents at once: the target joined from the parent
     * through the relation's associations; {@link #parentKeys} restricts the parents and
     * {@link #fetchRelatedRows} returns each row with its parent's key.
     */
    public static RowQuery<Tuple> related(EntityManager entityManager, CollectionDescriptor parent,
            RelationDescriptor relation, CollectionDescriptor target) {
        return new RowQuery<>(entityManager, parent, relation, target);
    }

    /** A query returning rows. */
    public static RowQuery<Tuple> rows(EntityManager entityManager, CollectionDescriptor collection) {
        return new RowQuery<>(entityManager, collection, Tuple.class);
    }

    /** A query returning managed entities (for writes). */
    @SuppressWarnings("unchecked")
    public static RowQuery<Object> entities(EntityManager entityManager, CollectionDescriptor collection) {
        return new RowQuery<>(entityManager, collection, (Class<Object>) collection.entityClass());
    }

    /** A query counting rows. */
    public static RowQuery<Long> count(EntityManager entityManager, CollectionDescriptor collection) {
        return new RowQuery<>(entityManager, collection, Long.class);
    }

    /** Restricts to one key; {@code key} holds attribute values in primary-key order. */
    public RowQuery<T> key(List<Object> key) {
        restrictions.add(keyPredicate(key));
        return this;
    }

    /** Restricts to any of the given keys (attribute values in primary-key order); an empty list restricts nothing. */
    public RowQuery<T> keys(List<List<Object>> keys) {
        if (!keys.isEmpty()) {
            restrictions.add(anyKey(root, collection, keys));
        }
        return this;
    }

    /** Restricts the parents of a {@link #related} query to these keys (attribute values). */
    public RowQuery<T> parentKeys(List<List<Object>> keys) {
        restrictions.add(anyKey(parentRoot, parent, keys));
        return this;
    }

    private Predicate anyKey(From<?, ?> from, CollectionDescriptor owner, List<List<Object>> keys) {
        List<FieldDescriptor> primaryKey = owner.primaryKey();
        if (primaryKey.size() == 1) {
            FieldDescriptor field = primaryKey.get(0);
            CriteriaBuilder.In<Object> in = cb.in(Paths.of(from, field));
            keys.forEach(key -> in.value(parameters.add(field.javaType(), key.get(0))));
            return in;
        }
        return anyOf(keys.stream().map(key -> keyPredicate(from, owner, key)).toList());
    }

    /** A balanced tree of ORs: providers nest a flat list, and 1000 nested levels overflow H2's parser. */
    private Predicate anyOf(List<Predicate> predicates) {
        if (predicates.size() == 1) {
            return predicates.get(0);
        }
        int middle = predicates.size() / 2;
        return cb.or(anyOf(predicates.subList(0, middle)), anyOf(predicates.subList(middle, predicates.size())));
    }

    /** Restricts to rows whose field equals a value (already of the field's Java type). */
    public RowQuery<T> fieldEquals(FieldDescriptor field, Object value) {
        restrictions.add(cb.equal(Paths.of(root, field), parameters.add(field.javaType(), value)));
        return this;
    }

    /** Excludes one key. */
    public RowQuery<T> notKey(List<Object> key) {
        restrictions.add(cb.not(keyPredicate(key)));
        return this;
    }

    /** Adds the restrictions of before hooks ({@code transformQuery}). */
    public RowQuery<T> transform(List<QueryTransform> transforms) {
        transforms.forEach(t -> restrictions.add(t.where(cb, root, query)));
        return this;
    }

    /** @throws InvalidConditionException when the condition does not fit the collection */
    public RowQuery<T> where(Condition condition) {
        restrictions.add(new CriteriaConditionTranslator(cb, root, collection, parameters).translate(condition));
        return this;
    }

    /** Orders by the given entries, then by primary key so that pages are stable. */
    public RowQuery<T> orderBy(List<SortOrder> sortOrders) {
        if (parentRoot != null) {
            // related rows come grouped by parent, each group in the requested order
            parent.primaryKey().forEach(f -> orders.add(cb.asc(Paths.of(parentRoot, f))));
        }
        for (SortOrder sortOrder : sortOrders) {
            FieldDescriptor field = collection.visibleField(sortOrder.field())
                    .orElseThrow(() -> Errors.unknownField(sortOrder.field()));
            orders.add(sortOrder.descending() ? cb.desc(Paths.of(root, field)) : cb.asc(Paths.of(root, field)));
        }
        collection.primaryKey().forEach(f -> orders.add(cb.asc(Paths.of(root, f))));
        return this;
    }

    /** Runs a row query and reads the selected fields of each row. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> fetchRows(List<FieldDescriptor> fields, int offset, int limit) {
        CriteriaQuery<Tuple> tuples = (CriteriaQuery<Tuple>) query;
        tuples.multiselect(fields.stream().map(f -> Paths.of(root, f)).toArray(jakarta.persistence.criteria.Selection[]::new));
        List<Tuple> results = (List<Tuple>) window(prepare(), offset, limit).getResultList();
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (Tuple tuple : results) {
            rows.add(wireRow(tuple, fields, 0));
        }
        return rows;
    }

    /**
     * Runs a {@link #rows} query that selects, next to each row's key, one flag per scope: whether
     * the row passes that scope's restrictions ({@code CASE WHEN <scope> THEN 1 ELSE 0 END}). Many
     * callers' read scopes are checked in one statement this way.
     *
     * @param scopes per scope, the before hooks' restrictions (each scope non-empty)
     * @return per scope (index-aligned), the keys ({@code "7::42"}) of the rows inside it; empty
     *     when a restriction adds a join or a fetch to the root, which would change the rows the
     *     other scopes see (then each scope needs its own statement)
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<List<java.util.Set<String>>> fetchKeysPerScope(List<List<QueryTransform>> scopes) {
        CriteriaQuery<Tuple> tuples = (CriteriaQuery<Tuple>) query;
        List<FieldDescriptor> key = collection.primaryKey();
        List<jakarta.persistence.criteria.Selection<?>> selections = new ArrayList<>();
        key.forEach(f -> selections.add(Paths.of(root, f)));
        int joins = root.getJoins().size();
        int fetches = root.getFetches().size();
        for (List<QueryTransform> scope : scopes) {
            Predicate[] parts = scope.stream().map(t -> t.where(cb, root, query)).toArray(Predicate[]::new);
            if (root.getJoins().size() != joins || root.getFetches().size() != fetches) {
                return java.util.Optional.empty();
            }
            selections.add(cb.<Integer>selectCase().when(cb.and(parts), 1).otherwise(0));
        }
        tuples.multiselect(selections);
        List<java.util.Set<String>> inside = new ArrayList<>(scopes.size());
        for (int i = 0; i < scopes.size(); i++) {
            inside.add(new java.util.HashSet<>());
        }
        for (Tuple tuple : (List<Tuple>) prepare().getResultList()) {
            String formatted = KeyCodec.format(collection, wireRow(tuple, key, 0));
            for (int i = 0; i < scopes.size(); i++) {
                if (tuple.get(key.size() + i) instanceof Number flag && flag.intValue() == 1) {
                    inside.get(i).add(formatted);
                }
            }
        }
        return java.util.Optional.of(inside);
    }

    /** The fields' wire values, read from the tuple's elements from {@code first} on. */
    private static Map<String, Object> wireRow(Tuple tuple, List<FieldDescriptor> fields, int first) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            row.put(fields.get(i).name(), ValueCodec.toWire(fields.get(i), tuple.get(first + i)));
        }
        return row;
    }

    /** A row of a relation's target and the key of the parent it belongs to. */
    public record RelatedRow(String parentKey, Map<String, Object> row) {
    }

    /** Runs a {@link #related} query: the selected fields of each row, with its parent's key. */
    @SuppressWarnings("unchecked")
    public List<RelatedRow> fetchRelatedRows(List<FieldDescriptor> fields) {
        CriteriaQuery<Tuple> tuples = (CriteriaQuery<Tuple>) query;
        List<FieldDescriptor> parentKey = parent.primaryKey();
        List<jakarta.persistence.criteria.Selection<?>> selections = new ArrayList<>();
        fields.forEach(f -> selections.add(Paths.of(root, f)));
        parentKey.forEach(f -> selections.add(Paths.of(parentRoot, f)));
        tuples.multiselect(selections);
        List<RelatedRow> rows = new ArrayList<>();
        for (Tuple tuple : (List<Tuple>) prepare().getResultList()) {
            rows.add(new RelatedRow(KeyCodec.format(parent, wireRow(tuple, parentKey, fields.size())),
                    wireRow(tuple, fields, 0)));
        }
        return rows;
    }

    /** Runs an entity query; at most one entity is expected (a key restriction). */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Object> fetchEntity() {
        ((CriteriaQuery<Object>) query).select((Root<Object>) root);
        List<T> results = window(prepare(), 0, 1).getResultList();
        return results.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(results.get(0));
    }

    @SuppressWarnings("unchecked")
    public long fetchCount() {
        ((CriteriaQuery<Long>) query).select(cb.count(root));
        return (Long) prepare().getSingleResult();
    }

    private TypedQuery<T> prepare() {
        query.where(restrictions.toArray(Predicate[]::new));
        if (!orders.isEmpty()) {
            query.orderBy(orders);
        }
        return parameters.bind(entityManager.createQuery(query));
    }

    private static <Q extends TypedQuery<?>> Q window(Q typed, int offset, int limit) {
        if (offset > 0) {
            typed.setFirstResult(offset);
        }
        typed.setMaxResults(limit);
        return typed;
    }

    private Predicate keyPredicate(List<Object> key) {
        return keyPredicate(root, collection, key);
    }

    private Predicate keyPredicate(From<?, ?> from, CollectionDescriptor owner, List<Object> key) {
        List<FieldDescriptor> fields = owner.primaryKey();
        Predicate[] parts = new Predicate[fields.size()];
        for (int i = 0; i < parts.length; i++) {
            FieldDescriptor field = fields.get(i);
            parts[i] = cb.equal(Paths.of(from, field), parameters.add(field.javaType(), key.get(i)));
        }
        return cb.and(parts);
    }
}

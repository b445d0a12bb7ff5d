package io.rivulet.store;

import io.rivulet.RstoreException;
import io.rivulet.query.Condition;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.SortOrder;
import io.rivulet.query.jpa.CriteriaConditionTranslator;
import io.rivulet.query.jpa.Paths;
import io.rivulet.query.jpa.QueryParameters;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
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
    private final Root<?> root;
    private final QueryParameters parameters;
    private final List<Predicate> restrictions = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    private RowQuery(EntityManager entityManager, CollectionDescriptor collection, Class<T> resultType) {
        this.entityManager = entityManager;
        this.collection = collection;
        this.cb = entityManager.getCriteriaBuilder();
        this.query = cb.createQuery(resultType);
        this.root = query.from(collection.entityClass());
        this.parameters = new QueryParameters(cb);
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

    /** Restricts to any of the given rstore keys; an empty list restricts nothing. */
    public RowQuery<T> keys(List<String> keys) {
        if (keys.isEmpty()) {
            return this;
        }
        List<List<Object>> parsed = new ArrayList<>(keys.size());
        for (String key : keys) {
            try {
                parsed.add(KeyCodec.parse(collection, key));
            } catch (InvalidValueException e) {
                throw RstoreException.badRequest(e.getMessage());
            }
        }
        List<FieldDescriptor> primaryKey = collection.primaryKey();
        if (primaryKey.size() == 1) {
            FieldDescriptor field = primaryKey.get(0);
            CriteriaBuilder.In<Object> in = cb.in(Paths.of(root, field));
            parsed.forEach(key -> in.value(parameters.add(field.javaType(), key.get(0))));
            restrictions.add(in);
        } else {
            restrictions.add(anyOf(parsed.stream().map(this::keyPredicate).toList()));
        }
        return this;
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

    /** @throws InvalidConditionException when the condition does not fit the collection */
    public RowQuery<T> where(Condition condition) {
        restrictions.add(new CriteriaConditionTranslator(cb, root, collection, parameters).translate(condition));
        return this;
    }

    /** Orders by the given entries, then by primary key so that pages are stable. */
    public RowQuery<T> orderBy(List<SortOrder> sortOrders) {
        for (SortOrder sortOrder : sortOrders) {
            FieldDescriptor field = collection.visibleField(sortOrder.field())
                    .orElseThrow(() -> RstoreException.badRequest("Unknown field in filter: " + sortOrder.field()));
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
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i).name(), ValueCodec.toWire(fields.get(i), tuple.get(i)));
            }
            rows.add(row);
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
        List<FieldDescriptor> fields = collection.primaryKey();
        Predicate[] parts = new Predicate[fields.size()];
        for (int i = 0; i < parts.length; i++) {
            FieldDescriptor field = fields.get(i);
            parts[i] = cb.equal(Paths.of(root, field), parameters.add(field.javaType(), key.get(i)));
        }
        return cb.and(parts);
    }
}

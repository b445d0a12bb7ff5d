package io.rivulet.store;

import io.rivulet.plan.Include;
import io.rivulet.plan.ColumnSelection;
import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
import io.rivulet.plan.ReadPlan;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.store.sql.SqlRowReader;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import io.rivulet.hooks.QueryTransform;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.SearchQuery;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.Row;
import io.rivulet.schema.ValueCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the rows of collections with JPA. Runs inside the caller's transaction;
 * every refusal is an {@link RstoreException} thrown before anything is written, or a constraint
 * violation at flush, which rolls the transaction back.
 */
@ApplicationScoped
public class CollectionStore {

    @Inject
    @io.rivulet.RivuletPersistence
    EntityManager entityManager;

    @Inject
    RivuletSettings settings;

    private final SqlRowReader sql = new SqlRowReader();
    private final io.rivulet.store.sql.SqlRowWriter sqlWriter = new io.rivulet.store.sql.SqlRowWriter();
    /** Looked up on first use (set directly by the in-process tests). */
    volatile DataSource dataSource;

    /** Keys per statement of a longer key lookup (bind parameters are limited: PostgreSQL's at 65,535). */
    static final int KEYS_PER_STATEMENT = 1000;

    /**
     * The rows a list may return: the client's {@code limit} clamped to {@code max-limit}, which is
     * also the default; a list by keys without a limit returns every key found (a key lookup may
     * hold more keys than {@code max-limit}).
     */
    static int rowLimit(RivuletSettings settings, SearchQuery query) {
        int maxLimit = settings.maxLimit() > 0 ? settings.maxLimit() : Integer.MAX_VALUE;
        if (query.limit().isEmpty() && !query.keys().isEmpty()) {
            return Math.max(maxLimit, query.keys().size());
        }
        return Math.min(query.limit().orElse(maxLimit), maxLimit);
    }

    /**
     * @param limit    rows at most ({@link #rowLimit})
     * @param includes relations to load into the rows
     * @param scope    restrictions of before hooks
     * @throws RstoreException 400 for more than {@code max-keys} keys unless it is a key lookup of
     *         primary-key columns only
     */
    public List<Map<String, Object>> list(CollectionDescriptor collection, SearchQuery query, int limit,
            List<Include> includes, List<QueryTransform> scope) {
        if (settings.maxKeys() > 0 && query.keys().size() > settings.maxKeys()
                && !(query.isKeyLookup() && primaryKeyOnly(collection, query.columns()))) {
            throw io.rivulet.Errors.tooManyKeys(settings.maxKeys());
        }
        if (query.keys().size() > KEYS_PER_STATEMENT && query.isKeyLookup()) {
            List<Map<String, Object>> rows = new ArrayList<>(query.keys().size());
            for (int from = 0; from < query.keys().size(); from += KEYS_PER_STATEMENT) {
                List<String> keys = query.keys().subList(from, Math.min(from + KEYS_PER_STATEMENT, query.keys().size()));
                rows.addAll(list(collection, query.withKeys(keys), keys.size(), includes, scope));
            }
            return rows;
        }
        if (scope.isEmpty() && settings.sqlReads()) {
            SqlRowReader.checkIncludes(includes);
            ReadPlan plan = new ReadPlan(collection, selection(collection, query.columns(), includes), query.where(),
                    parseKeys(collection, query.keys()), query.orderBy(), query.offset(), limit, includes);
            if (sql.supports(plan)) {
                return sql.read(dataSource(), plan);
            }
        }
        IncludeLoader includeLoader = new IncludeLoader(entityManager);
        includeLoader.check(collection, includes);
        RowQuery<jakarta.persistence.Tuple> rows = RowQuery.rows(entityManager, collection)
                .keys(parseKeys(collection, query.keys()))
                .transform(scope);
        query.where().ifPresent(where -> {
            try {
                rows.where(where);
            } catch (InvalidConditionException e) {
                throw io.rivulet.Errors.invalidFilter(e.getMessage());
            }
        });
        rows.orderBy(query.orderBy());
        List<FieldDescriptor> fields = selection(collection, query.columns(), includes);
        if (limit == 0 || fields.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> found = rows.fetchRows(fields, query.offset(), limit);
        includeLoader.load(collection, found, includes);
        return found;
    }

    public Optional<Map<String, Object>> get(CollectionDescriptor collection, List<Object> key,
            Map<String, Boolean> columns, List<Include> includes, List<QueryTransform> scope) {
        if (scope.isEmpty() && settings.sqlReads()) {
            SqlRowReader.checkIncludes(includes);
            ReadPlan plan = new ReadPlan(collection, selection(collection, columns, includes), Optional.empty(),
                    List.of(key), List.of(), 0, 1, includes);
            if (sql.supports(plan)) {
                return sql.read(dataSource(), plan).stream().findFirst();
            }
        }
        IncludeLoader includeLoader = new IncludeLoader(entityManager);
        includeLoader.check(collection, includes);
        List<Map<String, Object>> rows = RowQuery.rows(entityManager, collection).key(key).transform(scope)
                .fetchRows(selection(collection, columns, includes), 0, 1);
        includeLoader.load(collection, rows, includes);
        return rows.stream().findFirst();
    }

    /**
     * Which of these rows are inside a scope now, in one query ({@code select key where key in
     * (…) and <scope>}): realtime's check of changed rows against a caller's read hooks.
     *
     * @param keys attribute values in primary-key order
     * @return the keys ({@code "7::42"}) found
     */
    public java.util.Set<String> keysInScope(CollectionDescriptor collection, List<List<Object>> keys,
            List<QueryTransform> scope) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Map<String, Object> row : RowQuery.rows(entityManager, collection).keys(keys).transform(scope)
                .fetchRows(collection.primaryKey(), 0, keys.size())) {
            found.add(KeyCodec.format(collection, row));
        }
        return found;
    }

    /**
     * {@link #keysInScope} for many scopes (callers) at once, in one query that selects a flag per
     * scope; falls back to one query per scope when a scope's restrictions join other entities.
     *
     * @return per scope (index-aligned), the keys found inside it
     */
    public List<java.util.Set<String>> keysInScopes(CollectionDescriptor collection, List<List<Object>> keys,
            List<List<QueryTransform>> scopes) {
        if (keys.isEmpty() || scopes.isEmpty()) {
            return java.util.Collections.nCopies(scopes.size(), java.util.Set.of());
        }
        if (scopes.size() > 1) {
            Optional<List<java.util.Set<String>>> together = RowQuery.rows(entityManager, collection).keys(keys)
                    .fetchKeysPerScope(scopes);
            if (together.isPresent()) {
                return together.get();
            }
        }
        return scopes.stream().map(scope -> keysInScope(collection, keys, scope)).toList();
    }

    private static boolean primaryKeyOnly(CollectionDescriptor collection, Map<String, Boolean> columns) {
        return collection.primaryKey().stream().map(FieldDescriptor::name).toList().containsAll(columns.keySet());
    }

    private static List<List<Object>> parseKeys(CollectionDescriptor collection, List<String> keys) {
        List<List<Object>> parsed = new ArrayList<>(keys.size());
        for (String key : keys) {
            try {
                parsed.add(KeyCodec.parse(collection, key));
            } catch (InvalidValueException e) {
                throw RstoreException.badRequest(e.getMessage());
            }
        }
        return parsed;
    }

    private DataSource dataSource() {
        DataSource found = dataSource;
        if (found == null) {
            found = settings.lookupDataSource();
            dataSource = found;
        }
        return found;
    }

    /** The selected fields; with includes, the key too, which relations are loaded by. */
    private static List<FieldDescriptor> selection(CollectionDescriptor collection, Map<String, Boolean> columns,
            List<Include> includes) {
        List<FieldDescriptor> selected = ColumnSelection.select(collection, columns);
        if (includes.isEmpty() || selected.containsAll(collection.primaryKey())) {
            return selected;
        }
        return collection.visibleFields().stream()
                .filter(f -> f.primaryKey() || selected.contains(f))
                .toList();
    }

    public Map<String, Object> create(CollectionDescriptor collection, Map<String, Object> body) {
        return create(collection, body, false);
    }

    /**
     * @param deferFlush let the commit write the row when its key is already assigned (sequence or
     *                   client key): one pass of the provider's change detection instead of two.
     *                   Only where nothing else in the transaction needs the row in the database
     *                   before the commit (no hook observes the operation); a constraint the
     *                   database refuses then fails the commit, which {@link CollectionOperations}
     *                   answers with the same 4xx as a failed flush
     */
    public Map<String, Object> create(CollectionDescriptor collection, Map<String, Object> body, boolean deferFlush) {
        Map<FieldDescriptor, Object> values = BodyValidator.forCreate(collection, body);
        Object entity = newEntity(collection, values);
        persist(collection, entity, values);
        Map<String, Object> row = Row.of(collection, entity);
        if (!deferFlush || collection.version().isPresent()
                || collection.primaryKey().stream().anyMatch(f -> row.get(f.name()) == null)) {
            // (the provider sets a @Version when it writes the row)
            flush(collection);
            return Row.of(collection, entity); // an identity key is known only now
        }
        return row;
    }

    /**
     * A create written as one plain SQL insert ({@link SqlRowWriter}), committed on its own: for a
     * create that no hook observes, outside any transaction, of a collection whose mapping leaves
     * nothing to the provider, when the client gives no value for a generated key (what the
     * provider does with one differs: EclipseLink keeps it, Hibernate refuses it). The same checks
     * and answers as {@link #create}.
     *
     * @param change  the change the created row makes (for the journal)
     * @param journal the changes feed's journal, which gets the change in the insert's transaction
     * @return the created row; empty when this create is for JPA to write
     */
    public Optional<Map<String, Object>> createWithSql(CollectionDescriptor collection, Map<String, Object> body,
            java.util.function.Function<Map<String, Object>, io.rivulet.realtime.Change> change,
            Optional<io.rivulet.realtime.ChangeJournal> journal) {
        if (!settings.sqlWrites() || !sqlWriter.supports(collection) || collection.version().isPresent()) {
            return Optional.empty();
        }
        Map<FieldDescriptor, Object> values = BodyValidator.forCreate(collection, body);
        if (values.entrySet().stream().anyMatch(e -> e.getKey().generated() && e.getValue() != null)) {
            return Optional.empty();
        }
        Object entity = newEntity(collection, values);
        try {
            sqlWriter.insert(dataSource(), collection, entity, journal.map(j -> new io.rivulet.store.sql.SqlRowWriter.Journal() {
                @Override
                public Optional<io.rivulet.realtime.ChangeJournal.EntryClauses> clauses(java.sql.Connection connection)
                        throws java.sql.SQLException {
                    return j.clauses(connection, collection.name());
                }

                @Override
                public void write(java.sql.Connection connection) throws java.sql.SQLException {
                    j.write(connection, List.of(change.apply(Row.of(collection, entity))));
                }
            }).orElse(null));
        } catch (java.sql.SQLException e) {
            throw ConstraintViolations.toClientError(e, collection.name()).orElseThrow(
                    () -> new IllegalStateException("Rivulet could not insert into " + collection.table(), e));
        }
        return Optional.of(Row.of(collection, entity));
    }

    /** A new entity with the request's values and the timestamps, after the 409 checks (key, unique fields). */
    private Object newEntity(CollectionDescriptor collection, Map<FieldDescriptor, Object> values) {
        List<FieldDescriptor> primaryKey = collection.primaryKey();
        if (!primaryKey.isEmpty() && primaryKey.stream().allMatch(f -> values.get(f) != null)) {
            List<Object> key = primaryKey.stream().map(values::get).toList();
            if (RowQuery.count(entityManager, collection).key(key).fetchCount() > 0) {
                throw io.rivulet.Errors.itemExists(collection.name());
            }
        }
        checkUnique(collection, values, null);
        Object entity = collection.newInstance();
        values.forEach((field, value) -> collection.write(entity, field, value));
        java.time.Instant now = java.time.Instant.now();
        collection.timestamp(CollectionDescriptor.CREATED_AT)
                .filter(f -> values.get(f) == null)
                .ifPresent(f -> collection.write(entity, f, ValueCodec.at(f, now)));
        touch(collection, entity, now);
        return entity;
    }

    /**
     * A client-chosen value of a generated key (an offline client's id) is kept where the provider
     * accepts it (EclipseLink). Hibernate refuses such an entity as detached, and JPA offers no
     * portable way around it: that is a 400 naming the field (a 500 would block the offline queue
     * of the client forever), since the 409 check of create already ruled out an existing row.
     */
    private void persist(CollectionDescriptor collection, Object entity, Map<FieldDescriptor, Object> values) {
        try {
            entityManager.persist(entity);
        } catch (EntityExistsException e) {
            FieldDescriptor chosen = collection.primaryKey().stream()
                    .filter(f -> f.generated() && values.get(f) != null).findFirst().orElseThrow(() -> e);
            throw io.rivulet.Errors.serverGeneratedField(chosen.name(), collection.name());
        }
    }

    /** A row before and after a patch. */
    public record Change(Map<String, Object> previous, Map<String, Object> current) {
    }

    /** @return the row before and after, or empty when no row in scope has that key */
    public Optional<Change> patch(CollectionDescriptor collection, List<Object> key, Map<String, Object> body,
            List<QueryTransform> scope, ItemVersions.Precondition precondition) {
        Map<FieldDescriptor, Object> values = BodyValidator.forPatch(collection, body);
        Optional<Object> found = RowQuery.entities(entityManager, collection).key(key).transform(scope).fetchEntity();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object entity = found.get();
        Map<String, Object> previous = checked(collection, entity, precondition, body);
        checkUnique(collection, values, key);
        values.forEach((field, value) -> writeManaged(collection, entity, field, value));
        touch(collection, entity, java.time.Instant.now());
        flush(collection);
        return Optional.of(new Change(previous, Row.of(collection, entity)));
    }

    /** @return the deleted row (its pre-image), or empty when no row has that key */
    public Optional<Map<String, Object>> delete(CollectionDescriptor collection, List<Object> key,
            List<QueryTransform> scope, ItemVersions.Precondition precondition) {
        Optional<Object> found = RowQuery.entities(entityManager, collection).key(key).transform(scope).fetchEntity();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> preImage = checked(collection, found.get(), precondition, Map.of());
        entityManager.remove(found.get());
        flush(collection);
        return Optional.of(preImage);
    }

    /**
     * The row as it is now, after the write's precondition held on it. A row without a
     * {@code @Version} is locked for the check ({@code SELECT … FOR UPDATE}), so that no other
     * write comes between the check and this one; a versioned row is checked again by the
     * provider when it is written (optimistic locking: a 409 then).
     */
    private Map<String, Object> checked(CollectionDescriptor collection, Object entity,
            ItemVersions.Precondition precondition, Map<String, Object> body) {
        if (precondition.checks(collection, body)) {
            if (collection.version().isEmpty()) {
                entityManager.refresh(entity, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            }
            Map<String, Object> current = Row.of(collection, entity);
            precondition.check(collection, current, body);
            return current;
        }
        return Row.of(collection, entity);
    }

    private void touch(CollectionDescriptor collection, Object entity, java.time.Instant now) {
        collection.timestamp(CollectionDescriptor.UPDATED_AT).ifPresent(f -> writeManaged(collection, entity, f, ValueCodec.at(f, now)));
    }

    /** Writes an attribute of a managed entity so that the provider sees the change (WovenChangeTracking). */
    private static void writeManaged(CollectionDescriptor collection, Object entity, FieldDescriptor field, Object value) {
        Object before = collection.read(entity, field);
        collection.write(entity, field, value);
        if (field.path().size() == 1) { // (a key inside an @EmbeddedId is not written on a managed row)
            WovenChangeTracking.changed(entity, field.path().get(0), before, value);
        }
    }

    /** A friendly 409 naming the field; the constraint itself still guards against races. */
    private void checkUnique(CollectionDescriptor collection, Map<FieldDescriptor, Object> values, List<Object> self) {
        List<FieldDescriptor> unique = new ArrayList<>();
        values.forEach((field, value) -> {
            if (field.unique() && value != null) {
                unique.add(field);
            }
        });
        for (FieldDescriptor field : unique) {
            RowQuery<Long> count = RowQuery.count(entityManager, collection).fieldEquals(field, values.get(field));
            if (self != null) {
                count.notKey(self);
            }
            if (count.fetchCount() > 0) {
                throw io.rivulet.Errors.duplicateUniqueValue(field.name(), collection.name());
            }
        }
    }

    private void flush(CollectionDescriptor collection) {
        try {
            entityManager.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw io.rivulet.Errors.staleVersion(collection.name(), null); // written by another in the meantime
        } catch (PersistenceException e) {
            throw ConstraintViolations.toClientError(e, collection.name()).orElseThrow(() -> e);
        }
    }
}

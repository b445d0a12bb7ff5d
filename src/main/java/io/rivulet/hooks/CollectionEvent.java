package io.rivulet.hooks;

import io.rivulet.query.SearchQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The payload of every collection hook, the same object for the {@link Before} and the
 * {@link After} hook of one operation. Observe it with qualifiers:
 * <pre>
 * void check(&#64;Observes &#64;Before &#64;On(Operation.INDEX_POST) &#64;ForEntity(Project.class) CollectionEvent event)
 * </pre>
 * Observers run in the operation's transaction. Throwing from a before hook aborts the operation
 * (nothing is written); an {@link io.rivulet.RstoreException} sets the status and statusMessage
 * the client gets, anything else is a {@code 500 Server Error}.
 *
 * <p>The {@code INDEX_GET} before hooks also decide what realtime delivers: for the changes of a
 * collection (one commit's, or a burst's) and each distinct caller among the WebSocket peers they
 * would reach, Rivulet fires them once with an event whose {@link #request()} is that peer's WebSocket handshake and whose
 * {@link #searchQuery()} is empty, off the request thread, after the commit. A hook that throws
 * hides the collection's changes from that caller; its {@link #transformQuery} scopes them as it
 * scopes the list.
 */
public final class CollectionEvent {

    private final Operation operation;
    private final String collection;
    private final String key;
    private final Map<String, Object> body;
    private final String rawQuery;
    private final Supplier<SearchQuery> queryParser;
    private final Supplier<RequestInfo> requestReader;
    private RequestInfo request;
    /** Reads the client id alone, without {@link #request()}; null: from {@link #request()}. */
    private Supplier<Optional<String>> clientIdReader;
    private final Map<String, Object> meta = new HashMap<>();
    private final List<QueryTransform> transforms = new ArrayList<>();
    /** The in-memory form of each transform, index-aligned with {@link #transforms}; null where none was given. */
    private final List<Predicate<Map<String, Object>>> recordTests = new ArrayList<>();
    private SearchQuery searchQuery;
    private Class<?> entityClass;
    private Object result;
    private Map<String, Object> previousRecord;
    private boolean after;

    /**
     * @param key         the item key of item operations, else null
     * @param body        the decoded body of create and patch, else null
     * @param rawQuery    the raw query string, or null
     * @param queryParser parses the search query when first asked for
     */
    public CollectionEvent(Operation operation, String collection, String key, Map<String, Object> body,
            String rawQuery, Supplier<SearchQuery> queryParser, RequestInfo request) {
        this(operation, collection, key, body, rawQuery, queryParser, () -> request);
    }

    /**
     * @param requestReader reads what hooks see of the request when first asked for (a read no
     *                      hook observes never needs it)
     */
    public CollectionEvent(Operation operation, String collection, String key, Map<String, Object> body,
            String rawQuery, Supplier<SearchQuery> queryParser, Supplier<RequestInfo> requestReader) {
        this.operation = operation;
        this.collection = collection;
        this.key = key;
        this.body = body;
        this.rawQuery = rawQuery;
        this.queryParser = queryParser;
        this.requestReader = requestReader;
    }

    public Operation operation() {
        return operation;
    }

    /** The collection name as requested (it may not exist). */
    public String collection() {
        return collection;
    }

    /** The entity class of the collection, when it exists. */
    public Optional<Class<?>> entityClass() {
        return Optional.ofNullable(entityClass);
    }

    /** The item key ({@code "7::42"} for compound keys) of item operations. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The decoded request body of create (the item) and patch (the changes). */
    public Optional<Map<String, Object>> body() {
        return Optional.ofNullable(body).map(Collections::unmodifiableMap);
    }

    /** The raw query string ({@code superjson=…}), if any. */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(rawQuery);
    }

    /** The decoded search query of the read operations; a malformed one answers 400 when asked for. */
    public SearchQuery searchQuery() {
        if (searchQuery == null) {
            searchQuery = queryParser == null ? SearchQuery.EMPTY : queryParser.get();
        }
        return searchQuery;
    }

    public RequestInfo request() {
        if (request == null) {
            request = requestReader.get();
        }
        return request;
    }

    /**
     * The rstore client's id ({@code X-Rstore-Client-Id}) that sent the operation, if any: the
     * origin of its changes, whose realtime echo that client does not get. The same as
     * {@code request().clientId()}, read without the rest of the request where the edge allows.
     */
    public Optional<String> clientId() {
        return request == null && clientIdReader != null ? clientIdReader.get() : request().clientId();
    }

    /**
     * Where the edge can read the client id more cheaply than the whole request (its one header).
     *
     * @return this event
     */
    public CollectionEvent clientIdFrom(Supplier<Optional<String>> reader) {
        this.clientIdReader = reader;
        return this;
    }

    /** Shared by the before and the after hook of this operation. */
    public Map<String, Object> meta() {
        return meta;
    }

    /** Before hooks: restricts the rows of list, get, patch and delete (not create). */
    public void transformQuery(QueryTransform transform) {
        transformQuery(transform, null);
    }

    /**
     * Before hooks: as {@link #transformQuery(QueryTransform)}, with the same restriction as a test
     * of one row, so that realtime delivery checks a change without a query. The row is what
     * realtime sends: the collection's visible fields by name, with wire values (numbers, strings,
     * booleans, null; timestamps as ISO-8601 strings). REST reads still use {@code transform}: the
     * two must agree, or realtime shows what REST hides (or the other way round).
     * <pre>
     * event.transformQuery((cb, todo, query) -&gt; cb.equal(todo.get("ownerId"), user),
     *         row -&gt; Objects.equals(row.get("ownerId"), user));
     * </pre>
     *
     * @param onRecord the restriction in memory; null means there is none (realtime then queries)
     */
    public void transformQuery(QueryTransform transform, Predicate<Map<String, Object>> onRecord) {
        transforms.add(Objects.requireNonNull(transform, "transform"));
        recordTests.add(onRecord);
    }

    /**
     * All restrictions of {@link #transforms()} as one test of a row, when every one of them was
     * given in memory too; empty when at least one was given only as Criteria. Without
     * restrictions, a test that passes every row.
     */
    public Optional<Predicate<Map<String, Object>>> recordTest() {
        if (recordTests.contains(null)) {
            return Optional.empty();
        }
        List<Predicate<Map<String, Object>>> tests = List.copyOf(recordTests);
        return Optional.of(row -> {
            for (Predicate<Map<String, Object>> test : tests) {
                if (!test.test(row)) {
                    return false;
                }
            }
            return true;
        });
    }

    public List<QueryTransform> transforms() {
        return Collections.unmodifiableList(transforms);
    }

    /** After hooks: the rows (list), the row or null (get, patch, delete), the created row. */
    public Object result() {
        return result;
    }

    /** After hooks: replaces what the client gets. */
    public void setResult(Object result) {
        this.result = result;
    }

    /** After hooks of patch: the row before the change. */
    public Optional<Map<String, Object>> previousRecord() {
        return Optional.ofNullable(previousRecord);
    }

    public boolean isAfter() {
        return after;
    }

    // set by Rivulet while it runs the operation

    public void resolved(Class<?> type) {
        this.entityClass = type;
    }

    public void completed(Object operationResult, Map<String, Object> previous) {
        this.result = operationResult;
        this.previousRecord = previous;
        this.after = true;
    }
}

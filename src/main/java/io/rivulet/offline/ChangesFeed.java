package io.rivulet.offline;

import io.rivulet.Errors;
import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.query.Condition;
import io.rivulet.query.Operator;
import io.rivulet.query.SearchQuery;
import io.rivulet.query.SortOrder;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.ValueCodec;
import io.rivulet.store.CollectionOperations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/rstore/{collection}/_changes?since=…&limit=…}: a page of a collection's changes
 * after a cursor (README, "Offline sync"). Rows are read through the collection's list operation,
 * so the allow-list, hidden fields and the read hooks ({@code INDEX_GET} before hooks and their
 * {@code transformQuery}) apply as to any list: a changed row the caller may not read is a
 * {@code delete} for them.
 *
 * <p>Without a cursor the feed first sends the snapshot (the rows in key order, as upserts, a page
 * at a time), remembering the watermark it started at; then the changes after that watermark. A
 * row changed during the snapshot may come twice; an upsert is idempotent.
 */
@ApplicationScoped
public class ChangesFeed {

    private static final Logger LOG = Logger.getLogger(ChangesFeed.class.getName());
    /** How often one node prunes a collection's old entries (at a read of its feed). */
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionOperations operations;

    @Inject
    RivuletSettings settings;

    @Inject
    FeedJournal journal;

    private final Map<String, Long> lastPruned = new ConcurrentHashMap<>();

    /** One page of the feed; {@code changes} in order, each {@code {op, key, row}}. */
    public record Page(List<Map<String, Object>> changes, String cursor, boolean hasMore) {
        /** The answer's JSON object, in the documented key order. */
        public Map<String, Object> toWire() {
            Map<String, Object> wire = new LinkedHashMap<>(4);
            wire.put("changes", changes);
            wire.put("cursor", cursor);
            wire.put("hasMore", hasMore);
            return wire;
        }
    }

    /**
     * @param since the cursor of the previous page, or null for the start
     * @param limit the requested page size, or null for the largest ({@code max-limit})
     * @throws io.rivulet.RstoreException 404 for an unknown collection, 400 for a bad cursor or
     *         limit, 409 (reset) for an expired cursor, and what a list of the collection answers
     */
    public Page page(String collectionName, String since, String limit, RequestInfo request) {
        CollectionDescriptor collection = registry.find(collectionName)
                .filter(c -> settings.offlineFeed() && !c.primaryKey().isEmpty())
                .orElseThrow(() -> Errors.tableNotFound(collectionName));
        int size = pageSize(limit);
        FeedCursor cursor = since == null ? null : FeedCursor.decode(since);
        try {
            pruneNow(collection);
            FeedStore.Watermark watermark = journal.store().watermark(journal.dataSource(), collection.name());
            String shape = FeedCursor.shapeOf(collection);
            if (cursor == null) {
                cursor = new FeedCursor(watermark.epoch(), shape, watermark.highSeq(), Optional.of(""));
            } else if (!cursor.epoch().equals(watermark.epoch()) || !cursor.shape().equals(shape)
                    || cursor.seq() < watermark.prunedSeq() || cursor.seq() > watermark.highSeq()) {
                throw Errors.changesCursorExpired();
            }
            return cursor.inSnapshot() ? snapshot(collection, cursor, size, request)
                    : changes(collection, cursor, watermark, size, request);
        } catch (SQLException e) {
            throw new IllegalStateException("Rivulet could not read the changes feed of " + collection.name(), e);
        }
    }

    /** Rows after the cursor's key, in key order; the snapshot ends with a page shorter than the limit. */
    private Page snapshot(CollectionDescriptor collection, FeedCursor cursor, int size, RequestInfo request) {
        String afterKey = cursor.afterKey().orElseThrow();
        Optional<Condition> after = afterKey.isEmpty() ? Optional.empty() : Optional.of(after(collection, afterKey));
        List<SortOrder> byKey = collection.primaryKey().stream().map(f -> new SortOrder(f.name(), false)).toList();
        SearchQuery query = new SearchQuery(after, byKey, Optional.of(size), 0, Map.of(), List.of(), Optional.empty());
        List<Map<String, Object>> rows = list(collection, query, request);
        List<Map<String, Object>> changes = new ArrayList<>(rows.size());
        String last = afterKey;
        for (Map<String, Object> row : rows) {
            last = KeyCodec.format(collection, row);
            changes.add(change("upsert", last, row));
        }
        FeedCursor next = rows.size() < size
                ? new FeedCursor(cursor.epoch(), cursor.shape(), cursor.seq(), Optional.empty())
                : new FeedCursor(cursor.epoch(), cursor.shape(), cursor.seq(), Optional.of(last));
        return new Page(changes, next.encode(), true);
    }

    /** The entries after the cursor up to the watermark, one change per key (its last). */
    private Page changes(CollectionDescriptor collection, FeedCursor cursor, FeedStore.Watermark watermark, int size,
            RequestInfo request) throws SQLException {
        List<FeedStore.Entry> entries = journal.store().read(journal.dataSource(), collection.name(), cursor.seq(),
                watermark.highSeq(), size + 1);
        boolean hasMore = entries.size() > size;
        if (hasMore) {
            entries = entries.subList(0, size);
        }
        long nextSeq = hasMore ? entries.get(entries.size() - 1).seq() : watermark.highSeq();
        if (cursor.seq() < journal.store().prunedSeq(journal.dataSource(), collection.name())) {
            throw Errors.changesCursorExpired(); // pruned while this page was read
        }
        Map<String, FeedStore.Entry> lastByKey = new LinkedHashMap<>();
        for (FeedStore.Entry entry : entries) {
            lastByKey.remove(entry.key());
            lastByKey.put(entry.key(), entry);
        }
        List<String> upserted = lastByKey.values().stream().filter(e -> !e.deleted()).map(FeedStore.Entry::key).toList();
        Map<String, Map<String, Object>> rows = new HashMap<>();
        if (!upserted.isEmpty()) {
            SearchQuery query = new SearchQuery(Optional.empty(), List.of(), Optional.empty(), 0, Map.of(), upserted,
                    Optional.empty());
            for (Map<String, Object> row : list(collection, query, request)) {
                rows.put(KeyCodec.format(collection, row), row);
            }
        }
        List<Map<String, Object>> changes = new ArrayList<>(lastByKey.size());
        for (FeedStore.Entry entry : lastByKey.values()) {
            Map<String, Object> row = entry.deleted() ? null : rows.get(entry.key());
            Optional<Map<String, Object>> key = row == null ? keyFields(collection, entry.key()) : Optional.empty();
            if (row != null) {
                changes.add(change("upsert", entry.key(), row));
            } else if (key.isPresent()) {
                changes.add(change("delete", entry.key(), key.get()));
            }
        }
        return new Page(changes, new FeedCursor(cursor.epoch(), cursor.shape(), nextSeq, Optional.empty()).encode(),
                hasMore);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(CollectionDescriptor collection, SearchQuery query, RequestInfo request) {
        CollectionEvent event = new CollectionEvent(Operation.INDEX_GET, collection.name(), null, null, null,
                () -> query, request);
        Object rows = operations.list(event);
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** key > afterKey in primary-key order: (a > x) or (a = x and b > y) … */
    private static Condition after(CollectionDescriptor collection, String afterKey) {
        List<Object> values = wireKey(collection, afterKey).orElseThrow(Errors::invalidCursor);
        List<FieldDescriptor> key = collection.primaryKey();
        List<Condition> alternatives = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            List<Condition> all = new ArrayList<>(i + 1);
            for (int j = 0; j < i; j++) {
                all.add(new Condition.FieldTest(Operator.EQ, key.get(j).name(), List.of(values.get(j))));
            }
            all.add(new Condition.FieldTest(Operator.GT, key.get(i).name(), List.of(values.get(i))));
            alternatives.add(all.size() == 1 ? all.get(0) : new Condition.And(all));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Condition.Or(alternatives);
    }

    /** The key fields of a key, as wire values (what a delete carries). */
    private static Optional<Map<String, Object>> keyFields(CollectionDescriptor collection, String key) {
        return wireKey(collection, key).map(values -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                fields.put(collection.primaryKey().get(i).name(), values.get(i));
            }
            return fields;
        });
    }

    private static Optional<List<Object>> wireKey(CollectionDescriptor collection, String key) {
        try {
            List<Object> values = KeyCodec.parse(collection, key);
            List<Object> wire = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                wire.add(ValueCodec.toWire(collection.primaryKey().get(i), values.get(i)));
            }
            return Optional.of(wire);
        } catch (InvalidValueException e) {
            return Optional.empty(); // a key of an older shape of the collection
        }
    }

    private static Map<String, Object> change(String op, String key, Map<String, Object> row) {
        Map<String, Object> change = new LinkedHashMap<>(4);
        change.put("op", op);
        change.put("key", key);
        change.put("row", row);
        return change;
    }

    private int pageSize(String limit) {
        int max = Math.min(positive(settings.maxLimit()), positive(settings.maxKeys()));
        if (limit == null) {
            return max;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size < 1) {
                throw Errors.invalidLimit();
            }
            return Math.min(size, max);
        } catch (NumberFormatException e) {
            throw Errors.invalidLimit();
        }
    }

    private static int positive(int limit) {
        return limit > 0 ? limit : 1000;
    }

    /** Prunes the collection's entries older than the retention, at most once a minute per node. */
    private void pruneNow(CollectionDescriptor collection) {
        long now = System.currentTimeMillis();
        Long last = lastPruned.get(collection.name());
        if (last != null && now - last < PRUNE_EVERY_MILLIS) {
            return;
        }
        lastPruned.put(collection.name(), now);
        try {
            journal.store().prune(journal.dataSource(), collection.name(), now - settings.offlineRetention().toMillis(), now);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Rivulet could not prune the changes feed of " + collection.name(), e);
        }
    }
}

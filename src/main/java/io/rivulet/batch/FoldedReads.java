package io.rivulet.batch;

import io.rivulet.Errors;
import io.rivulet.plan.Include;
import io.rivulet.RstoreException;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.fire.HookFirer;
import io.rivulet.query.SearchQuery;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.ValueCodec;
import io.rivulet.store.CollectionStore;
import io.rivulet.store.IncludeReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@code fetchFirst} operations of one collection that share their {@code include} and
 * {@code columns} as one {@code WHERE key IN (…)} query (plus one per include level) — the
 * rstore server runs one query per operation. Each operation still has its own item.get hooks
 * and its own result or error.
 */
@ApplicationScoped
public class FoldedReads {

    @Inject
    HookFirer hooks;

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionStore store;

    @Inject
    IncludeReader includes;

    /** @return per event, in order: its result (row or null) or the failure */
    @Transactional
    public List<Object> fetch(String collectionName, List<CollectionEvent> events) {
        return fold(collectionName, events);
    }

    /** {@link #fetch} for a collection whose reads no hook observes: no transaction to open. */
    public List<Object> fetchUnobserved(String collectionName, List<CollectionEvent> events) {
        return fold(collectionName, events);
    }

    private List<Object> fold(String collectionName, List<CollectionEvent> events) {
        Object[] outcomes = new Object[events.size()];
        Map<Integer, String> folded = new LinkedHashMap<>();
        Optional<CollectionDescriptor> collection = registry.find(collectionName);
        for (int i = 0; i < events.size(); i++) {
            CollectionEvent event = events.get(i);
            try {
                hooks.before(event);
                CollectionDescriptor descriptor = collection.orElseThrow(
                        () -> Errors.tableNotFound(collectionName));
                // each operation's own search query: one that does not parse fails this operation
                // only, never the group it would have folded into (the group reads the first's)
                event.searchQuery();
                if (event.transforms().isEmpty()) {
                    folded.put(i, normalizedKey(descriptor, event));
                } else {
                    outcomes[i] = fetchOne(descriptor, event); // scoped by its hooks: on its own
                }
            } catch (RuntimeException e) {
                outcomes[i] = e;
            }
        }
        if (!folded.isEmpty()) {
            fetchFolded(collection.orElseThrow(), events, folded, outcomes);
        }
        return java.util.Arrays.asList(outcomes);
    }

    private Object fetchOne(CollectionDescriptor collection, CollectionEvent event) {
        SearchQuery query = event.searchQuery();
        List<Object> key;
        try {
            key = KeyCodec.parse(collection, event.key().orElse(""));
        } catch (InvalidValueException e) {
            throw RstoreException.badRequest(e.getMessage());
        }
        event.completed(store.get(collection, key, query.columns(), includes.read(collection, query), event.transforms())
                .orElse(null), null);
        hooks.after(event);
        return event.result();
    }

    private void fetchFolded(CollectionDescriptor collection, List<CollectionEvent> events, Map<Integer, String> folded,
            Object[] outcomes) {
        CollectionEvent first = events.get(folded.keySet().iterator().next());
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try {
            SearchQuery query = first.searchQuery();
            List<Include> relations = includes.read(collection, query);
            List<String> keys = new ArrayList<>(new java.util.LinkedHashSet<>(folded.values()));
            SearchQuery byKeys = new SearchQuery(Optional.empty(), List.of(), Optional.empty(), 0, query.columns(),
                    keys, Optional.empty());
            for (Map<String, Object> row : store.list(collection, byKeys, keys.size(), relations, List.of())) {
                rows.put(KeyCodec.format(collection, row), row);
            }
        } catch (RuntimeException e) {
            folded.keySet().forEach(i -> outcomes[i] = e);
            return;
        }
        folded.forEach((i, key) -> {
            CollectionEvent event = events.get(i);
            try {
                event.completed(rows.get(key), null);
                hooks.after(event);
                outcomes[i] = event.result();
            } catch (RuntimeException e) {
                outcomes[i] = e;
            }
        });
    }

    /** The key as rows print it ({@code "01"} and {@code "1"} are the same row). */
    private static String normalizedKey(CollectionDescriptor collection, CollectionEvent event) {
        String key = event.key().orElseThrow(() -> Errors.noKey());
        if (collection.primaryKey().isEmpty()) {
            throw Errors.noKey();
        }
        try {
            List<Object> values = KeyCodec.parse(collection, key);
            Map<String, Object> wire = new LinkedHashMap<>();
            List<FieldDescriptor> fields = collection.primaryKey();
            for (int i = 0; i < fields.size(); i++) {
                wire.put(fields.get(i).name(), ValueCodec.toWire(fields.get(i), values.get(i)));
            }
            return KeyCodec.format(collection, wire);
        } catch (InvalidValueException e) {
            throw RstoreException.badRequest(e.getMessage());
        }
    }
}

package io.rivulet.store;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.fire.FiresHooks;
import io.rivulet.query.SearchQuery;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The five collection operations of the rstore protocol. Each runs in one transaction between
 * its hooks ({@link FiresHooks}); the operation's result goes into the event, and the client gets
 * the event's result after the after hooks (they may replace it). Transport (HTTP, batch) stays
 * outside: it builds the {@link CollectionEvent}.
 */
@ApplicationScoped
@Transactional
@FiresHooks
public class CollectionService {

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionStore store;

    @Inject
    RivuletSettings settings;

    @Inject
    IncludeReader includes;

    @Inject
    io.rivulet.hooks.fire.HookObservers observers;

    /** @return the rows */
    public Object list(CollectionEvent event) {
        CollectionDescriptor collection = collection(event);
        SearchQuery query = event.searchQuery();
        event.completed(store.list(collection, query, CollectionStore.rowLimit(settings, query),
                includes.read(collection, query), event.transforms()), null);
        return event.result();
    }

    /** @return the row, or null */
    public Object get(CollectionEvent event) {
        CollectionDescriptor collection = collection(event);
        SearchQuery query = event.searchQuery();
        event.completed(store.get(collection, key(collection, event), query.columns(), includes.read(collection, query),
                event.transforms()).orElse(null), null);
        return event.result();
    }

    /** @return the created row */
    public Object create(CollectionEvent event) {
        CollectionDescriptor collection = collection(event);
        event.completed(store.create(collection, event.body().orElse(Map.of()),
                !observers.any(collection, event.operation())), null);
        return event.result();
    }

    /** @return the updated row, or null when no row in scope has the key */
    public Object patch(CollectionEvent event) {
        CollectionDescriptor collection = collection(event);
        store.patch(collection, key(collection, event), event.body().orElse(Map.of()), event.transforms(),
                        precondition(collection, event))
                .ifPresentOrElse(change -> event.completed(change.current(), change.previous()),
                        () -> event.completed(null, null));
        return event.result();
    }

    /** @return the deleted row, or null when no row in scope has the key */
    public Object delete(CollectionEvent event) {
        CollectionDescriptor collection = collection(event);
        event.completed(store.delete(collection, key(collection, event), event.transforms(),
                precondition(collection, event)).orElse(null), null);
        return event.result();
    }

    /** The write's {@code If-Match} (PATCH and DELETE of the item routes) and the collection's conflict policy. */
    private static ItemVersions.Precondition precondition(CollectionDescriptor collection, CollectionEvent event) {
        return ItemVersions.of(collection, event.request().header("If-Match"));
    }

    private CollectionDescriptor collection(CollectionEvent event) {
        return CollectionOperations.require(registry, event.collection());
    }

    static List<Object> key(CollectionDescriptor collection, CollectionEvent event) {
        if (collection.primaryKey().isEmpty()) {
            throw Errors.noKey();
        }
        String key = event.key().orElseThrow(() -> Errors.noKey());
        try {
            return KeyCodec.parse(collection, key);
        } catch (InvalidValueException e) {
            throw RstoreException.badRequest(e.getMessage());
        }
    }
}

package io.rivulet.store;

import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
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
import java.util.Optional;

/**
 * The five collection operations of the rstore protocol, each one transaction. Resolves the
 * collection and the key before the operation runs; transport (HTTP, batch) stays outside.
 */
@ApplicationScoped
@Transactional
public class CollectionService {

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionStore store;

    @Inject
    RivuletSettings settings;

    public List<Map<String, Object>> list(String collectionName, SearchQuery query) {
        CollectionDescriptor collection = collection(collectionName);
        int maxLimit = settings.maxLimit() > 0 ? settings.maxLimit() : Integer.MAX_VALUE;
        int limit = Math.min(query.limit().orElse(maxLimit), maxLimit);
        return store.list(collection, query, limit, includes(collection, query));
    }

    public Optional<Map<String, Object>> get(String collectionName, String key, SearchQuery query) {
        CollectionDescriptor collection = collection(collectionName);
        return store.get(collection, key(collection, key), query.columns(), includes(collection, query));
    }

    private List<Include> includes(CollectionDescriptor collection, SearchQuery query) {
        return query.include()
                .map(include -> new IncludeParser(registry, settings.maxIncludeDepth(), target -> { }).parse(collection,
                        include))
                .orElse(List.of());
    }

    public Map<String, Object> create(String collectionName, Map<String, Object> body) {
        return store.create(collection(collectionName), body);
    }

    public Optional<Map<String, Object>> patch(String collectionName, String key, Map<String, Object> body) {
        CollectionDescriptor collection = collection(collectionName);
        return store.patch(collection, key(collection, key), body);
    }

    public Optional<Map<String, Object>> delete(String collectionName, String key) {
        CollectionDescriptor collection = collection(collectionName);
        return store.delete(collection, key(collection, key));
    }

    private CollectionDescriptor collection(String name) {
        return registry.find(name)
                .orElseThrow(() -> new RstoreException(404, "Table not found for collection " + name));
    }

    private static List<Object> key(CollectionDescriptor collection, String key) {
        if (collection.primaryKey().isEmpty()) {
            throw RstoreException.badRequest("No key in route parameters");
        }
        try {
            return KeyCodec.parse(collection, key);
        } catch (InvalidValueException e) {
            throw RstoreException.badRequest(e.getMessage());
        }
    }
}

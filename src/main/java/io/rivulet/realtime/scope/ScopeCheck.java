package io.rivulet.realtime.scope;

import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.hooks.fire.HookFirer;
import io.rivulet.query.SearchQuery;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ReadScope.Visibility;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.store.CollectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One caller's read scope over changes of one collection, in one read-only transaction as a list
 * would run: the {@code INDEX_GET} before hooks with the caller's handshake as the request, then
 * the changed rows against their restrictions — in memory when every restriction came with its
 * in-memory form, else with one query for all the rows ({@link CollectionStore#keysInScope}).
 */
@ApplicationScoped
public class ScopeCheck {

    @Inject
    HookFirer hooks;

    @Inject
    CollectionStore store;

    /** @throws RuntimeException whatever a hook throws (the caller hides the changes) */
    @Transactional
    public List<Visibility> judge(CollectionDescriptor collection, RequestInfo caller, List<Change> changes) {
        CollectionEvent event = new CollectionEvent(Operation.INDEX_GET, collection.name(), null, null, null,
                () -> SearchQuery.EMPTY, caller);
        hooks.before(event);
        if (event.transforms().isEmpty()) {
            return ScopeRules.all(changes.size(), Visibility.VISIBLE);
        }
        Optional<Predicate<Map<String, Object>>> inMemory = event.recordTest();
        if (inMemory.isPresent()) {
            return ScopeRules.inMemory(changes, inMemory.get());
        }
        List<List<Object>> keys = new ArrayList<>();
        for (Change change : ScopeRules.toQuery(changes)) {
            try {
                keys.add(KeyCodec.parse(collection, change.key()));
            } catch (InvalidValueException e) {
                // a key this node cannot read (another node's schema): its row counts as outside
            }
        }
        return ScopeRules.queried(changes, store.keysInScope(collection, keys, event.transforms()));
    }
}

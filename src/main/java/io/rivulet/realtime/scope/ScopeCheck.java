package io.rivulet.realtime.scope;

import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.QueryTransform;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Callers' read scopes over changes of one collection, in one read-only transaction as a list
 * would run: per caller the {@code INDEX_GET} before hooks with its handshake as the request, then
 * the changed rows against their restrictions: in memory when every restriction came with its
 * in-memory form, else in one query for all the rows and all such callers together
 * ({@link CollectionStore#keysInScopes}: a flag per caller).
 */
@ApplicationScoped
public class ScopeCheck {

    @Inject
    HookFirer hooks;

    @Inject
    CollectionStore store;

    /**
     * @return per caller (index-aligned), one visibility per change; a caller whose hooks throw
     *     sees none of them (logged)
     * @throws RuntimeException when the query fails (the caller of this method then checks the
     *     callers one by one, each in its own transaction)
     */
    @Transactional
    public List<List<Visibility>> judge(CollectionDescriptor collection, List<RequestInfo> callers,
            List<Change> changes) {
        List<List<Visibility>> verdicts = new ArrayList<>(Collections.nCopies(callers.size(), (List<Visibility>) null));
        List<Integer> queried = new ArrayList<>();
        List<List<QueryTransform>> scopes = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            CollectionEvent event = new CollectionEvent(Operation.INDEX_GET, collection.name(), null, null, null,
                    () -> SearchQuery.EMPTY, callers.get(i));
            try {
                hooks.before(event);
            } catch (RuntimeException e) {
                verdicts.set(i, ScopeRules.hiddenAfter(collection.name(), e, changes.size()));
                continue;
            }
            Optional<Predicate<Map<String, Object>>> inMemory = event.recordTest();
            if (event.transforms().isEmpty()) {
                verdicts.set(i, ScopeRules.all(changes.size(), Visibility.VISIBLE));
            } else if (inMemory.isPresent()) {
                verdicts.set(i, ScopeRules.inMemory(changes, inMemory.get()));
            } else {
                queried.add(i);
                scopes.add(event.transforms());
            }
        }
        if (!queried.isEmpty()) {
            List<Set<String>> inside = store.keysInScopes(collection, keys(collection, changes), scopes);
            for (int j = 0; j < queried.size(); j++) {
                verdicts.set(queried.get(j), ScopeRules.queried(changes, inside.get(j)));
            }
        }
        return verdicts;
    }

    private static List<List<Object>> keys(CollectionDescriptor collection, List<Change> changes) {
        List<List<Object>> keys = new ArrayList<>();
        for (Change change : ScopeRules.toQuery(changes)) {
            try {
                keys.add(KeyCodec.parse(collection, change.key()));
            } catch (InvalidValueException e) {
                // a key this node cannot read (another node's schema): its row counts as outside
            }
        }
        return keys;
    }
}

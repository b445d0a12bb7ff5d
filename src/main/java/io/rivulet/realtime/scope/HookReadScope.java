package io.rivulet.realtime.scope;

import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.hooks.fire.HookObservers;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ReadScope;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ReadScope} of the collection hooks: a collection is scoped when a hook observes its
 * list ({@code INDEX_GET}) and it is not listed in {@code rivulet.realtime.unscoped-collections};
 * a caller's scope is whatever its {@code INDEX_GET} before hooks say at that moment
 * ({@link ScopeCheck}). A hook that refuses (an {@link RstoreException}, typically 401 or 403) or
 * fails hides the changes from that caller.
 */
@ApplicationScoped
public class HookReadScope implements ReadScope {

    private static final Logger LOG = Logger.getLogger(HookReadScope.class.getName());

    private final AtomicBoolean sharedFailureLogged = new AtomicBoolean();

    @Inject
    RivuletSettings settings;

    @Inject
    CollectionRegistry registry;

    @Inject
    HookObservers observers;

    @Inject
    ScopeCheck check;

    @Override
    public boolean applies(String collection) {
        if (settings.unscopedCollections().contains(collection)) {
            return false;
        }
        return registry.find(collection).map(c -> observers.any(c, Operation.INDEX_GET)).orElse(false);
    }

    @Override
    public List<List<Visibility>> judge(String collection, List<RequestInfo> callers, List<Change> changes) {
        Optional<CollectionDescriptor> descriptor = registry.find(collection);
        if (descriptor.isEmpty()) {
            return callers.stream().map(c -> ScopeRules.all(changes.size(), Visibility.HIDDEN)).toList();
        }
        try {
            return check.judge(descriptor.get(), callers, changes);
        } catch (RuntimeException e) {
            if (callers.size() == 1) {
                return List.of(ScopeRules.hiddenAfter(collection, e, changes.size()));
            }
            // one caller's hook may have spoilt the shared transaction: each caller in its own
            if (sharedFailureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Rivulet realtime: the shared read-scope check of " + collection
                        + " failed; its callers are checked one by one (logged once)", e);
            } else {
                LOG.log(Level.FINE, "Rivulet realtime: the shared read-scope check failed again", e);
            }
            return callers.stream().map(caller -> judge(collection, List.of(caller), changes).get(0)).toList();
        }
    }
}

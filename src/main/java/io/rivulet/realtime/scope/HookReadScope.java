package io.rivulet.realtime.scope;

import io.rivulet.RstoreException;
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
    public List<Visibility> judge(String collection, RequestInfo caller, List<Change> changes) {
        Optional<CollectionDescriptor> descriptor = registry.find(collection);
        if (descriptor.isEmpty()) {
            return ScopeRules.all(changes.size(), Visibility.HIDDEN);
        }
        try {
            return check.judge(descriptor.get(), caller, changes);
        } catch (RuntimeException e) {
            Optional<RstoreException> refused = RstoreException.in(e);
            if (refused.isPresent() && refused.get().status() < 500) {
                LOG.fine(() -> "Rivulet realtime: the read hooks of " + collection + " refuse a caller: "
                        + refused.get().status());
            } else {
                LOG.log(Level.WARNING, "Rivulet realtime: the read scope of " + collection
                        + " failed; its changes are hidden from that caller", e);
            }
            return ScopeRules.all(changes.size(), Visibility.HIDDEN);
        }
    }
}

package io.rivulet.hooks.fire;

import io.rivulet.hooks.After;
import io.rivulet.hooks.AllowList;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.ForEntity;
import io.rivulet.hooks.On;
import io.rivulet.realtime.TransactionChanges;
import io.rivulet.schema.CollectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/** Fires one operation's hooks with the qualifiers observers select by, and applies the allow-list. */
@ApplicationScoped
public class HookFirer {

    @Inject
    Event<CollectionEvent> events;

    @Inject
    AllowList allowList;

    @Inject
    CollectionRegistry registry;

    @Inject
    TransactionChanges changes;

    @Inject
    HookObservers observers;

    /** The before hooks, then the allow-list (the rstore server's order). */
    public void before(CollectionEvent event) {
        registry.find(event.collection()).ifPresent(collection -> event.resolved(collection.entityClass()));
        fire(event, Before.Literal.INSTANCE);
        allowList.check(event.collection());
        if (event.operation() != io.rivulet.hooks.Operation.INDEX_GET
                && event.operation() != io.rivulet.hooks.Operation.ITEM_GET) {
            changes.origin(event.clientId().orElse(null));
        }
    }

    public void after(CollectionEvent event) {
        fire(event, After.Literal.INSTANCE);
    }

    private void fire(CollectionEvent event, Annotation phase) {
        var collection = registry.find(event.collection());
        if (collection.isPresent() && !observers.any(collection.get(), event.operation())) {
            return;
        }
        List<Annotation> qualifiers = new ArrayList<>(List.of(phase, On.Literal.of(event.operation()),
                ForCollection.Literal.of(event.collection())));
        event.entityClass().ifPresent(type -> qualifiers.add(ForEntity.Literal.of(type)));
        events.select(qualifiers.toArray(Annotation[]::new)).fire(event);
    }
}

package io.rivulet.hooks.fire;

import io.rivulet.hooks.After;
import io.rivulet.hooks.AllowList;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.ForEntity;
import io.rivulet.hooks.On;
import io.rivulet.schema.CollectionRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an operation between its hooks, in the fixed order of the rstore server: the before hooks,
 * the allow-list, the operation, the after hooks (whose result replaces the operation's). Its
 * priority puts it inside {@code @Transactional}, so all of it is one transaction.
 */
@FiresHooks
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class HookInterceptor {

    @Inject
    Event<CollectionEvent> events;

    @Inject
    AllowList allowList;

    @Inject
    CollectionRegistry registry;

    @AroundInvoke
    public Object around(InvocationContext invocation) throws Exception {
        if (invocation.getParameters().length == 0
                || !(invocation.getParameters()[0] instanceof CollectionEvent event)) {
            return invocation.proceed();
        }
        registry.find(event.collection()).ifPresent(collection -> event.resolved(collection.entityClass()));
        fire(event, Before.Literal.INSTANCE);
        allowList.check(event.collection());
        invocation.proceed();
        fire(event, After.Literal.INSTANCE);
        return event.result();
    }

    private void fire(CollectionEvent event, Annotation phase) {
        List<Annotation> qualifiers = new ArrayList<>(List.of(phase, On.Literal.of(event.operation()),
                ForCollection.Literal.of(event.collection())));
        event.entityClass().ifPresent(type -> qualifiers.add(ForEntity.Literal.of(type)));
        events.select(qualifiers.toArray(Annotation[]::new)).fire(event);
    }
}

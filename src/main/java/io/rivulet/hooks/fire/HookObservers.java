package io.rivulet.hooks.fire;

import io.rivulet.hooks.After;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.ForEntity;
import io.rivulet.hooks.On;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.schema.CollectionDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether any hook observes an operation on a collection. Observers are fixed when the application
 * starts, so the answer is resolved once per collection and operation: an operation nobody
 * observes runs without firing events (and a read without a transaction).
 */
@ApplicationScoped
public class HookObservers {

    private static final CollectionEvent PROBE = new CollectionEvent(Operation.INDEX_GET, "", null, null, null, null,
            new RequestInfo(Map.of(), Optional.empty(), ""));

    @Inject
    BeanManager beans;

    private final Map<CollectionDescriptor, boolean[]> observed = new ConcurrentHashMap<>();

    /** Whether a before or an after hook observes this operation on this collection. */
    public boolean any(CollectionDescriptor collection, Operation operation) {
        return observed.computeIfAbsent(collection, this::resolve)[operation.ordinal()];
    }

    private boolean[] resolve(CollectionDescriptor collection) {
        boolean[] answers = new boolean[Operation.values().length];
        for (Operation operation : Operation.values()) {
            answers[operation.ordinal()] = observed(collection, operation, Before.Literal.INSTANCE)
                    || observed(collection, operation, After.Literal.INSTANCE);
        }
        return answers;
    }

    private boolean observed(CollectionDescriptor collection, Operation operation, Annotation phase) {
        Annotation[] qualifiers = {phase, On.Literal.of(operation), ForCollection.Literal.of(collection.name()),
            ForEntity.Literal.of(collection.entityClass())};
        return !beans.resolveObserverMethods(PROBE, qualifiers).isEmpty();
    }
}

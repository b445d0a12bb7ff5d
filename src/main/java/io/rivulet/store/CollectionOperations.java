package io.rivulet.store;

import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
import io.rivulet.hooks.AllowList;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.fire.HookObservers;
import io.rivulet.query.SearchQuery;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.TransactionChanges;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.KeyCodec;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry of every collection operation, for REST and batch alike: one order for all of them —
 * before hooks, allow-list, the operation, after hooks, publishing after commit ({@link
 * CollectionService}). A read that no hook observes skips what only hooks need: no events are
 * fired and no transaction is opened, and its rows come from plain SQL.
 */
@ApplicationScoped
public class CollectionOperations {

    @Inject
    CollectionService service;

    @Inject
    HookObservers observers;

    @Inject
    CollectionRegistry registry;

    @Inject
    AllowList allowList;

    @Inject
    CollectionStore store;

    @Inject
    IncludeReader includes;

    @Inject
    RivuletSettings settings;

    @Inject
    TransactionChanges changes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public Object list(CollectionEvent event) {
        Optional<CollectionDescriptor> collection = unobserved(event);
        if (collection.isEmpty()) {
            return service.list(event);
        }
        SearchQuery query = event.searchQuery();
        return store.list(collection.get(), query, CollectionStore.rowLimit(settings, query),
                includes.read(collection.get(), query), List.of());
    }

    public Object get(CollectionEvent event) {
        Optional<CollectionDescriptor> collection = unobserved(event);
        if (collection.isEmpty()) {
            return service.get(event);
        }
        SearchQuery query = event.searchQuery();
        List<Object> key = CollectionService.key(collection.get(), event);
        return store.get(collection.get(), key, query.columns(), includes.read(collection.get(), query), List.of())
                .orElse(null);
    }

    /**
     * A create whose row the commit writes may fail at the commit: the same 4xx as a failed flush.
     * (Narayana's {@code @Transactional} interceptor throws the checked {@code RollbackException}
     * through the proxy as it is, so every exception is caught here.)
     */
    public Object create(CollectionEvent event) {
        Optional<CollectionDescriptor> collection = unobserved(event);
        if (collection.isPresent() && !inTransaction()) {
            CollectionDescriptor created = collection.get();
            java.util.function.Function<Map<String, Object>, Change> change = row -> new Change(created.name(),
                    Change.CREATED, KeyCodec.format(created, row), row, null, event.clientId().orElse(null));
            Optional<Map<String, Object>> row = store.createWithSql(created, event.body().orElse(Map.of()), change,
                    changes.journal());
            if (row.isPresent()) {
                changes.addJournaled(change.apply(row.get()));
                return row.get();
            }
        }
        try {
            return service.create(event);
        } catch (Exception e) {
            if (RstoreException.in(e).isPresent() && e instanceof RuntimeException runtime) {
                throw runtime;
            }
            RuntimeException unchecked = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Rivulet could not commit a create in " + event.collection(), e);
            throw ConstraintViolations.toClientError(e, event.collection()).orElseThrow(() -> unchecked);
        }
    }

    public Object patch(CollectionEvent event) {
        return service.patch(event);
    }

    public Object delete(CollectionEvent event) {
        return service.delete(event);
    }

    /** Whether a hook observes this operation on this collection (an unknown one counts as observed: the full pipeline answers it). */
    public boolean observed(String collection, Operation operation) {
        return registry.find(collection).map(c -> observers.any(c, operation)).orElse(true);
    }

    /** The collection of a read that no hook observes, after the allow-list; else empty (the full pipeline). */
    private Optional<CollectionDescriptor> unobserved(CollectionEvent event) {
        Optional<CollectionDescriptor> collection = registry.find(event.collection());
        if (collection.isEmpty() || observers.any(collection.get(), event.operation())) {
            return Optional.empty();
        }
        allowList.check(event.collection());
        return collection;
    }

    /** A create inside the caller's own transaction stays with JPA, whose commit it joins. */
    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** @throws RstoreException 404 for an unknown collection */
    static CollectionDescriptor require(CollectionRegistry registry, String name) {
        return registry.find(name).orElseThrow(() -> io.rivulet.Errors.tableNotFound(name));
    }
}

package io.rivulet.batch;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import io.rivulet.config.RivuletSettings;
import io.rivulet.store.RequestLimits;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.Operation;
import io.rivulet.hooks.RequestInfo;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.store.CollectionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/rstore/_batch} (PROTOCOL §5). Every operation behaves like its REST route —
 * same hooks, allow-list, errors — and fails alone. Order: the writes first, one by one in array
 * order, each in its own transaction; then the {@code fetchFirst} reads, folded per collection
 * and query shape (so a read sees the writes of its own batch).
 */
@ApplicationScoped
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class.getName());

    @Inject
    CollectionService collections;

    @Inject
    io.rivulet.store.CollectionOperations operations;

    @Inject
    FoldedReads reads;

    @Inject
    RivuletSettings settings;

    /** @return the {@code results}, index-aligned with {@code operations} */
    public List<Map<String, Object>> run(Object body, RequestInfo request) {
        if (!(body instanceof Map<?, ?> map) || !(map.get("operations") instanceof List<?> operations)) {
            throw Errors.invalidBatchRequest();
        }
        int max = settings.maxBatchSize();
        if (max > 0 && operations.size() > max) {
            throw Errors.tooManyBatchOperations(max);
        }
        Object[] results = new Object[operations.size()];
        Map<String, List<Integer>> readGroups = new LinkedHashMap<>();
        List<CollectionEvent> events = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            CollectionEvent event = null;
            try {
                BatchOperation operation = BatchOperation.of(operations.get(i));
                event = event(operation, request);
                if (event.operation() == Operation.ITEM_GET) {
                    readGroups.computeIfAbsent(operation.collection() + "\n" + shape(operation), k -> new ArrayList<>())
                            .add(i);
                } else {
                    results[i] = ok(write(event));
                }
            } catch (RuntimeException e) {
                results[i] = failure(e);
            }
            events.add(event);
        }
        readGroups.forEach((group, indexes) -> {
            List<CollectionEvent> groupEvents = indexes.stream().map(events::get).toList();
            String collection = groupEvents.get(0).collection();
            List<Object> outcomes = this.operations.observed(collection, Operation.ITEM_GET) ? reads.fetch(collection, groupEvents)
                    : reads.fetchUnobserved(collection, groupEvents);
            for (int j = 0; j < indexes.size(); j++) {
                Object outcome = outcomes.get(j);
                results[indexes.get(j)] = outcome instanceof RuntimeException e ? failure(e) : ok(outcome);
            }
        });
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = (Map<String, Object>) result;
            list.add(envelope);
        }
        return list;
    }

    private Object write(CollectionEvent event) {
        return switch (event.operation()) {
            case INDEX_POST -> operations.create(event);
            case ITEM_PATCH -> collections.patch(event);
            default -> collections.delete(event);
        };
    }

    private CollectionEvent event(BatchOperation operation, RequestInfo request) {
        Operation kind = switch (operation.type()) {
            case "fetchFirst" -> Operation.ITEM_GET;
            case "create" -> Operation.INDEX_POST;
            case "update" -> Operation.ITEM_PATCH;
            case "delete" -> Operation.ITEM_DELETE;
            default -> throw Errors.unknownBatchOperationType(operation.type());
        };
        if (kind != Operation.INDEX_POST && operation.key() == null) {
            throw Errors.noKey();
        }
        if ((kind == Operation.ITEM_PATCH || kind == Operation.INDEX_POST) && operation.item() == null) {
            // the REST PATCH and POST with a null body are refused before anything runs: so is this
            throw Errors.invalidRequestBody("expected an object");
        }
        Map<String, Object> body = kind == Operation.INDEX_POST || kind == Operation.ITEM_PATCH
                ? operation.item() : null;
        return new CollectionEvent(kind, operation.collection(), kind == Operation.INDEX_POST ? null : operation.key(),
                body, null, () -> new SearchQueryParser(RequestLimits.of(settings)).parse(operation.searchQuery()),
                request);
    }

    /** fetchFirst operations fold when they ask for the same include and columns. */
    private static String shape(BatchOperation operation) {
        Object query = operation.searchQuery();
        if (!(query instanceof Map<?, ?> map)) {
            return "";
        }
        return io.rivulet.wire.PlainJson.write(map.get("include")) + "\n" + io.rivulet.wire.PlainJson.write(map.get("columns"));
    }

    private static Map<String, Object> ok(Object result) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("ok", true);
        envelope.put("result", result);
        return envelope;
    }

    private static Map<String, Object> failure(RuntimeException failure) {
        RstoreException error = RstoreException.in(failure).orElseGet(() -> {
            LOG.log(Level.SEVERE, "Unexpected error in a batch operation", failure);
            return Errors.serverError();
        });
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("ok", false);
        envelope.put("error", error.statusMessage());
        envelope.put("statusCode", error.status());
        envelope.put("statusMessage", error.statusMessage());
        return envelope;
    }
}

package io.rivulet.realtime;

import io.rivulet.realtime.ReadScope.Visibility;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.wire.PlainJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of the fan-out: a change reaches a matching peer only as far as the peer's caller
 * could read the row through REST ({@link ReadScope}). Peers are grouped by what the read hooks
 * see of their caller, so a change costs one scope check per distinct caller among the matching
 * peers, not one per peer; an unscoped collection costs none. A row the caller may no longer see
 * goes out as a {@code deleted} frame holding only its key fields.
 */
final class ScopedDelivery {

    private final ReadScope scope;
    private final CollectionRegistry registry;

    ScopedDelivery(ReadScope scope, CollectionRegistry registry) {
        this.scope = scope;
        this.registry = registry;
    }

    /** Sends a change to the peers whose subscriptions matched it, each as its caller may see it. */
    void deliver(Change change, List<Peer> matching) {
        if (matching.isEmpty()) {
            return;
        }
        if (!scope.applies(change.collection())) {
            String frame = frame(change);
            matching.forEach(peer -> peer.send(frame));
            return;
        }
        Map<Object, List<Peer>> byCaller = new LinkedHashMap<>();
        for (Peer peer : matching) {
            byCaller.computeIfAbsent(peer.scopeIdentity, identity -> new ArrayList<>(1)).add(peer);
        }
        String full = null;
        String keyOnly = null;
        for (List<Peer> peers : byCaller.values()) {
            Visibility visibility = scope.judge(change.collection(), peers.get(0).caller, List.of(change)).get(0);
            String frame;
            if (visibility == Visibility.VISIBLE) {
                frame = full = full == null ? frame(change) : full;
            } else if (visibility == Visibility.KEY_ONLY_DELETE) {
                frame = keyOnly = keyOnly == null ? keyOnlyDelete(change) : keyOnly;
            } else {
                continue;
            }
            peers.forEach(peer -> peer.send(frame));
        }
    }

    static String frame(Change change) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("collection", change.collection());
        update.put("type", change.type());
        update.put("key", change.key());
        update.put("record", change.record());
        if (change.originClientId() != null) {
            update.put("originClientId", change.originClientId());
        }
        return PlainJson.write(Map.of("update", update));
    }

    /** Only what the client needs to drop the row: no other field, no origin client. */
    private String keyOnlyDelete(Change change) {
        Map<String, Object> key = new LinkedHashMap<>();
        registry.find(change.collection()).map(CollectionDescriptor::primaryKey).orElse(List.of()).stream()
                .map(FieldDescriptor::name)
                .forEach(name -> key.put(name, change.record() == null ? null : change.record().get(name)));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("collection", change.collection());
        update.put("type", Change.DELETED);
        update.put("key", change.key());
        update.put("record", key);
        return PlainJson.write(Map.of("update", update));
    }
}

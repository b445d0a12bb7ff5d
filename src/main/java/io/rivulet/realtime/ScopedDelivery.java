package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import io.rivulet.realtime.ReadScope.Visibility;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The last step of the fan-out: a change reaches a matching peer only as far as the peer's caller
 * could read the row through REST ({@link ReadScope}). Peers are grouped by what the read hooks
 * see of their caller, so a change costs one scope check per distinct caller among the matching
 * peers, not one per peer; an unscoped collection costs none. A row the caller may no longer see
 * goes out as a {@code deleted} frame holding only its key fields. The changes of a batch (one
 * commit, or a burst) and all its callers share one check per collection (one statement for
 * all callers whose scopes need a query).
 */
final class ScopedDelivery {

    private final ReadScope scope;
    private final CollectionRegistry registry;

    ScopedDelivery(ReadScope scope, CollectionRegistry registry) {
        this.scope = scope;
        this.registry = registry;
    }

    /** A change and the peers whose subscriptions matched it. */
    record Match(Change change, List<Peer> peers) {
    }

    /** What one caller's peers get of the changes of one collection. */
    private record Scope(String collection, Object caller) {
    }

    /**
     * Sends changes to the peers whose subscriptions matched them, each as its caller may see it:
     * first one check per collection and caller for all of the batch's changes, then the frames
     * in publish order.
     */
    void deliver(List<Match> matches) {
        Map<String, Boolean> scoped = new HashMap<>();
        Map<String, SortedSet<Integer>> indexes = new LinkedHashMap<>();
        Map<String, Map<Object, RequestInfo>> callers = new HashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            String collection = match.change().collection();
            if (!scoped.computeIfAbsent(collection, scope::applies)) {
                continue;
            }
            for (Peer peer : match.peers()) {
                indexes.computeIfAbsent(collection, c -> new TreeSet<>()).add(i);
                callers.computeIfAbsent(collection, c -> new LinkedHashMap<>()).putIfAbsent(peer.scopeIdentity, peer.caller);
            }
        }
        Map<Scope, Map<Integer, Visibility>> verdicts = new HashMap<>();
        indexes.forEach((collection, asked) -> {
            List<Integer> positions = List.copyOf(asked);
            List<Object> identities = List.copyOf(callers.get(collection).keySet());
            List<List<Visibility>> judged = scope.judge(collection, List.copyOf(callers.get(collection).values()),
                    positions.stream().map(i -> matches.get(i).change()).toList());
            for (int c = 0; c < identities.size(); c++) {
                Map<Integer, Visibility> byIndex = new HashMap<>();
                for (int j = 0; j < positions.size(); j++) {
                    byIndex.put(positions.get(j), judged.get(c).get(j));
                }
                verdicts.put(new Scope(collection, identities.get(c)), byIndex);
            }
        });
        for (int i = 0; i < matches.size(); i++) {
            Change change = matches.get(i).change();
            boolean isScoped = scoped.get(change.collection());
            String full = null;
            String keyOnly = null;
            for (Peer peer : matches.get(i).peers()) {
                Visibility visibility = isScoped
                        ? verdicts.get(new Scope(change.collection(), peer.scopeIdentity)).get(i) : Visibility.VISIBLE;
                if (visibility == Visibility.VISIBLE) {
                    full = full == null ? Frames.update(change) : full;
                    peer.send(full);
                } else if (visibility == Visibility.KEY_ONLY_DELETE) {
                    keyOnly = keyOnly == null ? keyOnlyDelete(change) : keyOnly;
                    peer.send(keyOnly);
                }
            }
        }
    }

    /** Only what the client needs to drop the row: no other field, no origin client. */
    private String keyOnlyDelete(Change change) {
        return Frames.keyOnlyDelete(change, registry.find(change.collection()).map(CollectionDescriptor::primaryKey)
                .orElse(List.of()).stream().map(FieldDescriptor::name).toList());
    }
}

package io.rivulet.realtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers that may care about a change, so that a change costs as many checks as subscriptions
 * can match it, not as many as there are subscriptions. A subscription sits in the slots its
 * {@link SubscriptionSlots} name: its key, the whole collection, the values of an {@code eq}/{@code in}
 * condition on any field (a hash from field value to peers), or the collection's scan slot for
 * conditions no hash can answer. Candidates are a superset of the matching peers; {@link FanOut}
 * decides.
 */
final class SubscriptionIndex {

    private final Map<SubscriptionSlots.Slot, Set<Peer>> peers = new ConcurrentHashMap<>();
    /** The fields some subscription of the collection hashes on. */
    private final Map<String, Set<String>> hashedFields = new ConcurrentHashMap<>();

    void add(Peer peer, Subscription subscription) {
        for (SubscriptionSlots.Slot slot : SubscriptionSlots.of(subscription)) {
            if (slot.field() != null) {
                hashedFields.computeIfAbsent(slot.collection(), c -> ConcurrentHashMap.newKeySet()).add(slot.field());
            }
            peers.compute(slot, (s, set) -> {
                Set<Peer> added = set == null ? ConcurrentHashMap.newKeySet(2) : set;
                added.add(peer);
                return added;
            });
        }
    }

    /** Drops the peer from the subscription's slots unless another of its subscriptions still uses them. */
    void remove(Peer peer, Subscription subscription) {
        Set<SubscriptionSlots.Slot> stillUsed = new HashSet<>();
        for (Subscription other : peer.subscriptions.values()) {
            if (other != subscription) {
                stillUsed.addAll(SubscriptionSlots.of(other));
            }
        }
        for (SubscriptionSlots.Slot slot : SubscriptionSlots.of(subscription)) {
            if (!stillUsed.contains(slot)) {
                leave(peer, slot);
            }
        }
    }

    /** Drops the peer from every slot of its subscriptions (call before clearing them). */
    void removeAll(Peer peer) {
        for (Subscription subscription : peer.subscriptions.values()) {
            for (SubscriptionSlots.Slot slot : SubscriptionSlots.of(subscription)) {
                leave(peer, slot);
            }
        }
    }

    private void leave(Peer peer, SubscriptionSlots.Slot slot) {
        peers.computeIfPresent(slot, (s, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The peers with a subscription that may match the change: to its key, to the whole
     * collection, a hashed condition on a value the row has (or had, for an update), and every
     * condition that only a scan can answer.
     */
    Set<Peer> candidates(Change change) {
        String collection = change.collection();
        List<Set<Peer>> found = new ArrayList<>(4);
        collect(found, SubscriptionSlots.whole(collection));
        collect(found, SubscriptionSlots.scan(collection));
        if (change.key() != null) {
            collect(found, SubscriptionSlots.key(collection, change.key()));
        }
        Set<String> fields = hashedFields.getOrDefault(collection, Set.of());
        if (!fields.isEmpty()) {
            if (Change.UPDATED.equals(change.type()) && change.previousRecord() == null
                    || Change.DELETED.equals(change.type()) && !change.record().keySet().containsAll(fields)) {
                // an update whose previous row is unknown reaches every where-subscription (PROTOCOL §7.5);
                // so does a delete known by its key only (the PostgreSQL change source, FanOut.partialDelete)
                peers.forEach((slot, set) -> {
                    if (slot.field() != null && slot.collection().equals(collection)) {
                        found.add(set);
                    }
                });
            } else {
                for (String field : fields) {
                    hashed(found, collection, field, change.record());
                    if (change.previousRecord() != null) {
                        hashed(found, collection, field, change.previousRecord());
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return Set.of();
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        Set<Peer> union = new HashSet<>();
        found.forEach(union::addAll);
        return union;
    }

    private void hashed(List<Set<Peer>> found, String collection, String field, Map<String, Object> row) {
        if (row != null && row.containsKey(field)) {
            SubscriptionSlots.valueKey(row.get(field))
                    .ifPresent(value -> collect(found, new SubscriptionSlots.Slot(collection, field, value)));
        }
    }

    private void collect(List<Set<Peer>> found, SubscriptionSlots.Slot slot) {
        Set<Peer> set = peers.get(slot);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Set<Peer> other : found) {
            if (other == set) {
                return;
            }
        }
        found.add(set);
    }
}

package io.rivulet.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers that may care about a change, by collection and key: those subscribed to that key
 * and those subscribed to the whole collection. An update costs as many checks as subscriptions
 * can match it, not as many as there are subscriptions.
 */
final class SubscriptionIndex {

    private static final String ANY_KEY = "*";

    private final Map<String, Map<String, Set<Peer>>> byCollection = new ConcurrentHashMap<>();

    void add(Peer peer, Subscription subscription) {
        byCollection.computeIfAbsent(subscription.collection(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(keyOf(subscription), k -> ConcurrentHashMap.newKeySet()).add(peer);
    }

    /** Drops the peer from the subscription's slot unless another of its subscriptions still uses it. */
    void remove(Peer peer, Subscription subscription) {
        boolean stillUsed = peer.subscriptions.values().stream()
                .anyMatch(s -> s.collection().equals(subscription.collection()) && keyOf(s).equals(keyOf(subscription)));
        if (stillUsed) {
            return;
        }
        Map<String, Set<Peer>> keys = byCollection.get(subscription.collection());
        if (keys != null) {
            Set<Peer> peers = keys.get(keyOf(subscription));
            if (peers != null) {
                peers.remove(peer);
            }
        }
    }

    void removeAll(Peer peer) {
        byCollection.values().forEach(keys -> keys.values().forEach(peers -> peers.remove(peer)));
    }

    /** The peers with a subscription to this collection and key, or to the whole collection. */
    Set<Peer> candidates(String collection, String key) {
        Map<String, Set<Peer>> keys = byCollection.get(collection);
        if (keys == null) {
            return Set.of();
        }
        Set<Peer> peers = ConcurrentHashMap.newKeySet();
        peers.addAll(keys.getOrDefault(ANY_KEY, Set.of()));
        if (key != null) {
            peers.addAll(keys.getOrDefault(key, Set.of()));
        }
        return peers;
    }

    private static String keyOf(Subscription subscription) {
        return subscription.key() == null ? ANY_KEY : subscription.key();
    }
}

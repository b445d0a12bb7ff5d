package io.rivulet.realtime;

import io.rivulet.hooks.RealtimeEvent;
import io.rivulet.query.Condition;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.memory.Dialect;
import io.rivulet.query.memory.InMemoryFilter;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The server's fan-out semantics (PROTOCOL §7.5): a committed change goes to every peer with a
 * matching subscription — collection, key, and {@code where} with the client's {@code filterWhere}
 * rules (an update also when the previous row matched, so clients see rows leave) — except the
 * peer whose client made it, and those the {@code realtime.filter} hook rejects; one frame per
 * peer, however many of its subscriptions match. What each matching peer's caller may read of it
 * is {@link ScopedDelivery}'s part. Runs on the hub's one matching thread, over the candidates of
 * the {@link SubscriptionIndex}: a change costs the peers that may match it, not all peers.
 */
final class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

    private final SubscriptionIndex index;
    private final RealtimeHooks hooks;
    private final CollectionRegistry registry;
    private final Dialect dialect;
    private final Map<String, InMemoryFilter> filters = new ConcurrentHashMap<>();
    private final ScopedDelivery scoped;

    FanOut(SubscriptionIndex index, RealtimeHooks hooks, CollectionRegistry registry, Dialect dialect,
            ScopedDelivery scoped) {
        this.index = index;
        this.hooks = hooks;
        this.registry = registry;
        this.dialect = dialect;
        this.scoped = scoped;
    }

    /**
     * Sends committed changes, in publish order, to every peer with a matching subscription, once
     * per peer and change.
     */
    void deliver(List<Change> changes) {
        List<ScopedDelivery.Match> matches = new ArrayList<>(changes.size());
        for (Change change : changes) {
            try {
                List<Peer> matching = matching(change);
                if (!matching.isEmpty()) {
                    matches.add(new ScopedDelivery.Match(change, matching));
                }
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Rivulet could not deliver a change of " + change.collection(), e);
            }
        }
        scoped.deliver(matches);
    }

    private List<Peer> matching(Change change) {
        Set<Peer> candidates = index.candidates(change);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Peer> matching = new ArrayList<>(candidates.size());
        InMemoryFilter filter = filter(change.collection());
        boolean hooked = hooks.observed(RealtimeEvent.Kind.FILTER, change.collection());
        boolean keyOnly = partialDelete(change); // once per change, not per peer and subscription
        for (Peer peer : candidates) {
            if (change.originClientId() != null && change.originClientId().equals(peer.clientId)) {
                continue;
            }
            if (!matches(peer, change, filter, keyOnly) || hooked && filtered(peer, change)) {
                continue;
            }
            matching.add(peer);
        }
        return matching;
    }

    /** @param keyOnly whether the change is a delete known by its key only ({@link #partialDelete}) */
    private boolean matches(Peer peer, Change change, InMemoryFilter filter, boolean keyOnly) {
        for (Subscription subscription : peer.subscriptions.values()) {
            if (!subscription.collection().equals(change.collection())
                    || subscription.key() != null && !subscription.key().equals(change.key())) {
                continue;
            }
            if (subscription.where().isEmpty() || keyOnly) {
                return true;
            }
            try {
                Condition where = subscription.where().get();
                if (filter.test(where, change.record())) {
                    return true;
                }
                if (Change.UPDATED.equals(change.type())
                        && (change.previousRecord() == null || filter.test(where, change.previousRecord()))) {
                    return true;
                }
            } catch (InvalidConditionException e) {
                LOG.fine(() -> "subscription " + subscription.id() + " cannot be evaluated: " + e.getMessage());
            }
        }
        return false;
    }

    /**
     * A delete known by its key only (the PostgreSQL change source without REPLICA IDENTITY FULL)
     * cannot be matched against a {@code where}: it goes to every subscriber of the collection, as
     * a client drops a row it does not hold at no cost.
     */
    private boolean partialDelete(Change change) {
        return Change.DELETED.equals(change.type()) && registry.find(change.collection())
                .map(c -> c.visibleFields().stream().anyMatch(f -> !change.record().containsKey(f.name())))
                .orElse(false);
    }

    private boolean filtered(Peer peer, Change change) {
        RealtimeEvent filter = new RealtimeEvent(RealtimeEvent.Kind.FILTER, change.collection(), change.key(), null,
                change.type(), change.record(), peer.clientId);
        try {
            hooks.fire(filter);
        } catch (RuntimeException e) {
            return true;
        }
        return filter.rejection().isPresent();
    }

    private InMemoryFilter filter(String collection) {
        return filters.computeIfAbsent(collection, name -> new InMemoryFilter(dialect, registry.find(name).map(FanOut::timestampFields).orElse(Set.of())));
    }

    private static Set<String> timestampFields(CollectionDescriptor collection) {
        return collection.fields().stream().filter(f -> f.type() == FieldType.TIMESTAMP).map(FieldDescriptor::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}

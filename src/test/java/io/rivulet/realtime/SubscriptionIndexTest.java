package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.hooks.RequestInfo;
import io.rivulet.query.ConditionParser;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Candidates are every peer that may match, and the hashed conditions keep the others out. */
class SubscriptionIndexTest {

    private final SubscriptionIndex index = new SubscriptionIndex();

    private static Peer peer() {
        return new Peer(null, null, new RequestInfo(Map.of(), Optional.empty(), "/ws"), 10, Runnable::run, () -> { });
    }

    private Peer subscribed(String key, Map<String, Object> where) {
        Peer peer = peer();
        subscribe(peer, key, where);
        return peer;
    }

    private Subscription subscribe(Peer peer, String key, Map<String, Object> where) {
        Subscription subscription = new Subscription("todos|" + key + "|" + where, "todos", key,
                ConditionParser.parse(where));
        peer.subscriptions.put(subscription.id(), subscription);
        index.add(peer, subscription);
        return subscription;
    }

    private static Map<String, Object> eq(String field, Object value) {
        return Map.of("operator", "eq", "field", field, "value", value);
    }

    private static Map<String, Object> row(Object... fieldsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            row.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return row;
    }

    private static Change updated(String key, Map<String, Object> record, Map<String, Object> previous) {
        return new Change("todos", Change.UPDATED, key, record, previous, null);
    }

    @Test
    void aChangeReachesOnlyThePeersOfItsValueAmongManyDistinctEqFilters() {
        Peer[] peers = new Peer[1000];
        for (int i = 0; i < peers.length; i++) {
            peers[i] = subscribed(null, eq("id", i));
        }
        assertEquals(Set.of(peers[42]), Set.copyOf(index.candidates(updated("42", row("id", 42L), row("id", 42L)))));
        assertEquals(Set.of(peers[7]), Set.copyOf(index.candidates(new Change("todos", Change.CREATED, "7",
                row("id", new BigDecimal("7.0")), null, null))), "numbers hash by their value, as === compares them");
        assertEquals(Set.of(), index.candidates(updated("5000", row("id", 5000), row("id", 5000))));
    }

    @Test
    void anUpdateReachesThePeersOfTheOldAndTheNewValue() {
        Peer open = subscribed(null, eq("completed", false));
        Peer done = subscribed(null, eq("completed", true));
        Peer other = subscribed(null, eq("title", "other"));
        assertEquals(Set.of(open, done), Set.copyOf(index.candidates(
                updated("1", row("completed", true, "title", "a"), row("completed", false, "title", "a")))));
        assertEquals(Set.of(open, done, other), Set.copyOf(index.candidates(updated("1", row("completed", true), null))),
                "an unknown previous row reaches every where-subscription");
    }

    @Test
    void inKeyWholeCollectionAndUnhashableConditionsAreCandidates() {
        Peer in = subscribed(null, Map.of("operator", "inArray", "field", "title", "value", List.of("a", "b")));
        Peer key = subscribed("3", null);
        Peer whole = subscribed(null, null);
        Peer scanned = subscribed(null, Map.of("operator", "gt", "field", "id", "value", 1));
        Peer inAnd = subscribed(null, Map.of("operator", "and", "conditions",
                List.of(Map.of("operator", "gt", "field", "id", "value", 1), eq("title", "b"))));
        Peer inOr = subscribed(null, Map.of("operator", "or", "conditions", List.of(eq("title", "x"), eq("id", 9))));
        assertEquals(Set.of(in, key, whole, scanned, inAnd, inOr),
                Set.copyOf(index.candidates(updated("3", row("id", 3, "title", "b"), row("id", 3, "title", "b")))));
        assertEquals(Set.of(whole, scanned, inOr),
                Set.copyOf(index.candidates(updated("4", row("id", 4, "title", "c"), row("id", 4, "title", "c")))));
    }

    @Test
    void unsubscribingKeepsTheSlotsOtherSubscriptionsOfThePeerStillUse() {
        Peer peer = peer();
        Subscription plain = subscribe(peer, null, eq("title", "a"));
        Subscription and = subscribe(peer, null, Map.of("operator", "and", "conditions",
                List.of(eq("title", "a"), eq("completed", true))));
        peer.subscriptions.remove(plain.id());
        index.remove(peer, plain);
        Change change = updated("1", row("title", "a"), row("title", "a"));
        assertEquals(Set.of(peer), Set.copyOf(index.candidates(change)));
        peer.subscriptions.remove(and.id());
        index.remove(peer, and);
        assertEquals(Set.of(), Set.copyOf(index.candidates(change)));
        subscribe(peer, "1", null);
        index.removeAll(peer);
        assertEquals(Set.of(), Set.copyOf(index.candidates(change)));
    }

    /** The PostgreSQL change source without REPLICA IDENTITY FULL: a delete knows its key only. */
    @Test
    void aDeleteKnownByItsKeyOnlyReachesEveryHashedSubscriptionAndAFullOneOnlyItsValue() {
        Peer done = subscribed(null, eq("completed", true));
        Peer open = subscribed(null, eq("completed", false));
        Change keyOnly = new Change("todos", Change.DELETED, "7", row("id", 7), null, null);
        assertEquals(Set.of(done, open), Set.copyOf(index.candidates(keyOnly)));
        Change full = new Change("todos", Change.DELETED, "7", row("id", 7, "completed", true), null, null);
        assertEquals(Set.of(done), Set.copyOf(index.candidates(full)));
    }
}

package io.rivulet.realtime;

import io.rivulet.query.Condition;
import java.util.Optional;

/**
 * One subscription of a peer, identified as the rstore client identifies it:
 * {@code collection|key|where} ({@code *} for an absent key or where).
 */
record Subscription(String id, String collection, String key, Optional<Condition> where) {
}

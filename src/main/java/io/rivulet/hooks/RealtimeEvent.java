package io.rivulet.hooks;

import java.util.Map;
import java.util.Optional;

/**
 * The realtime hooks: {@code realtime.authorize} (a peer subscribes; {@link #reject} refuses the
 * subscription with a reason) and {@code realtime.filter} (an update is about to reach a peer;
 * {@link #reject} skips that peer). Observe with {@code @Observes RealtimeEvent e} and check
 * {@link #kind()}. Read rules need neither: the collection's {@code INDEX_GET} before hooks
 * already scope realtime delivery per caller (see {@link CollectionEvent}); these hooks are for
 * rules of their own, and run before that scope.
 */
public final class RealtimeEvent {

    /** Which realtime hook this is. */
    public enum Kind { AUTHORIZE, FILTER }

    private final Kind kind;
    private final String collection;
    private final String key;
    private final Object where;
    private final String type;
    private final Map<String, Object> record;
    private final String clientId;
    private String rejection;

    public RealtimeEvent(Kind kind, String collection, String key, Object where, String type,
            Map<String, Object> record, String clientId) {
        this.kind = kind;
        this.collection = collection;
        this.key = key;
        this.where = where;
        this.type = type;
        this.record = record;
        this.clientId = clientId;
    }

    public Kind kind() {
        return kind;
    }

    public String collection() {
        return collection;
    }

    /** The subscription's key (authorize) or the updated row's key (filter), if any. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The subscription's decoded {@code where} (authorize). */
    public Optional<Object> where() {
        return Optional.ofNullable(where);
    }

    /** {@code created}, {@code updated} or {@code deleted} (filter). */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The row about to be sent (filter). */
    public Optional<Map<String, Object>> record() {
        return Optional.ofNullable(record);
    }

    /** The peer's rstore client id, if it sent one. */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public void reject(String reason) {
        this.rejection = reason == null ? "rejected" : reason;
    }

    public void reject() {
        reject(null);
    }

    public Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }
}

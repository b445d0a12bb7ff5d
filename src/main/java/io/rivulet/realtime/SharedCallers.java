package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each distinct caller for all the peers it connected: the handshake's headers,
 * principal and URL are kept once per caller, not once per connection. Callers are the same when
 * the hooks cannot tell them apart ({@link Peer#identity}: the principal by type and name, since a
 * container may hand each connection its own principal object), which is also what groups peers
 * for one scope check per change. A caller no peer holds any more is forgotten.
 */
final class SharedCallers {

    /** A caller as the peers share it, with its identity. */
    record Caller(RequestInfo info, Object identity) {
    }

    private final Map<Object, WeakReference<Caller>> callers = new HashMap<>();
    private int purgeAt = 64;

    synchronized Caller share(RequestInfo caller) {
        Object identity = Peer.identity(caller);
        WeakReference<Caller> shared = callers.get(identity);
        Caller existing = shared == null ? null : shared.get();
        if (existing != null) {
            return existing;
        }
        Caller created = new Caller(caller, identity);
        callers.put(identity, new WeakReference<>(created));
        if (callers.size() >= purgeAt) {
            callers.values().removeIf(reference -> reference.get() == null);
            purgeAt = Math.max(64, callers.size() * 2);
        }
        return created;
    }
}

package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One {@link RequestInfo} per distinct caller among the open peers: the headers of a handshake
 * are most of what an idle peer holds, and peers of one caller (tabs, reconnects) have equal
 * ones. An entry lives as long as a peer holds its caller.
 */
final class SharedCallers {

    private final Map<RequestInfo, WeakReference<RequestInfo>> callers = new WeakHashMap<>();

    synchronized RequestInfo share(RequestInfo caller) {
        WeakReference<RequestInfo> shared = callers.get(caller);
        RequestInfo existing = shared == null ? null : shared.get();
        if (existing != null) {
            return existing;
        }
        callers.put(caller, new WeakReference<>(caller));
        return caller;
    }
}

package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import java.util.List;

/**
 * The port through which realtime asks what a caller may read, so that a change reaches a peer
 * only if its caller could read the row through REST at that moment. The adapter
 * ({@code io.rivulet.realtime.scope.HookReadScope}) fires the collection's read hooks and checks
 * the changed rows against their restrictions.
 */
public interface ReadScope {

    /** What a peer gets of one change. */
    enum Visibility {
        /** The frame as it is. */
        VISIBLE,
        /** Nothing. */
        HIDDEN,
        /**
         * A {@code deleted} frame with only the key fields: the row is (now) outside the caller's
         * scope, or may have left it, and a client holding it must drop it.
         */
        KEY_ONLY_DELETE
    }

    /**
     * Whether changes of this collection are scoped at all. When not (no read hook observes the
     * collection, or it is configured as unscoped), every matching peer gets every change and
     * nothing is evaluated.
     */
    boolean applies(String collection);

    /**
     * What callers may see of changes of one collection, now: all of them at once, so that the
     * adapter can check them together (one statement for all callers whose scopes need a query).
     *
     * @param callers the peers' WebSocket handshakes, as hooks see them, one per distinct caller
     * @param changes committed changes of {@code collection}, in publish order
     * @return per caller (index-aligned), one visibility per change (index-aligned); never throws
     *     (a failure hides)
     */
    List<List<Visibility>> judge(String collection, List<RequestInfo> callers, List<Change> changes);
}

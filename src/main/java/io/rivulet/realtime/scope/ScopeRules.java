package io.rivulet.realtime.scope;

import io.rivulet.RstoreException;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ReadScope.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a caller gets of a change once its scope is known, either as a test of a row (the hooks'
 * in-memory form) or as the keys a query found inside the scope after the commit.
 *
 * <ul>
 *   <li>{@code created}: the frame if the row is inside, else nothing.</li>
 *   <li>{@code updated}: the frame if the row is inside. Otherwise the row may have left the
 *       scope: in memory, a key-only {@code deleted} if the previous row was inside (nothing if it
 *       was outside too; a key-only {@code deleted} if it is unknown). With a query the previous
 *       row cannot be checked any more (it is committed over), so always a key-only
 *       {@code deleted}.</li>
 *   <li>{@code deleted}: in memory, the frame (with its pre-image) if the deleted row was inside,
 *       else nothing. With a query the row is gone, so a key-only {@code deleted}.</li>
 * </ul>
 * A key-only {@code deleted} tells a peer the key of a row it may not read, and that the row (or
 * its previous state) matched its subscription: nothing else of it.
 */
final class ScopeRules {

    private static final Logger LOG = Logger.getLogger(ScopeRules.class.getName());

    private ScopeRules() {
    }

    static List<Visibility> inMemory(List<Change> changes, Predicate<Map<String, Object>> inside) {
        List<Visibility> verdicts = new ArrayList<>(changes.size());
        for (Change change : changes) {
            boolean now = test(inside, change.record());
            if (now) {
                verdicts.add(Visibility.VISIBLE);
            } else if (Change.UPDATED.equals(change.type())
                    && (change.previousRecord() == null || test(inside, change.previousRecord()))) {
                verdicts.add(Visibility.KEY_ONLY_DELETE);
            } else {
                verdicts.add(Visibility.HIDDEN);
            }
        }
        return verdicts;
    }

    /** @param inside the keys of the changes' rows that a query found inside the scope */
    static List<Visibility> queried(List<Change> changes, Set<String> inside) {
        List<Visibility> verdicts = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (Change.DELETED.equals(change.type())) {
                verdicts.add(Visibility.KEY_ONLY_DELETE);
            } else if (inside.contains(change.key())) {
                verdicts.add(Visibility.VISIBLE);
            } else {
                verdicts.add(Change.UPDATED.equals(change.type()) ? Visibility.KEY_ONLY_DELETE : Visibility.HIDDEN);
            }
        }
        return verdicts;
    }

    /** The changes whose rows a query has to check (a deleted row can no longer be found). */
    static List<Change> toQuery(List<Change> changes) {
        return changes.stream().filter(c -> !Change.DELETED.equals(c.type())).toList();
    }

    /** Nothing of the changes, for a caller whose read hooks refused (4xx, logged at FINE) or failed (logged). */
    static List<Visibility> hiddenAfter(String collection, RuntimeException e, int size) {
        Optional<RstoreException> refused = RstoreException.in(e);
        if (refused.isPresent() && refused.get().status() < 500) {
            LOG.fine(() -> "Rivulet realtime: the read hooks of " + collection + " refuse a caller: "
                    + refused.get().status());
        } else {
            LOG.log(Level.WARNING, "Rivulet realtime: the read scope of " + collection
                    + " failed; its changes are hidden from that caller", e);
        }
        return all(size, Visibility.HIDDEN);
    }

    static List<Visibility> all(int size, Visibility visibility) {
        return java.util.Collections.nCopies(size, visibility);
    }

    /** A test that fails on a row counts as outside (a hook's bug must not show rows). */
    private static boolean test(Predicate<Map<String, Object>> inside, Map<String, Object> row) {
        try {
            return row != null && inside.test(row);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Rivulet: a hook's in-memory scope failed on a row; treated as outside: " + e);
            return false;
        }
    }
}

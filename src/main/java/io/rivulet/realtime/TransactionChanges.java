package io.rivulet.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects the changes of the current transaction and hands them to the {@link ChangeBus} only
 * after it committed: a rolled-back transaction publishes nothing. Outside a transaction a
 * change is published at once. With {@code rivulet.changes.source=postgresql} the database's
 * stream publishes every change, Rivulet's own included, so this path only journals: one path
 * per deployment, so no change reaches a subscriber twice.
 */
@ApplicationScoped
public class TransactionChanges {

    private static final Logger LOG = Logger.getLogger(TransactionChanges.class.getName());
    private static final Object KEY = TransactionChanges.class;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ChangeBus bus;

    @Inject
    jakarta.enterprise.inject.Instance<ChangeJournal> journals;

    @Inject
    io.rivulet.config.ChangeSourceSettings source;

    private volatile java.util.Optional<ChangeJournal> journal;
    private volatile Boolean publishes;

    /** The state of one transaction. */
    static final class Pending implements Synchronization {
        final List<Change> changes = new ArrayList<>();
        final Map<Object, Map<String, Object>> snapshots = new IdentityHashMap<>();
        String originClientId;
        private final ChangeBus bus;
        private final ChangeJournal journal;
        /** Set once the journal has the changes so far: a later change (a flush in the commit) is journaled at once. */
        boolean journaled;

        Pending(ChangeBus bus, ChangeJournal journal) {
            this.bus = bus;
            this.journal = journal;
        }

        /** The changes go into the journal in the transaction; a failure here rolls it back. */
        @Override
        public void beforeCompletion() {
            if (journal != null && !changes.isEmpty()) {
                journal.write(List.copyOf(changes));
            }
            journaled = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED || bus == null) {
                return;
            }
            for (Change change : changes) {
                try {
                    bus.publish(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Rivulet could not publish a change of " + change.collection(), e);
                }
            }
        }
    }

    /** Records a change of the current transaction (published after commit). */
    public void add(Change change) {
        Pending pending = pending();
        if (pending == null) {
            journal().ifPresent(j -> j.write(List.of(change)));
            if (publishes()) {
                bus.publish(change);
            }
        } else {
            Change added = change.originClientId() == null && pending.originClientId != null
                    ? new Change(change.collection(), change.type(), change.key(), change.record(),
                            change.previousRecord(), pending.originClientId)
                    : change;
            pending.changes.add(added);
            if (pending.journaled && pending.journal != null) {
                pending.journal.write(List.of(added));
            }
        }
    }

    /**
     * Publishes a change whose journal entry the caller already wrote, in the transaction of the
     * write itself (the SQL create path): after that transaction committed.
     */
    public void addJournaled(Change change) {
        if (publishes()) {
            bus.publish(change);
        }
    }

    /** Whether committed changes go to the bus from here (not when the database's stream publishes them). */
    private boolean publishes() {
        Boolean found = publishes;
        if (found == null) {
            found = source == null || !source.fromDatabase();
            publishes = found;
        }
        return found;
    }

    /** The journal of the changes feed, if one is deployed and switched on. */
    public java.util.Optional<ChangeJournal> journal() {
        java.util.Optional<ChangeJournal> found = journal;
        if (found == null) {
            found = journals != null && journals.isResolvable() ? java.util.Optional.of(journals.get())
                    : java.util.Optional.empty();
            journal = found;
        }
        return found;
    }

    /** The rstore client behind the current transaction's writes, for echo suppression. */
    public void origin(String clientId) {
        Pending pending = pending();
        if (pending != null) {
            pending.originClientId = clientId;
        }
    }

    /** Makes sure the current transaction will publish its changes (called early, before any flush). */
    void join() {
        pending();
    }

    /**
     * Remembers a row as loaded, the pre-image of a later update in the same transaction. Outside a
     * transaction nothing loaded can be written later, and the row is not even built. (Inside one,
     * the transaction is registered for publishing at the first load: its writes may be flushed
     * only during the commit, too late to register then.)
     */
    void snapshot(Object entity, Supplier<Map<String, Object>> row) {
        Pending pending = pending();
        if (pending != null) {
            pending.snapshots.put(entity, row.get());
        }
    }

    Map<String, Object> snapshotOf(Object entity) {
        Pending pending = pending();
        return pending == null ? null : pending.snapshots.get(entity);
    }

    private Pending pending() {
        if (transactions == null) {
            return null;
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending != null) {
            // also while the commit writes what was persisted earlier (before completion)
            return pending;
        }
        if (status != Status.STATUS_ACTIVE) {
            return null;
        }
        pending = new Pending(publishes() ? bus : null, journal().orElse(null));
        try {
            transactions.registerInterposedSynchronization(pending);
        } catch (IllegalStateException e) {
            // too late in the commit to wait for its outcome (the listener registers earlier,
            // at load, persist and remove, so this is not expected)
            LOG.warning("Rivulet registered a change too late in a commit; publishing it at once");
            return null;
        }
        transactions.putResource(KEY, pending);
        return pending;
    }
}

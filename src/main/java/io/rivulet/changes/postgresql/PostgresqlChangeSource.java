package io.rivulet.changes.postgresql;

import io.rivulet.config.ChangeSourceSettings;
import io.rivulet.config.RivuletSettings;
import io.rivulet.offline.FeedJournal;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeBus;
import io.rivulet.schema.CollectionRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code rivulet.changes.source=postgresql}: reads PostgreSQL's logical replication stream
 * ({@code pgoutput}) for the exposed collections' tables and publishes its changes to the
 * {@link ChangeBus}, so writes of other programs reach subscribers too (README, "Change source").
 * One node of a cluster reads at a time (an advisory lock); the others get the changes through
 * the bus. Other programs' transactions are also journaled for the changes feed, once each;
 * Rivulet's own are marked in the stream ({@link MarkedJournal}) and were journaled in their
 * transaction. With the default source nothing here runs: no slot, no replication connection.
 *
 * <p>The classes that use pgjdbc ({@link SlotReader}, {@link ReaderConnections}) are not beans and
 * are loaded only when the option is on, so a deployment without the driver is unaffected.
 */
@ApplicationScoped
public class PostgresqlChangeSource {

    private static final Logger LOG = Logger.getLogger(PostgresqlChangeSource.class.getName());

    @Inject
    ChangeSourceSettings source;

    @Inject
    RivuletSettings settings;

    @Inject
    CollectionRegistry registry;

    @Inject
    FeedJournal feed;

    @Inject
    ChangeBus bus;

    @Resource
    ManagedThreadFactory threads;

    /** The reader (a {@link SlotReader}), typed loosely so this bean loads without pgjdbc. */
    private volatile Object reader;
    private volatile Thread thread;

    /** Starts reading in the background when the option is on (RivuletStartup, once). */
    public void start() {
        if (!source.fromDatabase()) {
            return;
        }
        ChangeMapper mapper = new ChangeMapper(registry.all());
        DataSource dataSource = settings.lookupDataSource();
        StreamJournal journal = new StreamJournal(dataSource, feed, source.slot());
        try {
            journal.createTable();
        } catch (SQLException e) {
            throw new IllegalStateException("Rivulet's PostgreSQL change source cannot create " + StreamJournal.POSITIONS, e);
        }
        SlotReader slotReader = new SlotReader(connections(dataSource),
                new SlotSetup(source.slot(), source.publication(), mapper.tables()), source.slot(), source.publication(),
                new Handler(mapper, journal), bus::refresh, source.retryMs());
        reader = slotReader;
        Thread started = threads.newThread(slotReader);
        started.setName("rivulet-postgresql-changes");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Whether the option is on and this node reads the slot right now (health). */
    public boolean reading() {
        return reader instanceof SlotReader slotReader && slotReader.reading();
    }

    /** Whether the option is on. */
    public boolean enabled() {
        return reader != null;
    }

    /**
     * Journals another program's transaction (once), publishes each change, notes it as handed on;
     * a transaction an earlier reader (or this one, before a PostgreSQL restart) handed on already
     * is skipped ({@link StreamJournal}).
     */
    private final class Handler implements SlotReader.Handler {

        private final ChangeMapper mapper;
        private final StreamJournal journal;
        private long published;

        Handler(ChangeMapper mapper, StreamJournal journal) {
            this.mapper = mapper;
            this.journal = journal;
        }

        @Override
        public void reading(boolean newSlot) throws SQLException {
            if (newSlot) {
                journal.reset();
                published = 0;
            } else {
                published = Math.max(published, journal.published());
            }
        }

        @Override
        public void accept(StreamTransaction transaction) throws SQLException {
            if (transaction.commitLsn() <= published) {
                return;
            }
            List<Change> changes = mapper.changes(transaction);
            if (changes.isEmpty()) {
                return;
            }
            if (!transaction.ownWrite() && settings.offlineFeed()) {
                journal.journalOnce(transaction.commitLsn(), changes);
            }
            for (Change change : changes) {
                try {
                    bus.publish(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Rivulet could not publish a change of " + change.collection(), e);
                }
            }
            published = transaction.commitLsn();
            journal.published(published);
        }
    }

    /** The replication connection's URL and user: the settings', else the datasource's own. */
    private ReaderConnections connections(DataSource dataSource) {
        String url = source.url().orElse(null);
        String user = source.user().orElse(null);
        if (url == null || user == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                if (url == null) {
                    url = meta.getURL();
                }
                if (user == null) {
                    user = meta.getUserName();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Rivulet's PostgreSQL change source cannot reach " + settings.dataSource(), e);
            }
        }
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("rivulet.changes.source=postgresql needs a PostgreSQL datasource (found " + url
                    + "); set rivulet.changes.postgresql.url otherwise");
        }
        return new ReaderConnections(url, user, source.password().orElse(null));
    }

    @PreDestroy
    void stop() {
        if (reader instanceof SlotReader slotReader) {
            slotReader.stop();
            Thread running = thread;
            if (running != null) {
                try {
                    running.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

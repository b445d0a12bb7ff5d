package io.rivulet.offline;

import io.rivulet.config.RivuletSettings;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeJournal;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The changes feed's log: creates its tables at startup (before any observer of the application,
 * such as the example's seed, writes), and writes an entry per change of a collection with a
 * primary key, in the transaction of the change ({@link ChangeJournal}).
 */
@ApplicationScoped
public class FeedJournal implements ChangeJournal, io.rivulet.schema.drift.OwnTables {

    private static final Logger LOG = Logger.getLogger(FeedJournal.class.getName());

    @Inject
    RivuletSettings settings;

    @Inject
    CollectionRegistry registry;

    private volatile DataSource dataSource;
    private volatile FeedStore store;
    private volatile boolean tablesReady;

    /**
     * Creates the feed's tables when missing (at start, and before the first journal write if a
     * write comes first, e.g. from an application's own start-up observer).
     */
    public void createTables() {
        if (!settings.offlineFeed() || tablesReady) {
            return;
        }
        List<String> collections = registry.all().stream().filter(c -> !c.primaryKey().isEmpty())
                .map(CollectionDescriptor::name).toList();
        SQLException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // two nodes may create them at once
            try (Connection connection = dataSource().getConnection()) {
                store(connection).createTables(connection, collections);
                tablesReady = true;
                return;
            } catch (SQLException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("Rivulet cannot create the changes feed's tables " + FeedStore.CHANGES
                + " and " + FeedStore.FEEDS + " (set rivulet.offline.feed=false to run without the feed)", failure);
    }

    /** The feed's two tables, for the drift check (when the feed is on). */
    @Override
    public Map<String, List<String>> expectedTables() {
        return settings.offlineFeed() ? FeedStore.COLUMNS : Map.of();
    }

    @Override
    public void write(List<Change> changes) {
        Map<String, List<FeedStore.Entry>> entries = entries(changes);
        if (entries.isEmpty()) {
            return;
        }
        createTables();
        try (Connection connection = dataSource().getConnection()) {
            write(connection, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("Rivulet could not journal the changes of " + entries.keySet(), e);
        }
    }

    @Override
    public void write(Connection connection, List<Change> changes) throws SQLException {
        write(connection, entries(changes));
    }

    @Override
    public java.util.Optional<EntryClauses> clauses(Connection connection, String collection) throws SQLException {
        if (!settings.offlineFeed()) {
            return java.util.Optional.empty();
        }
        return store(connection).clauses(collection, System.currentTimeMillis());
    }

    private void write(Connection connection, Map<String, List<FeedStore.Entry>> entries) throws SQLException {
        long now = System.currentTimeMillis();
        FeedStore feed = store(connection);
        for (Map.Entry<String, List<FeedStore.Entry>> collection : entries.entrySet()) {
            feed.record(connection, collection.getKey(), collection.getValue(), now);
        }
    }

    /** The entries by collection, in name order (writers take the collections' locks in one order). */
    private Map<String, List<FeedStore.Entry>> entries(List<Change> changes) {
        if (!settings.offlineFeed()) {
            return Map.of();
        }
        Map<String, List<FeedStore.Entry>> entries = new TreeMap<>();
        for (Change change : changes) {
            if (change.key() == null || change.key().isEmpty()) {
                continue;
            }
            if (change.key().length() > FeedStore.MAX_KEY_LENGTH) {
                LOG.warning("Rivulet's changes feed skips a key longer than " + FeedStore.MAX_KEY_LENGTH
                        + " characters in " + change.collection());
                continue;
            }
            entries.computeIfAbsent(change.collection(), c -> new ArrayList<>())
                    .add(new FeedStore.Entry(0, change.key(), Change.DELETED.equals(change.type())));
        }
        return entries.isEmpty() ? Map.of() : new LinkedHashMap<>(entries);
    }

    /** The feed's statements for the database (known after the first connection). */
    FeedStore store(Connection connection) throws SQLException {
        FeedStore found = store;
        if (found == null) {
            found = new FeedStore(FeedStore.Dialect.of(connection));
            store = found;
        }
        return found;
    }

    FeedStore store() {
        if (store == null) {
            try (Connection connection = dataSource().getConnection()) {
                return store(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Rivulet cannot reach " + settings.dataSource(), e);
            }
        }
        return store;
    }

    DataSource dataSource() {
        DataSource found = dataSource;
        if (found == null) {
            found = settings.lookupDataSource();
            dataSource = found;
        }
        return found;
    }
}

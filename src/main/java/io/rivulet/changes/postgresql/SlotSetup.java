package io.rivulet.changes.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The reader's statements on its lock connection: the advisory lock that makes one node per
 * cluster the reader, the publication (exactly the exposed tables) and the slot, created when
 * missing; a slot PostgreSQL invalidated ({@code wal_status = 'lost'}, after
 * {@code max_slot_wal_keep_size}) is dropped and created again.
 */
final class SlotSetup {

    private static final Logger LOG = Logger.getLogger(SlotSetup.class.getName());
    /** The advisory lock's first key (the second: the slot name's hash); not the feed's {@code LOCK_SPACE}. */
    static final int LOCK_SPACE = 0x52697672;

    private final String slot;
    private final String publication;
    private final List<String> tables;

    SlotSetup(String slot, String publication, List<String> tables) {
        this.slot = slot;
        this.publication = publication;
        this.tables = tables;
    }

    /** Takes the session-level reader lock if free; it lasts as long as the connection. */
    boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, slot.hashCode());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Creates or corrects the publication: exactly the exposed tables. */
    void publication(Connection connection) throws SQLException {
        Set<String> published = null;
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            exists.setString(1, publication);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    published = new TreeSet<>();
                }
            }
        }
        String list = tables.stream().map(SlotSetup::quote).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            if (published == null) {
                statement.execute("CREATE PUBLICATION " + quote(publication) + " FOR TABLE " + list);
                LOG.info(() -> "Rivulet's PostgreSQL change source created the publication " + publication + " for " + tables);
                return;
            }
            try (PreparedStatement current = connection.prepareStatement(
                    "SELECT tablename FROM pg_publication_tables WHERE pubname = ?")) {
                current.setString(1, publication);
                try (ResultSet result = current.executeQuery()) {
                    while (result.next()) {
                        published.add(result.getString(1));
                    }
                }
            }
            if (!published.equals(new TreeSet<>(tables))) {
                statement.execute("ALTER PUBLICATION " + quote(publication) + " SET TABLE " + list);
                LOG.info(() -> "Rivulet's PostgreSQL change source set the publication " + publication + " to " + tables);
            }
        }
    }

    /** What {@link #slot} found. */
    enum SlotState {
        /** The slot was there: reading resumes from its confirmed position. */
        RESUMED,
        /** There was none (first start, or dropped by hand): reading starts now. */
        CREATED,
        /** PostgreSQL had invalidated it: changes were missed, clients must refresh. */
        LOST
    }

    /** Creates the slot when missing, and again when PostgreSQL invalidated it. */
    SlotState slot(Connection connection) throws SQLException {
        String walStatus = null;
        boolean exists = false;
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
            find.setString(1, slot);
            try (ResultSet result = find.executeQuery()) {
                if (result.next()) {
                    exists = true;
                    walStatus = result.getString(1);
                }
            }
        }
        boolean lost = "lost".equals(walStatus);
        if (lost) {
            LOG.warning(() -> "Rivulet's PostgreSQL change source found its slot " + slot + " invalidated (wal_status = lost:"
                    + " Rivulet was away longer than max_slot_wal_keep_size allows); changes were missed. The slot is"
                    + " created again and every node's clients are asked to refresh (close 1012)");
            try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                drop.setString(1, slot);
                drop.execute();
            }
        }
        if (!exists || lost) {
            try (PreparedStatement create = connection.prepareStatement(
                    "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
                create.setString(1, slot);
                create.execute();
            }
            LOG.info(() -> "Rivulet's PostgreSQL change source created the replication slot " + slot);
        }
        return lost ? SlotState.LOST : exists ? SlotState.RESUMED : SlotState.CREATED;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

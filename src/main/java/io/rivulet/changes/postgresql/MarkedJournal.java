package io.rivulet.changes.postgresql;

import io.rivulet.config.ChangeSourceSettings;
import io.rivulet.config.RivuletSettings;
import io.rivulet.offline.FeedJournal;
import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeJournal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The changes feed's journal, which with {@code rivulet.changes.source=postgresql} also marks each
 * of Rivulet's writing transactions in the database's stream: a transactional logical message
 * (prefix {@code rivulet}, content the origin client id) in the same transaction as the write.
 * The stream's reader then knows the transaction is Rivulet's own (already journaled here, in
 * the transaction) and whose echo to suppress. With the default source it only delegates.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class MarkedJournal implements ChangeJournal {

    static final String MARK = "SELECT pg_logical_emit_message(true, '" + TransactionAssembler.PREFIX + "', ?)";

    @Inject
    FeedJournal feed;

    @Inject
    ChangeSourceSettings source;

    @Inject
    RivuletSettings settings;

    private volatile javax.sql.DataSource dataSource;

    @Override
    public void write(List<Change> changes) {
        if (source.fromDatabase() && !changes.isEmpty()) {
            try (Connection connection = dataSource().getConnection()) {
                mark(connection, changes);
            } catch (SQLException e) {
                throw new IllegalStateException("Rivulet could not mark its transaction for the PostgreSQL change source", e);
            }
        }
        feed.write(changes);
    }

    @Override
    public void write(Connection connection, List<Change> changes) throws SQLException {
        if (source.fromDatabase() && !changes.isEmpty()) {
            mark(connection, changes);
        }
        feed.write(connection, changes);
    }

    /** With the stream as source, no single-statement entry: the mark needs a statement of its own. */
    @Override
    public Optional<EntryClauses> clauses(Connection connection, String collection) throws SQLException {
        return source.fromDatabase() ? Optional.empty() : feed.clauses(connection, collection);
    }

    private javax.sql.DataSource dataSource() {
        javax.sql.DataSource found = dataSource;
        if (found == null) {
            found = settings.lookupDataSource();
            dataSource = found;
        }
        return found;
    }

    private static void mark(Connection connection, List<Change> changes) throws SQLException {
        String origin = changes.stream().map(Change::originClientId).filter(java.util.Objects::nonNull).findFirst().orElse("");
        try (PreparedStatement statement = connection.prepareStatement(MARK)) {
            statement.setString(1, origin);
            statement.execute();
        }
    }
}

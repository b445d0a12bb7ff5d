package io.rivulet.changes.postgresql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the stream's messages together into committed transactions: remembers the relations by
 * oid, collects a transaction's row changes from Begin to Commit, and notes the {@code rivulet}
 * message that marks Rivulet's own writes (its content is the origin client id, possibly empty).
 * Not thread-safe: one reader feeds it.
 */
final class TransactionAssembler {

    /** The prefix of the logical message Rivulet emits in each of its writing transactions. */
    static final String PREFIX = "rivulet";

    private final Map<Integer, PgOutputMessage.Relation> relations = new HashMap<>();
    private List<StreamTransaction.RowChange> rows;
    private boolean ownWrite;
    private String origin;

    /** Takes the next message; a Commit completes a transaction. */
    Optional<StreamTransaction> accept(PgOutputMessage message) {
        if (message instanceof PgOutputMessage.Begin) {
            rows = new ArrayList<>();
            ownWrite = false;
            origin = null;
        } else if (message instanceof PgOutputMessage.Relation relation) {
            relations.put(relation.oid(), relation);
        } else if (message instanceof PgOutputMessage.Insert insert) {
            add(insert.relation(), StreamTransaction.Kind.INSERT, null, false, insert.row());
        } else if (message instanceof PgOutputMessage.Update update) {
            add(update.relation(), StreamTransaction.Kind.UPDATE, update.old(), update.oldKey(), update.row());
        } else if (message instanceof PgOutputMessage.Delete delete) {
            add(delete.relation(), StreamTransaction.Kind.DELETE, delete.old(), delete.oldKey(), null);
        } else if (message instanceof PgOutputMessage.Message emitted) {
            if (emitted.transactional() && PREFIX.equals(emitted.prefix())) {
                ownWrite = true;
                String content = new String(emitted.content(), StandardCharsets.UTF_8);
                origin = content.isEmpty() ? null : content;
            }
        } else if (message instanceof PgOutputMessage.Commit commit) {
            List<StreamTransaction.RowChange> done = rows == null ? List.of() : List.copyOf(rows);
            StreamTransaction transaction = new StreamTransaction(commit.commitLsn(), commit.endLsn(), ownWrite, origin, done);
            rows = null;
            ownWrite = false;
            origin = null;
            return Optional.of(transaction);
        }
        // a Truncate has no rows to send (clients learn of it when they refresh, README); others carry nothing
        return Optional.empty();
    }

    private void add(int oid, StreamTransaction.Kind kind, PgOutputMessage.Tuple old, boolean oldKey,
            PgOutputMessage.Tuple row) {
        PgOutputMessage.Relation relation = relations.get(oid);
        if (relation == null) {
            throw new IllegalStateException("a change of relation " + oid + " before its Relation message");
        }
        if (rows == null) {
            rows = new ArrayList<>();
        }
        rows.add(new StreamTransaction.RowChange(relation, kind, old, oldKey, row));
    }
}

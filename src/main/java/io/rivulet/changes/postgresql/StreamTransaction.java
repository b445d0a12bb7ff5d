package io.rivulet.changes.postgresql;

import java.util.List;

/**
 * One committed transaction of the stream, as {@link TransactionAssembler} puts it together.
 *
 * @param commitLsn the commit record's position: the key of the transaction's journal entries
 * @param endLsn    the position after it: what the slot confirms once the transaction is handed on
 * @param ownWrite  whether Rivulet made it (its {@code rivulet} message is in it): then its own
 *                  JPA path journaled it already
 * @param origin    the rstore client that made it (echo suppression), or null
 * @param rows      the row changes of exposed tables, in commit order
 */
record StreamTransaction(long commitLsn, long endLsn, boolean ownWrite, String origin, List<RowChange> rows) {

    /** One row's change. {@code old} is null for an insert, and may be null for an update. */
    record RowChange(PgOutputMessage.Relation relation, Kind kind, PgOutputMessage.Tuple old, boolean oldKey,
            PgOutputMessage.Tuple row) {
    }

    enum Kind {
        INSERT, UPDATE, DELETE
    }
}

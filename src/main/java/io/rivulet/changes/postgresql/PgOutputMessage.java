package io.rivulet.changes.postgresql;

import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} plugin (protocol version 1, with
 * {@code messages 'true'}) that Rivulet reads; the others (origin, type) are {@link Ignored}.
 * See "Logical Replication Message Formats" in the PostgreSQL documentation.
 */
sealed interface PgOutputMessage {

    /** A transaction starts; {@code finalLsn} is its commit record's position. */
    record Begin(long finalLsn, long commitTime, int xid) implements PgOutputMessage {
    }

    /** A transaction committed: its changes are complete. {@code endLsn} is where the next one starts. */
    record Commit(long commitLsn, long endLsn, long commitTime) implements PgOutputMessage {
    }

    /** The shape of a table, sent before its first change (and again after it changed). */
    record Relation(int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
            implements PgOutputMessage {
    }

    /** A column of a {@link Relation}. */
    record Column(boolean key, String name, int typeOid) {
    }

    record Insert(int relation, Tuple row) implements PgOutputMessage {
    }

    /**
     * @param old    the row before (with {@code REPLICA IDENTITY FULL}: all columns; when the key
     *               changed: the old key's columns only), or null
     * @param oldKey whether {@code old} holds only the key's columns
     */
    record Update(int relation, Tuple old, boolean oldKey, Tuple row) implements PgOutputMessage {
    }

    /** @param oldKey whether {@code old} holds only the key's columns (not {@code REPLICA IDENTITY FULL}) */
    record Delete(int relation, Tuple old, boolean oldKey) implements PgOutputMessage {
    }

    /** A message of {@code pg_logical_emit_message}. */
    record Message(boolean transactional, long lsn, String prefix, byte[] content) implements PgOutputMessage {
    }

    record Truncate(List<Integer> relations) implements PgOutputMessage {
    }

    record Ignored(char kind) implements PgOutputMessage {
    }

    /** One row's column values in text form, in the relation's column order. */
    record Tuple(List<Value> values) {
    }

    /** A column value: null, an unchanged TOASTed value the stream does not repeat, or its text. */
    record Value(Kind kind, String text) {

        static final Value NULL = new Value(Kind.NULL, null);
        static final Value UNCHANGED = new Value(Kind.UNCHANGED, null);

        enum Kind {
            NULL, UNCHANGED, TEXT
        }
    }
}

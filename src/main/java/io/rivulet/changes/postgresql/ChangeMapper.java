package io.rivulet.changes.postgresql;

import io.rivulet.changes.postgresql.PgOutputMessage.Value;
import io.rivulet.realtime.Change;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.KeyCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns the stream's row changes into the {@link Change}s the JPA path makes, read through the
 * collection descriptors: only visible fields (a hidden column never leaves the server), under
 * their field names, with the wire values of their types. A table that is no collection's is
 * skipped.
 */
final class ChangeMapper {

    private static final Logger LOG = Logger.getLogger(ChangeMapper.class.getName());

    private final Map<String, CollectionDescriptor> byTable = new LinkedHashMap<>();

    ChangeMapper(Collection<CollectionDescriptor> collections) {
        for (CollectionDescriptor collection : collections) {
            byTable.putIfAbsent(tableName(collection.table()), collection);
        }
    }

    /** The table names of the exposed collections, as PostgreSQL folds them (for the publication). */
    List<String> tables() {
        return List.copyOf(byTable.keySet());
    }

    /** The changes of one transaction, with its origin client id (null for another program's). */
    List<Change> changes(StreamTransaction transaction) {
        List<Change> changes = new ArrayList<>(transaction.rows().size());
        for (StreamTransaction.RowChange row : transaction.rows()) {
            CollectionDescriptor collection = byTable.get(row.relation().name());
            if (collection == null) {
                continue;
            }
            try {
                change(collection, row, transaction.origin()).ifPresent(changes::add);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Rivulet's PostgreSQL change source skips a change of " + row.relation().name()
                        + " it cannot read: " + e);
            }
        }
        return changes;
    }

    private static Optional<Change> change(CollectionDescriptor collection, StreamTransaction.RowChange row, String origin) {
        return switch (row.kind()) {
            case INSERT -> {
                Map<String, Object> record = record(collection, row.relation(), row.row(), false, null);
                yield Optional.of(new Change(collection.name(), Change.CREATED, KeyCodec.format(collection, record), record,
                        null, origin));
            }
            case UPDATE -> {
                Map<String, Object> previous = row.old() == null || row.oldKey() ? null
                        : record(collection, row.relation(), row.old(), false, null);
                Map<String, Object> record = record(collection, row.relation(), row.row(), false, previous);
                yield Optional.of(new Change(collection.name(), Change.UPDATED, KeyCodec.format(collection, record), record,
                        previous, origin));
            }
            case DELETE -> {
                // without REPLICA IDENTITY FULL the old row holds its key's columns only
                Map<String, Object> record = record(collection, row.relation(), row.old(), row.oldKey(), null);
                yield Optional.of(new Change(collection.name(), Change.DELETED, KeyCodec.format(collection, record), record,
                        null, origin));
            }
        };
    }

    /**
     * The visible fields of a tuple, in field order. A column the stream does not repeat (an
     * unchanged TOASTed value) is taken from {@code previous} when known, else left out; so is a
     * column a key-only tuple does not hold.
     */
    private static Map<String, Object> record(CollectionDescriptor collection, PgOutputMessage.Relation relation,
            PgOutputMessage.Tuple tuple, boolean keyOnly, Map<String, Object> previous) {
        Map<String, Value> byColumn = new java.util.HashMap<>();
        for (int i = 0; i < relation.columns().size() && i < tuple.values().size(); i++) {
            if (keyOnly && !relation.columns().get(i).key()) {
                continue; // a key-only tuple sends the other columns as nulls: not sent, not null
            }
            byColumn.put(relation.columns().get(i).name(), tuple.values().get(i));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (FieldDescriptor field : collection.visibleFields()) {
            Value value = byColumn.get(columnName(field.column()));
            if (value == null) {
                continue;
            }
            switch (value.kind()) {
                case NULL -> record.put(field.name(), null);
                case UNCHANGED -> {
                    if (previous != null && previous.containsKey(field.name())) {
                        record.put(field.name(), previous.get(field.name()));
                    }
                }
                case TEXT -> record.put(field.name(), PgText.wire(field, value.text()));
            }
        }
        return record;
    }

    /** A mapped table (or column) name as PostgreSQL knows it: without schema; unquoted names folded to lower case. */
    static String tableName(String table) {
        String name = table.substring(table.lastIndexOf('.') + 1);
        return columnName(name);
    }

    private static String columnName(String column) {
        if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")) {
            return column.substring(1, column.length() - 1); // quoted: as it is
        }
        return column.toLowerCase(Locale.ROOT);
    }
}

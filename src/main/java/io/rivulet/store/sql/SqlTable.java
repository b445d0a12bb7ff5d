package io.rivulet.store.sql;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection as plain SQL reads it: its table and, per field, the column reader. Built once per
 * collection; a collection with a field plain JDBC cannot read as the provider would is read
 * through JPA instead, whole.
 */
final class SqlTable {

    static final String ALIAS = "t";

    private final CollectionDescriptor collection;
    private final Map<FieldDescriptor, SqlColumn> readers = new IdentityHashMap<>();
    private final boolean readable;

    SqlTable(CollectionDescriptor collection) {
        this.collection = collection;
        boolean all = true;
        for (FieldDescriptor field : collection.visibleFields()) {
            Optional<SqlColumn> reader = SqlColumn.of(field);
            reader.ifPresent(r -> readers.put(field, r));
            all &= reader.isPresent();
        }
        this.readable = all && !collection.primaryKey().isEmpty();
    }

    CollectionDescriptor collection() {
        return collection;
    }

    /** Every visible field has a column reader. */
    boolean readable() {
        return readable;
    }

    SqlColumn reader(FieldDescriptor field) {
        return readers.get(field);
    }

    static String column(FieldDescriptor field) {
        return ALIAS + "." + field.column();
    }

    /** {@code t.a, t.b} */
    static String columns(List<FieldDescriptor> fields) {
        StringBuilder sql = new StringBuilder();
        for (FieldDescriptor field : fields) {
            if (sql.length() > 0) {
                sql.append(", ");
            }
            sql.append(column(field));
        }
        return sql.toString();
    }
}

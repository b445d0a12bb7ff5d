package io.rivulet.store.sql;

import io.rivulet.query.sql.SqlValues;
import io.rivulet.schema.FieldDescriptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The restriction of a read to a list of keys (the keys of a list request, the parents of an
 * include): {@code t.id IN (?, ?, …)}, or on PostgreSQL, for a single column of a plain type,
 * {@code t.id = ANY(?)} with one array parameter.
 *
 * <p>The array form is one statement for every list length, and PostgreSQL binds and plans it much
 * faster: for R4's comments (256 parent keys) 2.3× the statements per second of the 256-parameter
 * {@code IN} list (docs/benchmarks.md). The {@code IN} list is padded to the next power of two by
 * repeating its last key, which matches nothing new, so that a few shapes serve every length.
 */
final class SqlKeyList {

    /** PostgreSQL's names of the element types a key array may have. */
    private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(Long.class, "int8", Integer.class, "int4",
            Short.class, "int2", String.class, "text", java.util.UUID.class, "uuid");

    /**
     * Up to this many keys go as an {@code IN} list even on PostgreSQL: a get by key is one key,
     * and a short list needs no array built and bound (in an A/B of get by key the two forms were
     * within the noise).
     */
    private static final int FEW = 8;

    /** A parameter bound as a SQL array. */
    record ArrayParameter(String elementType, Object[] elements) {
    }

    private SqlKeyList() {
    }

    /** Appends the restriction's parameters to {@code parameters} and returns its SQL. */
    static String restriction(List<FieldDescriptor> fields, List<List<Object>> keys, List<Object> parameters,
            boolean arrays) {
        if (arrays && fields.size() == 1 && keys.size() > FEW) {
            ArrayParameter array = array(keys);
            if (array != null) {
                parameters.add(array);
                return SqlTable.column(fields.get(0)) + " IN (SELECT unnest(?))";
            }
        }
        return inList(fields, keys, parameters);
    }

    /** The first values of the keys as one array parameter, or null when their types differ or have none. */
    static ArrayParameter array(List<List<Object>> keys) {
        String type = ARRAY_TYPES.get(SqlValues.jdbc(keys.get(0).get(0)).getClass());
        Object[] elements = new Object[keys.size()];
        for (int i = 0; i < elements.length && type != null; i++) {
            elements[i] = SqlValues.jdbc(keys.get(i).get(0));
            if (elements[i].getClass() != elements[0].getClass()) {
                type = null;
            }
        }
        return type == null ? null : new ArrayParameter(type, elements);
    }

    private static String inList(List<FieldDescriptor> fields, List<List<Object>> keys, List<Object> parameters) {
        int padded = Integer.highestOneBit(keys.size());
        if (padded < keys.size()) {
            padded <<= 1;
        }
        StringBuilder sql = new StringBuilder(fields.size() == 1 ? SqlTable.column(fields.get(0))
                : "(" + SqlTable.columns(fields) + ")").append(" IN (");
        for (int i = 0; i < padded; i++) {
            List<Object> key = keys.get(Math.min(i, keys.size() - 1));
            if (i > 0) {
                sql.append(", ");
            }
            if (fields.size() > 1) {
                sql.append('(');
            }
            for (int j = 0; j < fields.size(); j++) {
                sql.append(j == 0 ? "?" : ", ?");
                parameters.add(SqlValues.jdbc(key.get(j)));
            }
            if (fields.size() > 1) {
                sql.append(')');
            }
        }
        return sql.append(')').toString();
    }

    /** Binds the parameters of a statement, arrays included. */
    static void bind(Connection connection, PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) instanceof ArrayParameter array) {
                statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.elements()));
            } else {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }
}

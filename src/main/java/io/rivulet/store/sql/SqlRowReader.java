package io.rivulet.store.sql;

import io.rivulet.RstoreException;
import io.rivulet.plan.Include;
import io.rivulet.plan.IncludeFields;
import io.rivulet.plan.ReadPlan;
import io.rivulet.query.Condition;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.JsText;
import io.rivulet.query.SortOrder;
import io.rivulet.query.sql.SqlConditionTranslator;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.KeyCodec;
import io.rivulet.schema.ValueCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Runs a {@link ReadPlan} as plain SQL over JDBC: one statement for the rows and one per include
 * and level (a per-parent {@code limit} is a window function, so only the rows sent are read; on
 * PostgreSQL, where an index gives each parent's rows in the include's order, a {@code LATERAL}
 * subquery with that {@code LIMIT} per parent, so only the rows sent are even visited),
 * each value a parameter, the statement text depending only on the plan's shape — key lists are
 * one array or padded to the next power of two ({@link SqlKeyList}) — so the driver and the pool
 * prepare it once per shape. Rows
 * come back as wire values in field order, ready for the JSON writer.
 *
 * <p>Used where no {@code transformQuery} restricts the read (those are JPA Criteria) and every
 * field of the collections involved maps plainly ({@link #supports}); the connection is the
 * persistence unit's datasource, so inside a transaction the read sees that transaction.
 */
public final class SqlRowReader {

    private static final LongAdder STATEMENTS = new LongAdder();

    private final Map<CollectionDescriptor, SqlTable> tables = new ConcurrentHashMap<>();
    private final PostgresqlCheck postgresql = new PostgresqlCheck();
    private final SqlOrderedIndexes indexes = new SqlOrderedIndexes();

    /** Statements this reader has run since the last call (a metric; tests count "no N+1" with it). */
    public static long statementsSinceLastCall() {
        return STATEMENTS.sumThenReset();
    }

    /** Whether this reader serves the plan exactly as JPA would. */
    public boolean supports(ReadPlan plan) {
        if (!table(plan.collection()).readable()) {
            return false;
        }
        Set<String> selected = new LinkedHashSet<>();
        plan.fields().forEach(f -> selected.add(f.name()));
        return supports(selected, plan.includes());
    }

    private boolean supports(Set<String> parentFields, List<Include> includes) {
        for (Include include : includes) {
            if (include.relation().hops().size() != 1 || !table(include.target()).readable()
                    || !parentFields.containsAll(include.relation().sourceFields())) {
                return false;
            }
            Set<String> childFields = new LinkedHashSet<>();
            IncludeFields.of(include).forEach(f -> childFields.add(f.name()));
            if (!supports(childFields, include.children())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks every include's {@code where} against its target before anything runs, so that a
     * bad condition is a 400 whether or not there are parent rows to load children for.
     */
    public static void checkIncludes(List<Include> includes) {
        for (Include include : includes) {
            include.where().ifPresent(where -> {
                try {
                    new SqlConditionTranslator(include.target(), SqlTable.ALIAS, new ArrayList<>()).translate(where);
                } catch (InvalidConditionException e) {
                    throw RstoreException.badRequest(e.getMessage());
                }
            });
            checkIncludes(include.children());
        }
    }

    /** @throws RstoreException 400 for a condition that does not fit the collection */
    public List<Map<String, Object>> read(DataSource dataSource, ReadPlan plan) {
        if (plan.limit() == 0 || plan.fields().isEmpty()) {
            return List.of();
        }
        CollectionDescriptor collection = plan.collection();
        try (Connection connection = dataSource.getConnection()) {
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder(160).append("SELECT ").append(SqlTable.columns(plan.fields()))
                    .append(" FROM ").append(collection.table()).append(' ').append(SqlTable.ALIAS);
            List<String> restrictions = new ArrayList<>(2);
            if (!plan.keys().isEmpty()) {
                restrictions.add(SqlKeyList.restriction(collection.primaryKey(), plan.keys(), parameters,
                        arrays(connection)));
            }
            plan.where().ifPresent(where -> restrictions.add(condition(collection, where, parameters)));
            where(sql, restrictions);
            sql.append(" ORDER BY ").append(order(collection, plan.orderBy()));
            sql.append(" LIMIT ? OFFSET ?");
            parameters.add(plan.limit());
            parameters.add(plan.offset());
            List<Map<String, Object>> rows = query(connection, sql.toString(), parameters, plan.fields(),
                    table(collection));
            load(connection, collection, rows, plan.includes());
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Rivulet could not read " + collection.name(), e);
        }
    }

    private void load(Connection connection, CollectionDescriptor parent, List<Map<String, Object>> rows,
            List<Include> includes) throws SQLException {
        if (rows.isEmpty() || includes.isEmpty()) {
            return;
        }
        for (Include include : includes) {
            List<String> sourceFields = include.relation().sourceFields();
            Map<String, List<Map<String, Object>>> parentsByValue = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                parentsByValue.computeIfAbsent(joinKey(row, sourceFields), k -> new ArrayList<>()).add(row);
            }
            Map<String, List<Map<String, Object>>> children = fetch(connection, parent, parentsByValue, include);
            List<Map<String, Object>> loaded = new ArrayList<>();
            parentsByValue.forEach((value, parents) -> {
                List<Map<String, Object>> related = value == null ? List.of() : children.getOrDefault(value, List.of());
                loaded.addAll(related);
                for (Map<String, Object> row : parents) {
                    row.put(include.relation().name(), include.relation().many() ? related
                            : related.isEmpty() ? null : related.get(0));
                }
            });
            load(connection, include.target(), loaded, include.children());
        }
    }

    private Map<String, List<Map<String, Object>>> fetch(Connection connection, CollectionDescriptor parent,
            Map<String, List<Map<String, Object>>> parentsByValue, Include include) throws SQLException {
        CollectionDescriptor target = include.target();
        List<FieldDescriptor> destFields = include.relation().targetFields().stream()
                .map(name -> target.field(name).orElseThrow()).toList();
        List<List<Object>> values = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> entry : parentsByValue.entrySet()) {
            if (entry.getKey() != null) {
                values.add(destValues(include, destFields, entry.getValue().get(0)));
            }
        }
        Map<String, List<Map<String, Object>>> children = new HashMap<>();
        int limit = include.relation().many() ? include.limit().orElse(Integer.MAX_VALUE) : 1;
        if (values.isEmpty() || limit <= 0) {
            return children;
        }
        List<FieldDescriptor> fields = IncludeFields.of(include);
        List<Object> parameters = new ArrayList<>();
        List<SqlOrderedIndexes.Column> orderColumns = orderColumns(target, include.orderBy());
        String order = order(orderColumns);
        boolean window = include.relation().many() && include.limit().isPresent();
        SqlKeyList.ArrayParameter parents = window && destFields.size() == 1
                && perParent(connection, target, destFields.get(0), orderColumns) ? SqlKeyList.array(values) : null;
        StringBuilder sql = new StringBuilder(200);
        if (parents != null) {
            // the first rows of each parent, parent by parent, from an index in the include's order;
            // a LATERAL subquery with a LIMIT is always a nested loop, so each parent's rows come
            // together and in the subquery's order, which is all the grouping below needs
            parameters.add(parents);
            sql.append("SELECT ").append(SqlTable.columns(fields)).append(" FROM unnest(?) AS rivulet_p(v)")
                    .append(" CROSS JOIN LATERAL (SELECT ").append(SqlTable.columns(fields)).append(" FROM ")
                    .append(target.table()).append(' ').append(SqlTable.ALIAS).append(" WHERE ")
                    .append(SqlTable.column(destFields.get(0))).append(" = rivulet_p.v");
            if (include.where().isPresent()) {
                sql.append(" AND ").append(new SqlConditionTranslator(target, SqlTable.ALIAS, parameters)
                        .translate(include.where().get()));
            }
            sql.append(" ORDER BY ").append(order).append(" LIMIT ?) ").append(SqlTable.ALIAS);
            parameters.add(limit);
        } else {
            List<String> restrictions = new ArrayList<>(2);
            restrictions.add(SqlKeyList.restriction(destFields, values, parameters, arrays(connection)));
            include.where().ifPresent(where -> restrictions.add(
                    new SqlConditionTranslator(target, SqlTable.ALIAS, parameters).translate(where)));
            if (window) {
                // only the first rows of each parent leave the database
                sql.append("SELECT ").append(SqlTable.columns(fields)).append(" FROM (SELECT ")
                        .append(SqlTable.columns(fields)).append(", ROW_NUMBER() OVER (PARTITION BY ")
                        .append(SqlTable.columns(destFields)).append(" ORDER BY ").append(order)
                        .append(") AS rivulet_rn FROM ").append(target.table()).append(' ').append(SqlTable.ALIAS);
                where(sql, restrictions);
                sql.append(") ").append(SqlTable.ALIAS).append(" WHERE ").append(SqlTable.ALIAS)
                        .append(".rivulet_rn <= ? ORDER BY ");
                // in the window's own order when the rows carry its columns: the database then sorts
                // once (the rows leave the window in that order), where ordering by the row number
                // would sort them again; grouped per parent below, either order serves
                sql.append(windowOrderSelected(target, fields, destFields, include.orderBy())
                        ? SqlTable.columns(destFields) + ", " + order : SqlTable.ALIAS + ".rivulet_rn");
                parameters.add(limit);
            } else {
                sql.append("SELECT ").append(SqlTable.columns(fields)).append(" FROM ").append(target.table())
                        .append(' ').append(SqlTable.ALIAS);
                where(sql, restrictions);
                sql.append(" ORDER BY ").append(order);
            }
        }
        for (Map<String, Object> row : query(connection, sql.toString(), parameters, fields, table(target))) {
            List<Map<String, Object>> group = children.computeIfAbsent(joinKey(row, include.relation().targetFields()),
                    k -> new ArrayList<>());
            if (group.size() < limit) {
                group.add(row);
            }
        }
        return children;
    }

    /** The parent's join values as values of the target's join fields (types may differ, e.g. Long and Integer). */
    private static List<Object> destValues(Include include, List<FieldDescriptor> destFields, Map<String, Object> row) {
        List<String> sourceFields = include.relation().sourceFields();
        List<Object> values = new ArrayList<>(destFields.size());
        for (int i = 0; i < destFields.size(); i++) {
            values.add(ValueCodec.fromWire(destFields.get(i), row.get(sourceFields.get(i)), true));
        }
        return values;
    }

    /** The join values of a row as one text ({@code 7}, {@code 7::42}), or null when one is null. */
    private static String joinKey(Map<String, Object> row, List<String> fields) {
        if (fields.size() == 1) {
            Object value = row.get(fields.get(0));
            return value == null ? null : JsText.of(value);
        }
        StringBuilder key = new StringBuilder();
        for (String field : fields) {
            Object value = row.get(field);
            if (value == null) {
                return null;
            }
            if (key.length() > 0) {
                key.append(KeyCodec.SEPARATOR);
            }
            key.append(JsText.of(value));
        }
        return key.toString();
    }

    private static List<Map<String, Object>> query(Connection connection, String sql, List<Object> parameters,
            List<FieldDescriptor> fields, SqlTable table) throws SQLException {
        STATEMENTS.increment();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlKeyList.bind(connection, statement, parameters);
            try (ResultSet results = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int width = fields.size();
                SqlColumn[] readers = new SqlColumn[width];
                String[] names = new String[width];
                for (int i = 0; i < width; i++) {
                    readers[i] = table.reader(fields.get(i));
                    names[i] = fields.get(i).name();
                }
                while (results.next()) {
                    Map<String, Object> row = new LinkedHashMap<>(width * 2);
                    for (int i = 0; i < width; i++) {
                        row.put(names[i], readers[i].read(results, i + 1));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static void where(StringBuilder sql, List<String> restrictions) {
        for (int i = 0; i < restrictions.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append(restrictions.get(i));
        }
    }

    private static String condition(CollectionDescriptor collection, Condition where, List<Object> parameters) {
        try {
            return new SqlConditionTranslator(collection, SqlTable.ALIAS, parameters).translate(where);
        } catch (InvalidConditionException e) {
            throw io.rivulet.Errors.invalidFilter(e.getMessage());
        }
    }

    /** Whether the selected fields hold the window's partition and order columns. */
    private static boolean windowOrderSelected(CollectionDescriptor target, List<FieldDescriptor> fields,
            List<FieldDescriptor> partition, List<SortOrder> orderBy) {
        if (!fields.containsAll(partition) || !fields.containsAll(target.primaryKey())) {
            return false;
        }
        for (SortOrder sortOrder : orderBy) {
            if (target.visibleField(sortOrder.field()).filter(fields::contains).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The requested order, then the primary key, so that pages are stable. */
    private static String order(CollectionDescriptor collection, List<SortOrder> orderBy) {
        return order(orderColumns(collection, orderBy));
    }

    private static String order(List<SqlOrderedIndexes.Column> columns) {
        StringBuilder sql = new StringBuilder();
        for (SqlOrderedIndexes.Column column : columns) {
            sql.append(sql.length() == 0 ? "" : ", ").append(SqlTable.ALIAS).append('.').append(column.name())
                    .append(column.descending() ? " DESC" : " ASC");
        }
        return sql.toString();
    }

    /** The columns of {@link #order}, each once (a column already ordered by orders nothing more). */
    private static List<SqlOrderedIndexes.Column> orderColumns(CollectionDescriptor collection,
            List<SortOrder> orderBy) {
        Map<String, SqlOrderedIndexes.Column> columns = new LinkedHashMap<>();
        for (SortOrder sortOrder : orderBy) {
            FieldDescriptor field = collection.visibleField(sortOrder.field())
                    .orElseThrow(() -> io.rivulet.Errors.unknownField(sortOrder.field()));
            columns.putIfAbsent(field.column(), new SqlOrderedIndexes.Column(field.column(), sortOrder.descending()));
        }
        for (FieldDescriptor field : collection.primaryKey()) {
            columns.putIfAbsent(field.column(), new SqlOrderedIndexes.Column(field.column(), false));
        }
        return List.copyOf(columns.values());
    }

    /**
     * Whether the first rows of each parent are read parent by parent: on PostgreSQL, for one join
     * column, where an index gives one parent's rows in the include's order ({@link SqlOrderedIndexes}).
     */
    private boolean perParent(Connection connection, CollectionDescriptor target, FieldDescriptor join,
            List<SqlOrderedIndexes.Column> orderColumns) throws SQLException {
        if (!arrays(connection)) {
            return false;
        }
        List<SqlOrderedIndexes.Column> order = new ArrayList<>(orderColumns);
        order.removeIf(column -> column.name().equals(join.column())); // one value per parent
        return indexes.serves(connection, target.table(), join.column(), order);
    }

    /** Whether key lists go as one array parameter: on PostgreSQL ({@link SqlKeyList}). */
    private boolean arrays(Connection connection) throws SQLException {
        return postgresql.of(connection);
    }

    private SqlTable table(CollectionDescriptor collection) {
        return tables.computeIfAbsent(collection, SqlTable::new);
    }

}

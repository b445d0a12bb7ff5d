package io.rivulet.store.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a table has an index that yields the rows of one join value in a given order: its
 * columns start with the join column, then the order's columns, all in the order's directions or
 * all reversed (an index is read backwards as well). Each table's indexes are read once from the
 * driver's {@link DatabaseMetaData#getIndexInfo} (plain column indexes, no partial ones) and then
 * kept for the life of the deployment: an index created later is seen after a redeploy.
 *
 * <p>{@link SqlRowReader} asks it before it reads the first rows of each parent one parent at a
 * time ({@code LATERAL … ORDER BY … LIMIT}): with such an index that is the first few entries of
 * the index per parent. Without one the database would sort each parent's rows, or, worse, walk
 * another index in the requested order for every parent (PostgreSQL picks the primary key's for a
 * generic plan, docs/benchmarks.md), so the reader keeps its window function there.
 */
final class SqlOrderedIndexes {

    /** A column of an order or an index, and its direction. */
    record Column(String name, boolean descending) {
    }

    private final Map<String, List<List<Column>>> tables = new ConcurrentHashMap<>();

    boolean serves(Connection connection, String table, String joinColumn, List<Column> order) throws SQLException {
        List<List<Column>> indexes = tables.get(table);
        if (indexes == null) {
            indexes = read(connection.getMetaData(), table);
            tables.put(table, indexes);
        }
        for (List<Column> index : indexes) {
            if (serves(index, joinColumn, order)) {
                return true;
            }
        }
        return false;
    }

    private static boolean serves(List<Column> index, String joinColumn, List<Column> order) {
        if (index.size() < order.size() + 1 || !index.get(0).name().equalsIgnoreCase(joinColumn)) {
            return false;
        }
        Boolean reversed = null;
        for (int i = 0; i < order.size(); i++) {
            Column indexed = index.get(i + 1);
            if (!indexed.name().equalsIgnoreCase(order.get(i).name())) {
                return false;
            }
            boolean flipped = indexed.descending() != order.get(i).descending();
            if (reversed != null && reversed != flipped) {
                return false;
            }
            reversed = flipped;
        }
        return true;
    }

    private static List<List<Column>> read(DatabaseMetaData metadata, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
            // per index its columns by position; null where one is not a plain column (an
            // expression) or the index is partial: such an index is left out
            Map<String, List<Column>> indexes = new LinkedHashMap<>();
            try (ResultSet rows = metadata.getIndexInfo(null, null, name, false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    if (index == null) {
                        continue; // table statistics
                    }
                    String column = rows.getString("COLUMN_NAME");
                    List<Column> columns = indexes.computeIfAbsent(index, k -> new ArrayList<>());
                    int position = rows.getShort("ORDINAL_POSITION");
                    while (columns.size() < position) {
                        columns.add(null);
                    }
                    columns.set(position - 1, column == null || rows.getString("FILTER_CONDITION") != null ? null
                            : new Column(column.replace("\"", ""), "D".equals(rows.getString("ASC_OR_DESC"))));
                }
            }
            if (!indexes.isEmpty()) {
                return indexes.values().stream().filter(columns -> !columns.contains(null)).map(List::copyOf)
                        .toList();
            }
        }
        return List.of();
    }
}

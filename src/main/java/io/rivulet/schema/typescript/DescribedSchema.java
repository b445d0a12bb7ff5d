package io.rivulet.schema.typescript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema description of {@code GET _schema} (SCHEMA.md §1, {@link io.rivulet.schema.SchemaDescription})
 * read back into records, so that the generators work on exactly the data the route publishes and
 * an offline tool holding only that JSON would produce the same text.
 *
 * @param version     the description's version hash
 * @param collections in the description's order (by name)
 */
record DescribedSchema(String version, List<Collection> collections) {

    /** A collection: name, database table, primary key fields, columns and relationships in declaration order. */
    record Collection(String name, String table, List<String> primaryKey, List<Column> columns,
            List<Relationship> relationships) {

        boolean compoundKey() {
            return primaryKey.size() > 1;
        }
    }

    /**
     * A column.
     *
     * @param type   {@code boolean | number | string | json | enumeration} (the wire type)
     * @param column the database column name
     * @param format {@code date-time}, {@code date}, {@code integer} or null
     * @param values the enumeration's values (else empty)
     */
    record Column(String name, String type, boolean optional, String column, String format, List<String> values) {

        /** A timestamp or a date: an ISO string on the wire. */
        boolean temporal() {
            return "date-time".equals(format) || "date".equals(format);
        }
    }

    /** A relationship of one hop, or two through a junction collection. */
    record Relationship(String name, boolean many, List<Hop> hops) {

        Hop last() {
            return hops.get(hops.size() - 1);
        }
    }

    /** {@code sourceFields[i]} of the source equals {@code destFields[i]} of {@code dest}. */
    record Hop(List<String> sourceFields, List<String> destFields, String dest) {
    }

    /** Reads the maps of {@link io.rivulet.schema.SchemaDescription#of}. */
    static DescribedSchema of(Map<String, Object> description) {
        List<Collection> collections = new ArrayList<>();
        map(description.get("collections")).forEach((name, value) -> collections.add(collection(name, map(value))));
        return new DescribedSchema((String) description.get("version"), List.copyOf(collections));
    }

    private static Collection collection(String name, Map<String, Object> described) {
        List<Column> columns = new ArrayList<>();
        map(described.get("columns")).forEach((field, value) -> {
            Map<String, Object> column = map(value);
            columns.add(new Column(field, (String) column.get("type"), Boolean.TRUE.equals(column.get("optional")),
                    (String) column.get("from"), (String) column.get("format"), strings(column.get("values"))));
        });
        List<Relationship> relationships = new ArrayList<>();
        map(described.get("relationships")).forEach((relation, value) -> {
            Map<String, Object> relationship = map(value);
            List<Hop> hops = new ArrayList<>();
            for (Object hop : (List<?>) relationship.get("hops")) {
                Map<String, Object> h = map(hop);
                hops.add(new Hop(strings(h.get("sourceField")), strings(h.get("destField")),
                        (String) h.get("destSchema")));
            }
            relationships.add(new Relationship(relation, "many".equals(relationship.get("kind")), List.copyOf(hops)));
        });
        return new Collection(name, (String) described.get("from"), strings(described.get("primaryKey")),
                List.copyOf(columns), List.copyOf(relationships));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String.class::cast).toList();
    }
}

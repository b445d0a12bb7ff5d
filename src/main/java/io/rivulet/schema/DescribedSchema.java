package io.rivulet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schema description (SCHEMA.md §1) read into records: what {@link SchemaCompatibility} compares
 * and what the generated TypeScript files are written from. Reading checks the shape, because a
 * client's description comes straight off the wire. The server's own is read back from the JSON it
 * serves ({@link ServerSchema#described()}), so the generators work on exactly the data
 * {@code GET _schema} publishes, and an offline tool holding only that JSON would write the same text.
 *
 * @param version        the version the description states, or null when it states none
 * @param contentVersion the {@link SchemaVersion} of its {@code collections}, whatever it states
 * @param collections    by name, sorted (the order of the generated files)
 */
public record DescribedSchema(String version, String contentVersion, Map<String, Table> collections) {

    /**
     * One collection.
     *
     * @param from          its database table; the collection's name when the description gives none
     * @param columns       by field name, in declaration order
     * @param relationships by name, in declaration order
     */
    public record Table(String name, String from, List<String> primaryKey, Map<String, Column> columns,
            Map<String, Relationship> relationships) {

        /** The primary key has several fields. */
        public boolean compoundKey() {
            return primaryKey.size() > 1;
        }
    }

    /**
     * One field.
     *
     * @param type   {@code boolean | number | string | json | enumeration} (the wire type)
     * @param from   its database column; the field's name when the description gives none
     * @param format {@code date-time}, {@code date}, {@code integer}, or null when none is given
     * @param values the values of an enumeration in declaration order, else empty
     * @param hasDefault a {@code default} or {@code serverDefault} is given
     */
    public record Column(String name, String type, boolean optional, String from, String format, List<String> values,
            boolean generated, boolean readOnly, boolean hasDefault) {

        /** A create without this field fails: nobody else supplies a value. */
        public boolean requiredOnInsert() {
            // a read-only field cannot come from any client, so a hook or the database fills it
            return !optional && !generated && !hasDefault && !readOnly;
        }

        /** A timestamp or a date: an ISO string on the wire. */
        public boolean temporal() {
            return "date-time".equals(format) || "date".equals(format);
        }
    }

    /** One relationship: {@code one} or {@code many}, through one hop, or two through a junction collection. */
    public record Relationship(String name, String kind, List<Hop> hops) {

        /** The kind is {@code many}. */
        public boolean many() {
            return "many".equals(kind);
        }

        /** The hop that reaches the related collection. */
        public Hop last() {
            return hops.get(hops.size() - 1);
        }
    }

    /** One hop: the source collection's fields joined to {@code destSchema}'s fields, in order. */
    public record Hop(List<String> sourceField, List<String> destField, String destSchema) {
    }

    /**
     * @param description {@code {version?, collections:{…}}} as plain values (JSON parsed)
     * @throws MalformedSchemaException when it does not have the shape of a description
     */
    public static DescribedSchema read(Object description) {
        Map<String, Object> root = object(description, "the description");
        Object version = root.get("version");
        if (version != null && !(version instanceof String)) {
            throw new MalformedSchemaException("version must be a string");
        }
        Map<String, Object> raw = object(root.get("collections"), "collections");
        Map<String, Table> collections = new TreeMap<>();
        raw.forEach((name, table) -> collections.put(name, table(name, object(table, "collection " + name))));
        return new DescribedSchema((String) version, SchemaVersion.of(raw), Collections.unmodifiableMap(collections));
    }

    private static Table table(String name, Map<String, Object> table) {
        Map<String, Column> columns = new LinkedHashMap<>();
        object(table.get("columns"), name + ".columns").forEach((field, column) -> columns.put(field,
                column(field, name + ".columns." + field, object(column, name + ".columns." + field))));
        Map<String, Relationship> relationships = new LinkedHashMap<>();
        if (table.get("relationships") != null) {
            object(table.get("relationships"), name + ".relationships").forEach((relation, value) ->
                    relationships.put(relation, relationship(relation, name + ".relationships." + relation,
                            object(value, name + ".relationships." + relation))));
        }
        List<String> primaryKey = strings(table.get("primaryKey"), name + ".primaryKey");
        return new Table(name, from(name, table, name), primaryKey, Collections.unmodifiableMap(columns),
                Collections.unmodifiableMap(relationships));
    }

    private static Column column(String field, String where, Map<String, Object> column) {
        String type = string(column.get("type"), where + ".type");
        boolean optional = flag(where, column, "optional");
        String format = column.get("format") == null ? null : string(column.get("format"), where + ".format");
        List<String> values = column.get("values") == null ? List.of()
                : strings(column.get("values"), where + ".values");
        boolean generated = flag(where, column, "generated");
        boolean readOnly = flag(where, column, "readOnly");
        return new Column(field, type, optional, from(field, column, where), format, values, generated, readOnly,
                column.get("default") != null || column.get("serverDefault") != null);
    }

    private static Relationship relationship(String relation, String where, Map<String, Object> relationship) {
        List<Hop> hops = new ArrayList<>();
        for (Object value : list(relationship.get("hops"), where + ".hops")) {
            Map<String, Object> hop = object(value, where + " hop");
            hops.add(new Hop(strings(hop.get("sourceField"), where + ".sourceField"),
                    strings(hop.get("destField"), where + ".destField"),
                    string(hop.get("destSchema"), where + ".destSchema")));
        }
        return new Relationship(relation, string(relationship.get("kind"), where + ".kind"), List.copyOf(hops));
    }

    /** A database name: as Zero's {@code from()}, the same as the name unless given. */
    private static String from(String name, Map<String, Object> described, String where) {
        Object from = described.get("from");
        return from == null ? name : string(from, where + ".from");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedSchemaException(what + " must be an object");
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new MalformedSchemaException(what + " must be an array");
    }

    private static List<String> strings(Object value, String what) {
        List<String> strings = new ArrayList<>();
        for (Object element : list(value, what)) {
            strings.add(string(element, what + " element"));
        }
        return List.copyOf(strings);
    }

    private static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new MalformedSchemaException(what + " must be a string");
    }

    /** Flags are false when absent, as Zero's {@code optional()} is. */
    private static boolean flag(String where, Map<String, Object> column, String name) {
        Object value = column.get(name);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new MalformedSchemaException(where + "." + name + " must be a boolean");
    }
}

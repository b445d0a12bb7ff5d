package io.rivulet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema description (SCHEMA.md §1) read into records: what {@link SchemaCompatibility} compares.
 * Reading checks the shape, because a client's description comes straight off the wire.
 *
 * @param version        the version the description states, or null when it states none
 * @param contentVersion the {@link SchemaVersion} of its {@code collections}, whatever it states
 * @param collections    by name, sorted
 */
public record DescribedSchema(String version, String contentVersion, Map<String, Table> collections) {

    /** One collection. Database names ({@code from}) are not kept: clients never see them. */
    public record Table(List<String> primaryKey, Map<String, Column> columns, Map<String, Relationship> relationships) {
    }

    /**
     * One field.
     *
     * @param format null when none is given
     * @param values the values of an enumeration, else empty
     * @param hasDefault a {@code default} or {@code serverDefault} is given
     */
    public record Column(String type, boolean optional, String format, Set<String> values, boolean generated,
            boolean readOnly, boolean hasDefault) {

        /** A create without this field fails: nobody else supplies a value. */
        public boolean requiredOnInsert() {
            // a read-only field cannot come from any client, so a hook or the database fills it
            return !optional && !generated && !hasDefault && !readOnly;
        }
    }

    /** One relationship: {@code one} or {@code many}, through one or two hops. */
    public record Relationship(String kind, List<Hop> hops) {
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
                column(name + ".columns." + field, object(column, name + ".columns." + field))));
        Map<String, Relationship> relationships = new LinkedHashMap<>();
        if (table.get("relationships") != null) {
            object(table.get("relationships"), name + ".relationships").forEach((relation, value) ->
                    relationships.put(relation, relationship(name + ".relationships." + relation,
                            object(value, name + ".relationships." + relation))));
        }
        return new Table(strings(table.get("primaryKey"), name + ".primaryKey"), columns, relationships);
    }

    private static Column column(String where, Map<String, Object> column) {
        return new Column(string(column.get("type"), where + ".type"), flag(where, column, "optional"),
                column.get("format") == null ? null : string(column.get("format"), where + ".format"),
                column.get("values") == null ? Set.of() : Set.copyOf(strings(column.get("values"), where + ".values")),
                flag(where, column, "generated"), flag(where, column, "readOnly"),
                column.get("default") != null || column.get("serverDefault") != null);
    }

    private static Relationship relationship(String where, Map<String, Object> relationship) {
        List<Hop> hops = new ArrayList<>();
        for (Object value : list(relationship.get("hops"), where + ".hops")) {
            Map<String, Object> hop = object(value, where + " hop");
            hops.add(new Hop(strings(hop.get("sourceField"), where + ".sourceField"),
                    strings(hop.get("destField"), where + ".destField"),
                    string(hop.get("destSchema"), where + ".destSchema")));
        }
        return new Relationship(string(relationship.get("kind"), where + ".kind"), List.copyOf(hops));
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

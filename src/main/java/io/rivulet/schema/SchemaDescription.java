package io.rivulet.schema;

import io.rivulet.wire.PlainJson;
import io.rivulet.wire.SuperJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Zero-style description of the exposed collections (SCHEMA.md §1): per collection its
 * database table ({@code from}), primary key, columns (type, optional, database name, format,
 * enumeration values, generated keys, server defaults) and relationships (one or two hops), and a
 * {@code version}: a hash of the canonical form ({@link SchemaVersion}), equal on every node running
 * the same code. Build it once: {@link ServerSchema} holds the server's.
 */
public final class SchemaDescription {

    private SchemaDescription() {
    }

    /** @param exposed which collections to describe (the allow-list) */
    public static Map<String, Object> of(Iterable<CollectionDescriptor> collections, Predicate<String> exposed) {
        Map<String, Object> described = new TreeMap<>();
        for (CollectionDescriptor collection : collections) {
            if (exposed.test(collection.name())) {
                described.put(collection.name(), describe(collection, exposed));
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("version", version(described));
        schema.put("collections", described);
        return schema;
    }

    private static Map<String, Object> describe(CollectionDescriptor collection, Predicate<String> exposed) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", collection.name());
        table.put("from", collection.table());
        table.put("primaryKey", collection.primaryKey().stream().map(FieldDescriptor::name).toList());
        Object defaults = collection.newInstance();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (FieldDescriptor field : collection.visibleFields()) {
            columns.put(field.name(), column(collection, field, defaults));
        }
        table.put("columns", columns);
        Map<String, Object> relationships = new LinkedHashMap<>();
        for (RelationDescriptor relation : collection.relations().values()) {
            if (relation.hops().stream().allMatch(hop -> exposed.test(hop.dest()))) {
                relationships.put(relation.name(), relationship(relation));
            }
        }
        table.put("relationships", relationships);
        return table;
    }

    private static Map<String, Object> column(CollectionDescriptor collection, FieldDescriptor field, Object defaults) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("type", switch (field.type()) {
            case INTEGER, DECIMAL -> "number";
            case BOOLEAN -> "boolean";
            case JSON -> "json";
            case ENUMERATION -> "enumeration";
            default -> "string";
        });
        column.put("optional", field.optional());
        column.put("from", field.column());
        if (field.type() == FieldType.TIMESTAMP) {
            column.put("format", "date-time");
        } else if (field.type() == FieldType.DATE) {
            column.put("format", "date");
        } else if (field.type() == FieldType.INTEGER) {
            column.put("format", "integer");
        }
        if (field.type() == FieldType.ENUMERATION) {
            column.put("values", field.enumValues());
        }
        if (field.generated()) {
            column.put("generated", true);
        }
        if (CollectionDescriptor.CREATED_AT.equals(field.name()) || CollectionDescriptor.UPDATED_AT.equals(field.name())) {
            column.put("serverDefault", "now");
        }
        if (field.readOnly()) {
            column.put("readOnly", true);
        }
        Object fallback = collection.read(defaults, field);
        if (fallback != null) {
            column.put("default", ValueCodec.toWire(field, fallback));
        }
        return column;
    }

    private static Map<String, Object> relationship(RelationDescriptor relation) {
        List<Map<String, Object>> hops = new ArrayList<>();
        for (RelationDescriptor.Hop hop : relation.hops()) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("sourceField", hop.sourceFields());
            described.put("destField", hop.destFields());
            described.put("destSchema", hop.dest());
            hops.add(described);
        }
        Map<String, Object> relationship = new LinkedHashMap<>();
        relationship.put("kind", relation.many() ? "many" : "one");
        relationship.put("hops", hops);
        return relationship;
    }

    /**
     * The {@link SchemaVersion} of the collections as a client reads them: hashed after a JSON round
     * trip, so that defaults (dates, JSON values, numbers) hash exactly as in a client's copy.
     */
    private static String version(Map<String, Object> collections) {
        return SchemaVersion.of(SuperJson.decodePlain(PlainJson.write(collections)));
    }
}

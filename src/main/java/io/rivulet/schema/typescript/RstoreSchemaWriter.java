package io.rivulet.schema.typescript;

import io.rivulet.schema.DescribedSchema;
import io.rivulet.schema.DescribedSchema.Column;
import io.rivulet.schema.DescribedSchema.Hop;
import io.rivulet.schema.DescribedSchema.Relationship;
import io.rivulet.schema.DescribedSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rstore collection definitions and row types ({@code @rstore/vue}, no Drizzle schema
 * needed) from the schema description: per collection a row type as the REST API sends it, a
 * collection with the API's key, and its relations in rstore's one-hop form. rstore (0.8) has no
 * many-to-many relation, so relationships through a junction collection are left out and named in
 * the file's header: declaring one as a relation to the junction would make rstore cache the
 * target rows that the server nests under that name as junction rows.
 */
public final class RstoreSchemaWriter {

    private static final String HEADER = """
            // rstore collections of the Rivulet API, generated from the JPA metamodel. Do not edit:
            // regenerate with `bin/schema-ts rstore <file>` (or GET …/_schema.ts?target=rstore).
            //
            // For @rstore/vue without a Drizzle schema: createStore({ schema, plugins }). Row types are
            // the rows of Rivulet's REST API: timestamps are ISO-8601 strings, dates 'YYYY-MM-DD', JSON
            // columns JsonValue, optional fields `| null`. getKey is the API's key (a compound key is its
            // fields joined with '::', e.g. '7::42'). Relations are rstore's one-hop form
            // { to: { target: { on: { targetField: sourceField } } }, many }.
            """;

    private static final String JSON_VALUE = """

            /** A JSON value (JSON columns). */
            export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
            """;

    /** rstore calls getKey on items being created too: no key until every field has a value. */
    private static final String COMPOUND_KEY = """

            /** The API's key of a compound key: its fields joined with '::' (none while one is missing). */
            function compoundKey(...fields: ReadonlyArray<string | number | null | undefined>): string | undefined {
              return fields.some((field) => field == null) ? undefined : fields.join('::');
            }
            """;

    private RstoreSchemaWriter() {
    }

    /** The rstore file of a description; the same description always gives the same text. */
    public static String write(DescribedSchema schema) {
        TsNames names = new TsNames("schemaVersion", "schema", "JsonValue", "compoundKey", "defineRelations",
                "withItemType", "StoreSchema");
        List<String> collections = schema.collections().values().stream()
                .map(c -> names.camel(c.name(), "Collection")).toList();
        StringBuilder out = new StringBuilder(HEADER).append(leftOut(schema))
                .append("\nimport { defineRelations, withItemType, type StoreSchema } from '@rstore/vue';\n\n")
                .append("export const schemaVersion = ").append(TsSyntax.literal(schema.version())).append(";\n");
        // helpers only when used: an unused function fails noUnusedLocals
        if (schema.collections().values().stream().flatMap(c -> c.columns().values().stream())
                .anyMatch(c -> c.type().equals("json"))) {
            out.append(JSON_VALUE);
        }
        if (schema.collections().values().stream().anyMatch(Table::compoundKey)) {
            out.append(COMPOUND_KEY);
        }
        for (Table collection : schema.collections().values()) {
            out.append('\n').append(rowType(collection, names)).append('\n').append(collection(collection, names));
        }
        List<String> relations = new ArrayList<>();
        for (Table collection : schema.collections().values()) {
            List<Relationship> oneHop = oneHop(collection, schema);
            if (!oneHop.isEmpty()) {
                String name = names.camel(collection.name(), "Relations");
                relations.add(name);
                out.append('\n').append(relations(name, collection, oneHop, names));
            }
        }
        List<String> all = new ArrayList<>(collections);
        all.addAll(relations);
        return out.append("\n/** Every collection and its relations: createStore({ schema, plugins }). */\n")
                .append("export const schema = [\n").append(all.stream().map(n -> "  " + n + ",\n")
                        .collect(Collectors.joining())).append("] satisfies StoreSchema;\n").toString();
    }

    /** The header lines naming the relationships that have no rstore form. */
    private static String leftOut(DescribedSchema schema) {
        StringBuilder out = new StringBuilder();
        for (Table collection : schema.collections().values()) {
            for (Relationship relationship : collection.relationships().values()) {
                if (relationship.hops().size() > 1) {
                    out.append("//   ").append(TsSyntax.comment(collection.name() + "." + relationship.name()))
                            .append(" (through ").append(TsSyntax.comment(relationship.hops().get(0).destSchema()))
                            .append(")\n");
                }
            }
        }
        return out.isEmpty() ? ""
                : "// rstore has no many-to-many relation; left out here (use the junction collection):\n" + out;
    }

    private static String rowType(Table collection, TsNames names) {
        StringBuilder out = new StringBuilder("/** A row of the ").append(TsSyntax.comment(collection.name()))
                .append(" collection, as the REST API sends it. */\nexport interface ")
                .append(names.pascal(collection.name(), "Row")).append(" {\n");
        for (Column column : collection.columns().values()) {
            if ("date-time".equals(column.format())) {
                out.append("  /** ISO-8601 date-time */\n");
            } else if ("date".equals(column.format())) {
                out.append("  /** ISO-8601 date (YYYY-MM-DD) */\n");
            }
            out.append("  ").append(TsSyntax.key(column.name())).append(": ").append(type(column))
                    .append(column.optional() ? " | null" : "").append(";\n");
        }
        return out.append("}\n").toString();
    }

    /** The wire type of a column. */
    private static String type(Column column) {
        return switch (column.type()) {
            case "boolean", "number" -> column.type();
            case "json" -> "JsonValue";
            case "enumeration" -> TsSyntax.literalUnion(column.values());
            default -> "string";
        };
    }

    private static String collection(Table collection, TsNames names) {
        StringBuilder out = new StringBuilder("export const ").append(names.camel(collection.name(), "Collection"))
                .append(" = withItemType<").append(names.pascal(collection.name(), "Row"))
                .append(">().defineCollection({\n  name: ").append(TsSyntax.literal(collection.name())).append(",\n");
        if (collection.primaryKey().size() == 1) {
            out.append("  getKey: (item) => ").append(access(collection.primaryKey().get(0))).append(",\n");
        } else if (collection.compoundKey()) {
            out.append("  getKey: (item) => compoundKey(").append(collection.primaryKey().stream()
                    .map(RstoreSchemaWriter::access).collect(Collectors.joining(", "))).append("),\n");
        }
        return out.append("});\n").toString();
    }

    private static String access(String field) {
        return TsSyntax.key(field).equals(field) ? "item." + field : "item[" + TsSyntax.literal(field) + "]";
    }

    /** The relationships rstore can express: one hop to a collection of the file. */
    private static List<Relationship> oneHop(Table collection, DescribedSchema schema) {
        return collection.relationships().values().stream()
                .filter(r -> r.hops().size() == 1 && schema.collections().containsKey(r.last().destSchema())).toList();
    }

    private static String relations(String name, Table collection, List<Relationship> relationships,
            TsNames names) {
        StringBuilder out = new StringBuilder("export const ").append(name).append(" = defineRelations(")
                .append(names.camel(collection.name(), "Collection")).append(", ({ collection }) => ({\n");
        for (Relationship relationship : relationships) {
            Hop hop = relationship.last();
            out.append("  ").append(TsSyntax.key(relationship.name())).append(": {\n    to: collection(")
                    .append(names.camel(hop.destSchema(), "Collection")).append(", {\n      on: {\n");
            for (int i = 0; i < hop.destField().size(); i++) {
                out.append("        ").append(TsSyntax.literal(hop.destSchema() + "." + hop.destField().get(i)))
                        .append(": ").append(TsSyntax.literal(collection.name() + "." + hop.sourceField().get(i)))
                        .append(",\n");
            }
            out.append("      },\n    }),\n");
            if (relationship.many()) {
                out.append("    many: true,\n");
            }
            out.append("  },\n");
        }
        return out.append("}));\n").toString();
    }
}

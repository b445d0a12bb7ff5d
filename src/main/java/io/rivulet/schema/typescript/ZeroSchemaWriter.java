package io.rivulet.schema.typescript;

import io.rivulet.schema.DescribedSchema;
import io.rivulet.schema.DescribedSchema.Column;
import io.rivulet.schema.DescribedSchema.Hop;
import io.rivulet.schema.DescribedSchema.Relationship;
import io.rivulet.schema.DescribedSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a Zero {@code schema.ts} ({@code @rocicorp/zero}) from the schema description: what
 * {@code drizzle-zero} generates from a Drizzle schema, generated here from the JPA metamodel.
 * Column types follow Zero's Postgres type mapping, in which timestamps and dates are numbers
 * (epoch milliseconds) because that is how {@code zero-cache} replicates them.
 */
public final class ZeroSchemaWriter {

    private static final String HEADER = """
            // Zero schema of the Rivulet API, generated from the JPA metamodel. Do not edit:
            // regenerate with `bin/schema-ts zero <file>` (or GET …/_schema.ts?target=zero).
            //
            // Tables and columns carry the collection and field names; from() names the database table
            // or column where it differs. Column types follow Zero's Postgres type mapping
            // (https://zero.rocicorp.dev/docs/postgres-support): integers and decimals number(), text and
            // UUIDs string(), booleans boolean(), JSON json(), Java enums (stored as text)
            // enumeration<...>(), and timestamps and dates number(), because zero-cache replicates them
            // as epoch milliseconds. (Rivulet's REST API sends ISO strings instead: see target=rstore.)
            """;

    /** The query builder and the registration of the schema as Zero's default, as drizzle-zero writes them. */
    private static final String FOOTER = """

            /** The ZQL query builder of this schema: zql.<table>.where(...).related(...). */
            export const zql = createBuilder(schema);

            declare module '@rocicorp/zero' {
              interface DefaultTypes {
                schema: Schema;
              }
            }
            """;

    private ZeroSchemaWriter() {
    }

    /** The {@code schema.ts} of a description; the same description always gives the same text. */
    public static String write(DescribedSchema schema) {
        TsNames names = new TsNames("schemaVersion", "schema", "Schema", "zql", "Row", "table", "relationships",
                "createSchema", "createBuilder", "string", "number", "boolean", "json", "enumeration");
        // tables first: relationships refer to them by name, circular ones included
        List<String> tables = schema.collections().values().stream().map(c -> names.camel(c.name(), "Table")).toList();
        StringBuilder out = new StringBuilder(HEADER).append('\n').append(imports(schema)).append('\n');
        out.append("export const schemaVersion = ").append(TsSyntax.literal(schema.version())).append(";\n");
        for (Table collection : schema.collections().values()) {
            out.append('\n').append(table(collection, names));
        }
        List<String> relationshipLists = new ArrayList<>();
        for (Table collection : schema.collections().values()) {
            List<Relationship> relationships = relationshipsOf(collection, schema);
            if (!relationships.isEmpty()) {
                String name = names.camel(collection.name(), "Relationships");
                relationshipLists.add(name);
                out.append('\n').append(relationships(name, collection, relationships, names));
            }
        }
        out.append("\nexport const schema = createSchema({\n  tables: ").append(list(tables))
                .append(",\n  relationships: ").append(list(relationshipLists)).append(",\n});\n\n")
                .append("export type Schema = typeof schema;\n");
        schema.collections().values().forEach(c -> out.append('\n').append(rowType(c, names)));
        return out.append(FOOTER).toString();
    }

    /** Zero's own row type, as drizzle-zero exports it. */
    private static String rowType(Table collection, TsNames names) {
        return "/** A row of the " + TsSyntax.comment(collection.name()) + " collection, as Zero reads it. */\n"
                + "export type " + names.pascal(collection.name(), "Row") + " = Row<Schema['tables']["
                + TsSyntax.literal(collection.name()) + "]>;\n";
    }

    /** The relationships whose every hop leads to a collection of the file (the description already ensures it). */
    private static List<Relationship> relationshipsOf(Table collection, DescribedSchema schema) {
        return collection.relationships().values().stream()
                .filter(r -> r.hops().stream().allMatch(h -> schema.collections().containsKey(h.destSchema())))
                .toList();
    }

    /** Only what the file uses, so that {@code noUnusedLocals} holds. */
    private static String imports(DescribedSchema schema) {
        Set<String> used = new TreeSet<>(Set.of("createBuilder", "createSchema", "table"));
        for (Table collection : schema.collections().values()) {
            collection.columns().values().forEach(c -> used.add(builder(c)));
            if (!relationshipsOf(collection, schema).isEmpty()) {
                used.add("relationships");
            }
        }
        StringBuilder out = new StringBuilder("import {\n");
        used.forEach(name -> out.append("  ").append(name).append(",\n"));
        return out.append("  type Row,\n} from '@rocicorp/zero';\n").toString();
    }

    private static String table(Table collection, TsNames names) {
        StringBuilder out = new StringBuilder("const ").append(names.camel(collection.name(), "Table"))
                .append(" = table(").append(TsSyntax.literal(collection.name())).append(")\n");
        if (!collection.name().equals(collection.from())) {
            out.append("  .from(").append(TsSyntax.literal(collection.from())).append(")\n");
        }
        out.append("  .columns({\n");
        for (Column column : collection.columns().values()) {
            out.append("    ").append(TsSyntax.key(column.name())).append(": ").append(column(column)).append(",\n");
        }
        out.append("  })");
        if (!collection.primaryKey().isEmpty()) {
            out.append("\n  .primaryKey(").append(collection.primaryKey().stream().map(TsSyntax::literal)
                    .collect(Collectors.joining(", "))).append(')');
        }
        return out.append(";\n").toString();
    }

    private static String column(Column column) {
        String builder = builder(column);
        StringBuilder out = new StringBuilder(builder);
        if (builder.equals("enumeration")) {
            out.append('<').append(TsSyntax.literalUnion(column.values())).append('>');
        }
        out.append("()");
        if (!column.name().equals(column.from())) {
            out.append(".from(").append(TsSyntax.literal(column.from())).append(')');
        }
        if (column.optional()) {
            out.append(".optional()");
        }
        return out.toString();
    }

    /** Zero's column builder for a column: the wire type, except that timestamps and dates are numbers. */
    private static String builder(Column column) {
        if (column.temporal()) {
            return "number";
        }
        return switch (column.type()) {
            case "boolean", "number", "json", "enumeration" -> column.type();
            default -> "string";
        };
    }

    private static String relationships(String name, Table collection, List<Relationship> relationships,
            TsNames names) {
        List<String> connectors = new ArrayList<>();
        if (relationships.stream().anyMatch(r -> !r.many())) {
            connectors.add("one");
        }
        if (relationships.stream().anyMatch(Relationship::many)) {
            connectors.add("many");
        }
        StringBuilder out = new StringBuilder("const ").append(name).append(" = relationships(")
                .append(names.camel(collection.name(), "Table")).append(", ({")
                .append(String.join(", ", connectors)).append("}) => ({\n");
        for (Relationship relationship : relationships) {
            out.append("  ").append(TsSyntax.key(relationship.name())).append(": ")
                    .append(relationship.many() ? "many" : "one").append('(');
            if (relationship.hops().size() == 1) {
                out.append(hop(relationship.hops().get(0), "  ", names)).append("),\n");
            } else {
                out.append('\n');
                for (Hop hop : relationship.hops()) {
                    out.append("    ").append(hop(hop, "    ", names)).append(",\n");
                }
                out.append("  ),\n");
            }
        }
        return out.append("}));\n").toString();
    }

    private static String hop(Hop hop, String indent, TsNames names) {
        return "{\n" + indent + "  sourceField: " + TsSyntax.literalList(hop.sourceField()) + ",\n"
                + indent + "  destField: " + TsSyntax.literalList(hop.destField()) + ",\n"
                + indent + "  destSchema: " + names.camel(hop.destSchema(), "Table") + ",\n" + indent + "}";
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "[]"
                : names.stream().map(n -> "    " + n).collect(Collectors.joining(",\n", "[\n", ",\n  ]"));
    }
}

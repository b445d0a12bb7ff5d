package io.rivulet.openapi;

import static io.rivulet.openapi.Oas.arrayOf;
import static io.rivulet.openapi.Oas.bool;
import static io.rivulet.openapi.Oas.integer;
import static io.rivulet.openapi.Oas.object;
import static io.rivulet.openapi.Oas.oneOf;
import static io.rivulet.openapi.Oas.ref;
import static io.rivulet.openapi.Oas.string;
import static io.rivulet.openapi.Oas.type;

import io.rivulet.schema.DescribedSchema.Column;
import io.rivulet.schema.DescribedSchema.Relationship;
import io.rivulet.schema.DescribedSchema.Table;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas of one collection, written from its entry in the schema description (the data
 * {@code GET _schema} serves, so hidden fields and collections off the allow-list are already
 * absent): the row ({@code <name>}), the body of a create ({@code <name>.create}) and of a patch
 * ({@code <name>.patch}), and the search query of the {@code superjson} parameter
 * ({@code <name>.query}).
 */
final class RowSchemas {

    private RowSchemas() {
    }

    static String row(String collection) {
        return collection;
    }

    static String create(String collection) {
        return collection + ".create";
    }

    static String patch(String collection) {
        return collection + ".patch";
    }

    static String query(String collection) {
        return collection + ".query";
    }

    static void add(Components components, Table table) {
        components.addSchema(row(table.name()), row(table));
        components.addSchema(create(table.name()), create(table));
        components.addSchema(patch(table.name()), patch(table));
        components.addSchema(query(table.name()), query(table));
    }

    /** The schema of a field's value: the description's wire type and format in OpenAPI's terms. */
    static Schema field(Column column) {
        Schema schema = switch (column.type()) {
            case "boolean" -> bool();
            case "number" -> "integer".equals(column.format()) ? integer() : type(SchemaType.NUMBER);
            case "enumeration" -> string().enumeration(values(column));
            case "json" -> Oas.anyValue("a JSON value");
            default -> column.temporal() ? string().format(column.format()) : string();
        };
        if (column.optional() && !"json".equals(column.type())) {
            schema.nullable(true);
        }
        if (column.readOnly()) {
            schema.readOnly(true);
        }
        return schema;
    }

    /** OpenAPI 3.0: an enumeration that may be null lists null among its values (nullable alone does not allow it). */
    private static List<Object> values(Column column) {
        List<Object> values = new ArrayList<>(column.values());
        if (column.optional()) {
            values.add(null);
        }
        return values;
    }

    private static Schema row(Table table) {
        Schema row = object().description("A row of " + table.name() + " as the API sends it: every field, unless the"
                + " search query's columns select fewer; relations only when included");
        table.columns().values().forEach(column -> row.addProperty(column.name(), field(column)));
        table.relationships().values().forEach(relation -> row.addProperty(relation.name(), related(relation)));
        return row;
    }

    private static Schema related(Relationship relation) {
        Schema target = ref(row(relation.last().destSchema()));
        if (relation.many()) {
            return arrayOf(target).description("the related rows, when included");
        }
        return OASFactory.createSchema().allOf(List.of(target)).nullable(true)
                .description("the related row (null when there is none), when included");
    }

    private static Schema create(Table table) {
        Schema body = object().description("The item of a create (POST); fields left out take their defaults");
        List<String> required = new ArrayList<>();
        for (Column column : table.columns().values()) {
            if (!column.readOnly()) {
                body.addProperty(column.name(), field(column));
                if (column.requiredOnInsert()) {
                    required.add(column.name());
                }
            }
        }
        if (!required.isEmpty()) {
            body.required(required);
        }
        return body.additionalPropertiesBoolean(false);
    }

    private static Schema patch(Table table) {
        Schema body = object().description("The changed fields of a patch (PATCH); the primary key is not written");
        table.columns().values().stream()
                .filter(column -> !column.readOnly() && !table.primaryKey().contains(column.name()))
                .forEach(column -> body.addProperty(column.name(), field(column)));
        return body.additionalPropertiesBoolean(false);
    }

    private static Schema query(Table table) {
        List<Object> orders = new ArrayList<>();
        Schema columns = object().additionalPropertiesBoolean(false)
                .description("the fields to send (true) or leave out (false)");
        for (Column column : table.columns().values()) {
            orders.add(column.name() + ".asc");
            orders.add(column.name() + ".desc");
            columns.addProperty(column.name(), bool());
        }
        Schema order = string().enumeration(orders);
        Schema include = object().additionalPropertiesBoolean(false)
                .description("relations to nest in each row, each true or its own search query");
        table.relationships().values().forEach(relation -> include.addProperty(relation.name(),
                oneOf(bool(), ref(ProtocolSchemas.INCLUDE_OPTIONS))));
        return object().description("The search query of " + table.name() + " (PROTOCOL §2.1); every part optional")
                .addProperty("where", ref(ProtocolSchemas.CONDITION))
                .addProperty("limit", integer().minimum(java.math.BigDecimal.ZERO))
                .addProperty("offset", integer().minimum(java.math.BigDecimal.ZERO))
                .addProperty("orderBy", oneOf(order, arrayOf(order)))
                .addProperty("columns", columns)
                .addProperty("include", include)
                .addProperty("keys", arrayOf(oneOf(string(), type(SchemaType.NUMBER)))
                        .description("only the rows with these keys (a compound key's fields joined with '::')"));
    }
}

package io.rivulet.openapi;

import static io.rivulet.openapi.Oas.anyValue;
import static io.rivulet.openapi.Oas.arrayOf;
import static io.rivulet.openapi.Oas.bool;
import static io.rivulet.openapi.Oas.integer;
import static io.rivulet.openapi.Oas.object;
import static io.rivulet.openapi.Oas.ref;
import static io.rivulet.openapi.Oas.string;

import io.rivulet.query.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schemas every collection shares: the error body (PROTOCOL §1.3), the SuperJSON envelope
 * (§1.1), the condition tree of {@code where} (§3), include options (§4.3), {@code _batch}
 * (§5) and the schema description (SCHEMA.md §1).
 */
final class ProtocolSchemas {

    static final String ERROR = "Error";
    static final String SUPERJSON_META = "SuperJsonMeta";
    static final String CONDITION = "Condition";
    static final String INCLUDE_OPTIONS = "IncludeOptions";
    static final String BATCH_OPERATION = "BatchOperation";
    static final String BATCH_RESULT = "BatchResult";
    static final String SCHEMA_COLLECTION = "SchemaCollection";

    private ProtocolSchemas() {
    }

    /** @param collections the exposed collections, by name */
    static void add(Components components, List<String> collections) {
        components.addSchema(ERROR, error());
        components.addSchema(SUPERJSON_META, meta());
        components.addSchema(CONDITION, condition());
        components.addSchema(INCLUDE_OPTIONS, includeOptions());
        components.addSchema(BATCH_OPERATION, batchOperation(collections));
        components.addSchema(BATCH_RESULT, batchResult());
        components.addSchema(SCHEMA_COLLECTION, schemaCollection());
    }

    /** A SuperJSON text of a value of {@code json}: {@code {json, meta?}} (PROTOCOL §1.1). */
    static Schema envelope(Schema json) {
        return object().required(List.of("json"))
                .description("SuperJSON: the value under json, its annotations (Dates, undefined) under meta")
                .addProperty("json", json)
                .addProperty("meta", ref(SUPERJSON_META));
    }

    private static Schema error() {
        return object().description("The error body (Nitro's): the reason phrase is the statusMessage")
                .required(List.of("error", "url", "statusCode", "statusMessage", "message"))
                .addProperty("error", bool().enumeration(List.of(true)))
                .addProperty("url", string().description("the request's URL"))
                .addProperty("statusCode", integer())
                .addProperty("statusMessage", string().description("e.g. Invalid filter (the catalogue: PROTOCOL §1.4)"))
                .addProperty("message", string())
                .addProperty("data", anyValue("details, when the error has any (e.g. the current row of a 409 or 412)"));
    }

    private static Schema meta() {
        return object().description("SuperJSON annotations: paths (keys joined with '.') to [type] or [type, children]")
                .addProperty("values", anyValue("a root annotation, or path → annotation"))
                .addProperty("referentialEqualities", object())
                .addProperty("v", integer());
    }

    private static Schema condition() {
        List<Object> operators = new ArrayList<>(List.of("and", "or", "not"));
        Arrays.stream(Operator.values()).map(Operator::wireName).forEach(operators::add);
        return object().required(List.of("operator")).description("A node of the where tree: and/or take conditions,"
                        + " not takes condition, a field operator takes field and value, or value1 and value2, or none")
                .addProperty("operator", string().enumeration(operators))
                .addProperty("field", string())
                .addProperty("value", anyValue("the operand (an array for inArray and notInArray)"))
                .addProperty("value1", anyValue("the lower bound of between"))
                .addProperty("value2", anyValue("the upper bound of between"))
                .addProperty("condition", ref(CONDITION))
                .addProperty("conditions", arrayOf(ref(CONDITION)));
    }

    private static Schema includeOptions() {
        return object().description("A relation's own search query inside include")
                .addProperty("where", ref(CONDITION))
                .addProperty("limit", integer())
                .addProperty("orderBy", anyValue("field.asc or field.desc, or an array of them"))
                .addProperty("columns", object().additionalPropertiesSchema(bool()))
                .addProperty("include", object().additionalPropertiesBoolean(true));
    }

    private static Schema batchOperation(List<String> collections) {
        return object().required(List.of("type", "collection"))
                .addProperty("type", string().enumeration(List.of("fetchFirst", "create", "update", "delete")))
                .addProperty("collection", string().enumeration(new ArrayList<>(collections)))
                .addProperty("key", string().description("fetchFirst, update, delete: the item's key"))
                .addProperty("item", object().description("create: the item; update: the changed fields"))
                .addProperty("searchQuery", object().description("fetchFirst: include and columns"));
    }

    private static Schema batchResult() {
        return object().required(List.of("ok")).description("One operation's outcome, index-aligned with operations")
                .addProperty("ok", bool())
                .addProperty("result", anyValue("ok: the row (null when fetchFirst found none)"))
                .addProperty("error", string())
                .addProperty("statusCode", integer())
                .addProperty("statusMessage", string());
    }

    private static Schema schemaCollection() {
        return object().required(List.of("name", "primaryKey", "columns"))
                .description("A collection in the schema description (SCHEMA.md §1)")
                .addProperty("name", string())
                .addProperty("from", string())
                .addProperty("primaryKey", arrayOf(string()))
                .addProperty("columns", object().additionalPropertiesSchema(object()))
                .addProperty("relationships", object().additionalPropertiesSchema(object()));
    }
}

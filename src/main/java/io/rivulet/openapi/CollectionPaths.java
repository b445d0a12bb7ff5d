package io.rivulet.openapi;

import static io.rivulet.openapi.Oas.arrayOf;
import static io.rivulet.openapi.Oas.integer;
import static io.rivulet.openapi.Oas.json;
import static io.rivulet.openapi.Oas.object;
import static io.rivulet.openapi.Oas.ref;
import static io.rivulet.openapi.Oas.response;
import static io.rivulet.openapi.Oas.responseRef;
import static io.rivulet.openapi.Oas.string;

import io.rivulet.schema.DescribedSchema.Table;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** The path items of one collection (PROTOCOL §2): list and create, and get, patch and delete by key. */
final class CollectionPaths {

    static final String ERROR_RESPONSE = "Error";
    static final String NOT_FOUND = "a missing row: no body (Nitro answers a handler's null so)";

    private CollectionPaths() {
    }

    /** {@code GET|POST /{collection}}. */
    static PathItem index(Table table) {
        String name = table.name();
        Operation list = operation(name, "list", "The rows of " + name + " (at most rivulet.limits.max-limit)")
                .addParameter(superjson(name))
                .responses(errors().addAPIResponse("200", response("the rows", arrayOf(ref(RowSchemas.row(name))))));
        Operation create = operation(name, "create", "Creates a row of " + name)
                .addParameter(clientId())
                .requestBody(body(RowSchemas.create(name)))
                .responses(errors().addAPIResponse("200", response("the created row", ref(RowSchemas.row(name))))
                        .addAPIResponse("409", responseRef(ERROR_RESPONSE)));
        return OASFactory.createPathItem().GET(list).POST(create);
    }

    /** {@code GET|PATCH|DELETE /{collection}/{key}}. */
    static PathItem item(Table table) {
        String name = table.name();
        Schema row = ref(RowSchemas.row(name));
        Operation get = operation(name, "get", "One row of " + name + " by key (the search query's include and columns"
                + " apply)")
                .addParameter(superjson(name))
                .responses(errors().addAPIResponse("200", response("the row", row))
                        .addAPIResponse("204", response(NOT_FOUND, null)));
        Operation patch = operation(name, "patch", "Writes the changed fields of a row of " + name)
                .addParameter(clientId()).addParameter(ifMatch())
                .requestBody(body(RowSchemas.patch(name)))
                .responses(errors().addAPIResponse("200", response("the updated row", row))
                        .addAPIResponse("204", response(NOT_FOUND, null))
                        .addAPIResponse("409", responseRef(ERROR_RESPONSE))
                        .addAPIResponse("412", responseRef(ERROR_RESPONSE)));
        Operation delete = operation(name, "delete", "Deletes a row of " + name)
                .addParameter(clientId()).addParameter(ifMatch())
                .responses(errors().addAPIResponse("200", response("the deleted row", row))
                        .addAPIResponse("204", response(NOT_FOUND, null))
                        .addAPIResponse("412", responseRef(ERROR_RESPONSE)));
        return OASFactory.createPathItem().addParameter(key(table)).GET(get).PATCH(patch).DELETE(delete);
    }

    /** {@code GET /{collection}/_changes}, the changes feed (README, "Offline sync"). */
    static PathItem changes(Table table) {
        String name = table.name();
        Operation page = operation(name, "changes", "A page of the changes feed of " + name
                + ": the snapshot first without a cursor, then the changes after since")
                .addParameter(OASFactory.createParameter().name("since").in(Parameter.In.QUERY).schema(string())
                        .description("the cursor of the previous page"))
                .addParameter(OASFactory.createParameter().name("limit").in(Parameter.In.QUERY)
                        .schema(integer()).description("most changes in the page"))
                .responses(errors().addAPIResponse("200", response("the page: changes, each {op, key, row}, and the"
                        + " next cursor", object())));
        return OASFactory.createPathItem().GET(page);
    }

    static Operation operation(String tag, String verb, String summary) {
        return OASFactory.createOperation().operationId(tag + "_" + verb).summary(summary).addTag(tag);
    }

    /** The error answers every route may give; the route adds its own. */
    static APIResponses errors() {
        return OASFactory.createAPIResponses()
                .addAPIResponse("400", responseRef(ERROR_RESPONSE))
                .addAPIResponse("403", responseRef(ERROR_RESPONSE))
                .addAPIResponse("503", responseRef(ERROR_RESPONSE))
                .defaultValue(responseRef(ERROR_RESPONSE));
    }

    static APIResponse errorResponse() {
        return response("An error (PROTOCOL §1.3): the status, the statusMessage as the reason phrase, and this body",
                ref(ProtocolSchemas.ERROR));
    }

    private static Parameter superjson(String collection) {
        return OASFactory.createParameter().name("superjson").in(Parameter.In.QUERY)
                .description("The search query as SuperJSON text (PROTOCOL §2.1), URL-encoded")
                .content(json(ProtocolSchemas.envelope(ref(RowSchemas.query(collection)))));
    }

    private static Parameter key(Table table) {
        Schema schema = table.primaryKey().size() == 1 && table.columns().containsKey(table.primaryKey().get(0))
                ? RowSchemas.field(table.columns().get(table.primaryKey().get(0))).nullable(null).readOnly(null)
                : string();
        return OASFactory.createParameter().name("key").in(Parameter.In.PATH).required(true).schema(schema)
                .description("The row's key: " + String.join(", then ", table.primaryKey())
                        + (table.compoundKey() ? ", joined with '::'" : ""));
    }

    private static RequestBody body(String schema) {
        return OASFactory.createRequestBody().required(true)
                .content(json(ProtocolSchemas.envelope(ref(schema))));
    }

    private static Parameter clientId() {
        return OASFactory.createParameter().name("X-Rstore-Client-Id").in(Parameter.In.HEADER).schema(string())
                .description("The client's id: its own changes do not come back to it over realtime");
    }

    private static Parameter ifMatch() {
        return OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).schema(string())
                .description("Only if the row is still at this version (the ETag of a GET); else 412");
    }
}

package io.rivulet.openapi;

import static io.rivulet.openapi.Oas.arrayOf;
import static io.rivulet.openapi.Oas.bool;
import static io.rivulet.openapi.Oas.object;
import static io.rivulet.openapi.Oas.ref;
import static io.rivulet.openapi.Oas.response;
import static io.rivulet.openapi.Oas.responseRef;
import static io.rivulet.openapi.Oas.string;

import io.rivulet.schema.DescribedSchema;
import io.rivulet.schema.DescribedSchema.Table;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The rstore API in an OpenAPI document, from the schema description: the routes the server's
 * scan found under {@code {collection}} (it sees one generic JAX-RS resource) are replaced by the
 * routes of each exposed collection, and {@code _batch} and {@code _schema} are described with
 * the collections they accept and list.
 */
final class ApiDocument {

    /** Where the API lives in an application deployed at the root: {@code /api} (RivuletApplication) + {@code /rstore}. */
    static final String DEFAULT_BASE = "/api/rstore";
    private static final String GENERIC = "/{collection}";

    private ApiDocument() {
    }

    /**
     * @param document    the document the server built from its scan (changed in place)
     * @param schema      the exposed collections, as {@code GET _schema} serves them
     * @param changesFeed whether the changes feed is on ({@code rivulet.offline.feed})
     */
    static void describe(OpenAPI document, DescribedSchema schema, boolean changesFeed) {
        Paths paths = document.getPaths() == null ? OASFactory.createPaths() : document.getPaths();
        String base = removeGeneric(paths);
        List<String> names = new ArrayList<>(schema.collections().keySet());
        for (Table table : schema.collections().values()) {
            String path = base + "/" + table.name();
            paths.addPathItem(path, CollectionPaths.index(table));
            paths.addPathItem(path + "/{key}", CollectionPaths.item(table));
            if (changesFeed) {
                paths.addPathItem(path + "/_changes", CollectionPaths.changes(table));
            }
            document.addTag(OASFactory.createTag().name(table.name()).description("the collection " + table.name()
                    + " (table " + table.from() + ")"));
        }
        paths.addPathItem(base + "/_batch", batch());
        paths.addPathItem(base + "/_schema", schema(names));
        document.setPaths(paths);
        Components components = document.getComponents() == null ? OASFactory.createComponents()
                : document.getComponents();
        ProtocolSchemas.add(components, names);
        schema.collections().values().forEach(table -> RowSchemas.add(components, table));
        components.addResponse(CollectionPaths.ERROR_RESPONSE, CollectionPaths.errorResponse());
        document.setComponents(components);
    }

    /**
     * Removes the scan's generic collection routes and the ones this document writes itself.
     *
     * @return their common prefix: {@code /api/rstore}, after the context root when the server puts it there
     */
    private static String removeGeneric(Paths paths) {
        String base = DEFAULT_BASE;
        if (paths.getPathItems() != null) {
            for (String path : List.copyOf(paths.getPathItems().keySet())) {
                int generic = path.indexOf(GENERIC);
                if (generic > 0 && path.substring(0, generic).endsWith("/rstore")) {
                    base = path.substring(0, generic);
                    paths.removePathItem(path);
                }
            }
            paths.removePathItem(base + "/_batch");
            paths.removePathItem(base + "/_schema");
        }
        return base;
    }

    private static PathItem batch() {
        Schema request = object().required(List.of("operations"))
                .addProperty("operations", arrayOf(ref(ProtocolSchemas.BATCH_OPERATION)));
        Schema results = object().required(List.of("results"))
                .addProperty("results", arrayOf(ref(ProtocolSchemas.BATCH_RESULT)));
        Operation run = CollectionPaths.operation("_batch", "run", "Runs several operations, each as its own route"
                        + " would; one failing fails only its own result")
                .addParameter(OASFactory.createParameter().name("X-Rstore-Client-Id")
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER).schema(string()))
                .requestBody(OASFactory.createRequestBody().required(true)
                        .content(Oas.json(ProtocolSchemas.envelope(request))))
                .responses(CollectionPaths.errors().addAPIResponse("200",
                        response("the results, as SuperJSON", ProtocolSchemas.envelope(results))));
        return OASFactory.createPathItem().POST(run);
    }

    private static PathItem schema(List<String> names) {
        Schema collections = object().additionalPropertiesBoolean(false);
        names.forEach(name -> collections.addProperty(name, ref(ProtocolSchemas.SCHEMA_COLLECTION)));
        Schema description = object().required(List.of("version", "collections"))
                .addProperty("version", string().description("a hash of the description"))
                .addProperty("collections", collections);
        Operation get = CollectionPaths.operation("_schema", "get", "The description of the exposed collections")
                .responses(CollectionPaths.errors().addAPIResponse("200", response("the description", description)));
        Schema verdict = object().addProperty("compatible", bool()).addProperty("serverVersion", string())
                .addProperty("clientVersion", string());
        Operation check = CollectionPaths.operation("_schema", "check", "Is a client's description compatible?"
                        + " (409 SchemaVersionNotSupported, with the differences, when not)")
                .requestBody(OASFactory.createRequestBody().required(true).content(Oas.json(object()
                        .required(List.of("collections")).addProperty("version", string())
                        .addProperty("collections", object().additionalPropertiesSchema(
                                ref(ProtocolSchemas.SCHEMA_COLLECTION))))))
                .responses(CollectionPaths.errors().addAPIResponse("200", response("compatible", verdict))
                        .addAPIResponse("409", responseRef(CollectionPaths.ERROR_RESPONSE)));
        return OASFactory.createPathItem().GET(get).POST(check);
    }
}

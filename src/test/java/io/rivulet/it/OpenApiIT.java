package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document of the generated API ({@code /openapi}, README "OpenAPI"): valid for a real
 * validator, the routes and row schema of every collection {@code _schema} lists, written from the
 * same description (types, formats, nullability, enumerations; hidden fields absent). The
 * allow-list's side is in {@link AllowListIT}.
 */
@OncePerSuite.OnH2
@RivuletIT
class OpenApiIT extends DeployedRivulet {

    /** The example domain (DOMAIN.md); the deployment adds the tests' probe collections. */
    private static final List<String> DOMAIN = List.of("todos", "users", "posts", "comments", "labels", "postLabels",
            "teams", "teamsToUsers", "projects", "secrets");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    private ServedOpenApi openApi;
    private JsonObject described;

    @BeforeEach
    void read() throws Exception {
        openApi = ServedOpenApi.of(base);
        described = rstore.get("api/rstore/_schema", null).object().getJsonObject("collections");
    }

    @Test
    void everyCollectionHasItsRoutesAndRowSchema() {
        assertEquals(new TreeSet<>(described.keySet()), openApi.collections(), "the collections of _schema");
        assertTrue(openApi.collections().containsAll(DOMAIN), openApi.collections().toString());
        for (String collection : described.keySet()) {
            PathItem index = path("/" + collection);
            assertNotNull(index.getGet(), collection + ": list");
            assertNotNull(index.getPost(), collection + ": create");
            PathItem item = path("/" + collection + "/{key}");
            assertNotNull(item.getGet(), collection + ": get");
            assertNotNull(item.getPatch(), collection + ": patch");
            assertNotNull(item.getDelete(), collection + ": delete");
            JsonObject table = described.getJsonObject(collection);
            Set<String> fields = new TreeSet<>(table.getJsonObject("columns").keySet());
            fields.addAll(table.getJsonObject("relationships").keySet());
            assertEquals(fields, new TreeSet<>(openApi.schema(collection).getProperties().keySet()), collection);
            assertEquals("#/components/schemas/" + collection,
                    json(index.getGet().getResponses().get("200").getContent()).getItems().get$ref());
        }
        assertNotNull(path("/_batch").getPost());
        assertEquals(new TreeSet<Object>(described.keySet()), new TreeSet<Object>(
                property(openApi.schema("BatchOperation"), "collection").getEnum()),
                "the collections a batch operation may name");
        assertEquals(new TreeSet<>(described.keySet()), new TreeSet<>(property(json(path("/_schema").getGet()
                .getResponses().get("200").getContent()), "collections").getProperties().keySet()));
        assertFalse(openApi.document().getPaths().keySet().stream().anyMatch(p -> p.contains("{collection}")),
                "the generic JAX-RS route is replaced: " + openApi.document().getPaths().keySet());
    }

    @Test
    void rowSchemasCarryTypesFormatsNullabilityAndEnumerations() {
        Schema<?> users = openApi.schema("users");
        assertEquals("integer", property(users, "id").getType());
        assertEquals("string", property(users, "name").getType());
        assertNull(property(users, "name").getNullable(), "required");
        assertEquals(Boolean.TRUE, property(users, "nickName").getNullable(), "optional");
        assertEquals(Arrays.asList("happy", "sad", "taco", null), property(users, "mood").getEnum(),
                "an optional enumeration lists null (OpenAPI 3.0)");
        assertEquals(Boolean.TRUE, property(users, "mood").getNullable());
        assertEquals("string", property(users, "createdAt").getType());
        assertEquals("date-time", property(users, "createdAt").getFormat());
        assertNull(property(users, "settings").getType(), "a JSON column is any JSON value");
        assertEquals("array", property(users, "posts").getType(), "a many relation, when included");
        assertEquals("#/components/schemas/posts", property(users, "posts").getItems().get$ref());
        assertEquals("boolean", property(openApi.schema("todos"), "completed").getType());
        Schema<?> create = openApi.schema("users.create");
        assertTrue(create.getRequired().containsAll(List.of("name", "email")), create.getRequired().toString());
        assertFalse(create.getRequired().contains("id"), "a generated key");
        assertFalse(openApi.schema("users.patch").getProperties().containsKey("id"), "the key is not patched");
        assertEquals(List.of("teamId", "userId"), described.getJsonObject("teamsToUsers").getJsonArray("primaryKey")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("string", key("/teamsToUsers/{key}").getSchema().getType(),
                "a compound key is its fields joined with '::'");
        assertEquals("integer", key("/todos/{key}").getSchema().getType());
    }

    @Test
    void hiddenFieldsAreAbsent() {
        for (String schema : new String[] {"users", "users.create", "users.patch"}) {
            assertFalse(openApi.schema(schema).getProperties().containsKey("passwordHash"), schema);
        }
        Schema<?> query = openApi.schema("users.query");
        assertFalse(property(query, "columns").getProperties().containsKey("passwordHash"));
        Schema<?> order = (Schema<?>) property(query, "orderBy").getOneOf().get(0);
        assertFalse(order.getEnum().contains("passwordHash.asc"));
    }

    @Test
    void readsTakeTheSuperjsonParameterAndErrorsHaveTheProtocolBody() {
        for (Operation read : List.of(path("/todos").getGet(), path("/todos/{key}").getGet())) {
            Parameter superjson = read.getParameters().stream().filter(p -> p.getName().equals("superjson"))
                    .findFirst().orElseThrow(() -> new AssertionError(read.getOperationId() + ": no superjson"));
            assertEquals("query", superjson.getIn());
            assertEquals("#/components/schemas/todos.query", property(json(superjson.getContent()), "json").get$ref());
            assertEquals("#/components/responses/Error", read.getResponses().get("400").get$ref());
            assertEquals("#/components/responses/Error", read.getResponses().get("default").get$ref());
        }
        assertEquals("#/components/schemas/todos.create",
                property(json(path("/todos").getPost().getRequestBody().getContent()), "json").get$ref(), "a SuperJSON body");
        Schema<?> error = openApi.schema("Error");
        assertEquals(Set.of("error", "url", "statusCode", "statusMessage", "message"), Set.copyOf(error.getRequired()));
        assertEquals("integer", property(error, "statusCode").getType());
        assertEquals("#/components/schemas/Error", openApi.document().getComponents().getResponses().get("Error")
                .getContent().get("application/json").getSchema().get$ref());
    }

    private PathItem path(String route) {
        PathItem item = openApi.document().getPaths().get(openApi.rstore() + route);
        assertNotNull(item, () -> "no path " + openApi.rstore() + route + " in " + openApi.document().getPaths().keySet());
        return item;
    }

    /** The key parameter of an item route (the validator's resolving moves it from the path to each operation). */
    private Parameter key(String route) {
        PathItem item = path(route);
        List<Parameter> parameters = item.getParameters() != null ? item.getParameters() : item.getGet().getParameters();
        return parameters.stream().filter(p -> p.getName().equals("key")).findFirst()
                .orElseThrow(() -> new AssertionError(route + ": no key parameter"));
    }

    private static Schema<?> json(Content content) {
        Schema<?> schema = content.get("application/json").getSchema();
        assertNotNull(schema, () -> "no application/json schema in " + content);
        return schema;
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        Schema<?> property = schema.getProperties().get(name);
        assertNotNull(property, () -> "no property " + name + " in " + schema.getProperties().keySet());
        return property;
    }
}

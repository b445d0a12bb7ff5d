package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Schema compatibility (SCHEMA.md §3) over both transports. Client descriptions are derived from
 * the server's own {@code GET _schema} with JSON Patch edits, each under its own version label:
 * the WebSocket {@code init} with the full description, then a second connection with only the
 * version; HTTP {@code POST _schema} to register, then requests with {@code X-Rivulet-Schema-Version}.
 */
@OncePerSuite.OnH2
@RivuletIT
class SchemaCompatibilityIT extends DeployedRivulet {

    private static final String HEADER = "X-Rivulet-Schema-Version";
    private static final String ACK = "{\"init\":{\"ok\":true,\"v\":2}}";
    private static final String REFUSED = "{\"init\":{\"ok\":false,\"error\":\"SchemaVersionNotSupported\",\"v\":2}}";
    private static final String NOT_SUPPORTED = "SchemaVersionNotSupported";

    /** A client description: the server's with edits; {@code kind} is the expected difference, null if compatible. */
    private record Case(String label, UnaryOperator<JsonPatchBuilder> edits, String kind) {
    }

    private static final List<Case> COMPATIBLE = List.of(
            new Case("subset", p -> p.remove("/collections/comments").remove("/collections/todos/columns/completed"),
                    null),
            new Case("server-has-an-optional-column", p -> p.remove("/collections/users/columns/mood"), null),
            new Case("server-has-an-enum-value", p -> p.replace("/collections/users/columns/mood/values",
                    Json.createArrayBuilder().add("happy").add("sad").build()), null),
            new Case("server-has-a-collection", p -> p.remove("/collections/projects"), null));

    private static final List<Case> INCOMPATIBLE = List.of(
            new Case("removed-column", p -> p.add("/collections/todos/columns/priority",
                    Json.createObjectBuilder().add("type", "number").add("optional", true).build()), "field-missing"),
            new Case("changed-type", p -> p.replace("/collections/todos/columns/title/type", "number"),
                    "type-changed"),
            new Case("removed-collection", p -> p.add("/collections/archives", Json.createObjectBuilder()
                    .add("primaryKey", Json.createArrayBuilder().add("id")).add("columns", JsonValue.EMPTY_JSON_OBJECT)
                    .build()), "collection-missing"),
            new Case("new-required-column", p -> p.remove("/collections/todos/columns/title"), "new-required-column"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    private JsonObject server() {
        var reply = rstore.get("api/rstore/_schema", null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private JsonObject client(Case c) {
        JsonPatchBuilder patch = Json.createPatchBuilder().replace("/version", c.label());
        return c.edits().apply(patch).build().apply(server());
    }

    private static String init(String schema) {
        return "{\"init\":{\"clientId\":\"c\",\"v\":2,\"schema\":" + schema + "}}";
    }

    /** One WebSocket connection announcing {@code schema}: the ack, or the refusal and a 1008 close. */
    private void assertInit(String schema, boolean compatible, String what) throws Exception {
        try (WsClient ws = new WsClient(base)) {
            ws.send(init(schema));
            if (compatible) {
                assertEquals(ACK, ws.next(), what);
                assertEquals("pong", ws.send("ping").next(), what + ": the connection stays");
            } else {
                assertEquals(REFUSED, ws.next(), what);
                assertEquals(1008, ws.closed.get(5, TimeUnit.SECONDS), what + ": closed as a policy violation");
            }
        }
    }

    private RstoreClient.Reply postSchema(String body, String... headers) {
        return rstore.sendJson("POST", "api/rstore/_schema", body, headers);
    }

    private static void assertRefused(RstoreClient.Reply reply, String kind, String clientVersion, String what) {
        assertEquals(409, reply.status(), what + ": " + reply);
        JsonObject body = reply.object();
        assertEquals(NOT_SUPPORTED, body.getString("statusMessage"), what);
        assertEquals(true, body.getBoolean("error"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(clientVersion, data.getString("clientVersion"), what);
        assertTrue(data.getString("serverVersion").matches("[0-9a-f]{16}"), what);
        JsonObject difference = data.getJsonArray("differences").getJsonObject(0);
        assertEquals(kind, difference.getString("kind"), what + ": " + data);
        assertTrue(difference.getString("detail").length() > 10, what);
    }

    private int todosTitled(String title) {
        var reply = rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\",\"value\":\""
                + title + "\"}}"));
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().size();
    }

    private RstoreClient.Reply createTodo(String title, String version) {
        return rstore.sendJson("POST", "api/rstore/todos", sj("{\"title\":\"" + title + "\"}"), HEADER, version);
    }

    @Test
    void compatibleClientsAreServedOverBothTransports() throws Exception {
        for (Case c : COMPATIBLE) {
            JsonObject description = client(c);
            assertInit(description.toString(), true, c.label() + " (full)");
            assertInit("\"" + c.label() + "\"", true, c.label() + " (version only)");
            var check = postSchema(description.toString());
            assertEquals(200, check.status(), c.label() + ": " + check);
            assertEquals(Json.createObjectBuilder().add("compatible", true).add("serverVersion",
                    server().getString("version")).add("clientVersion", c.label()).build(), check.object());
            assertEquals(200, rstore.send("GET", "api/rstore/todos", null, HEADER, c.label()).status(), c.label());
            var created = createTodo("served " + c.label(), c.label());
            assertEquals(200, created.status(), c.label() + ": " + created);
            assertEquals(1, todosTitled("served " + c.label()));
        }
    }

    @Test
    void incompatibleClientsAreRefusedOverBothTransports() throws Exception {
        for (Case c : INCOMPATIBLE) {
            JsonObject description = client(c);
            assertInit(description.toString(), false, c.label() + " (full)");
            assertInit("\"" + c.label() + "\"", false, c.label() + " (version only)");
            assertRefused(postSchema(description.toString()), c.kind(), c.label(), c.label() + " POST _schema");
            assertRefused(rstore.send("GET", "api/rstore/todos", null, HEADER, c.label()), c.kind(), c.label(),
                    c.label() + " list");
            assertRefused(createTodo("refused " + c.label(), c.label()), c.kind(), c.label(), c.label() + " create");
            assertEquals(0, todosTitled("refused " + c.label()), c.label() + ": a refused create writes nothing");
        }
    }

    @Test
    void everyRstoreRouteIsGuardedButTheSchemaRoutes() throws Exception {
        Case stale = INCOMPATIBLE.get(INCOMPATIBLE.size() - 1);
        assertEquals(409, postSchema(client(stale).toString()).status());
        String label = stale.label();
        int id = rstore.post("api/rstore/todos", sj("{\"title\":\"kept\"}")).object().getInt("id");
        String kind = stale.kind();
        assertRefused(rstore.send("GET", "api/rstore/todos/" + id, null, HEADER, label), kind, label, "get");
        assertRefused(rstore.sendJson("PATCH", "api/rstore/todos/" + id, sj("{\"title\":\"changed\"}"), HEADER, label),
                kind, label, "patch");
        assertRefused(rstore.send("DELETE", "api/rstore/todos/" + id, null, HEADER, label), kind, label, "delete");
        assertRefused(rstore.sendJson("POST", "api/rstore/_batch", sj("{\"operations\":[{\"type\":\"create\","
                + "\"collection\":\"todos\",\"item\":{\"title\":\"batched\"}}]}"), HEADER, label), kind, label, "batch");
        assertEquals(1, todosTitled("kept"), "neither patched nor deleted");
        assertEquals(0, todosTitled("changed"));
        assertEquals(0, todosTitled("batched"), "the refused batch wrote nothing");
        assertEquals("HTTP/1.1 409 " + NOT_SUPPORTED, rstore.statusLine("api/rstore/todos", HEADER, label),
                "the reason phrase is the statusMessage");

        var schema = rstore.send("GET", "api/rstore/_schema", null, HEADER, label);
        assertEquals(200, schema.status(), "a stale client can always fetch the new schema");
        assertEquals(server(), schema.object());
        assertEquals(200, postSchema(server().toString(), HEADER, label).status(), "and check a new one");
        assertNotEquals(409, rstore.send("GET", "api/rstore/_schema.ts", null, HEADER, label).status(),
                "_schema.ts is not guarded either");
    }

    @Test
    void theServersOwnSchemaAndDescriptionsWithoutAVersion() throws Exception {
        JsonObject own = server();
        String version = own.getString("version");
        assertInit(own.toString(), true, "full");
        assertInit("\"" + version + "\"", true, "version string");
        assertInit("{\"version\":\"" + version + "\"}", true, "{version}");
        assertEquals(200, rstore.send("GET", "api/rstore/todos", null, HEADER, version).status());
        var check = postSchema(own.toString());
        assertEquals(version, check.object().getString("clientVersion"));

        JsonObject unnamed = Json.createPatchBuilder().remove("/version").remove("/collections/todos/columns/title")
                .build().apply(own);
        var refused = postSchema(unnamed.toString());
        assertEquals(409, refused.status(), refused.toString());
        String contentVersion = refused.object().getJsonObject("data").getString("clientVersion");
        assertTrue(contentVersion.matches("[0-9a-f]{16}") && !contentVersion.equals(version), contentVersion);
        assertRefused(rstore.send("GET", "api/rstore/todos", null, HEADER, contentVersion), "new-required-column",
                contentVersion, "known by its content's version");
        assertInit("{\"version\":\"" + contentVersion + "\"}", false, "{version} of a refused description");
    }

    @Test
    void unknownVersionsAreRefused() throws Exception {
        assertRefused(rstore.send("GET", "api/rstore/todos", null, HEADER, "never-shown"), "unknown-version",
                "never-shown", "header");
        assertInit("\"never-shown\"", false, "init with an unknown version");
        assertInit("{\"version\":\"never-shown\"}", false, "init with an unknown {version}");
        assertInit("{\"collections\":7}", false, "init with a malformed description");
    }

    @Test
    void clientsThatAnnounceNothingAreServedAsBefore() throws Exception {
        assertEquals(200, rstore.get("api/rstore/todos", null).status());
        assertEquals(200, rstore.post("api/rstore/todos", sj("{\"title\":\"plain\"}")).status());
        assertEquals(200, rstore.send("GET", "api/rstore/todos", null, HEADER, " ").status(), "a blank header");
        try (WsClient ws = new WsClient(base)) {
            assertEquals(ACK, ws.send("{\"init\":{\"clientId\":\"plain\",\"v\":2}}").next());
        }
        assertInit("null", true, "schema: null");
    }

    @Test
    void malformedDescriptionsAreBadRequests() {
        var notJson = postSchema("{not json");
        assertEquals(400, notJson.status(), notJson.toString());
        assertEquals("Invalid request body", notJson.statusMessage());
        assertEquals(400, notJson.object().getInt("statusCode"));
        assertTrue(notJson.object().getString("url").endsWith("/api/rstore/_schema"));
        for (String body : List.of("\"v1\"", "[]", "{\"version\":\"v\"}", "{\"collections\":[]}",
                "{\"collections\":{\"todos\":{\"columns\":{}}}}",
                "{\"collections\":{\"todos\":{\"primaryKey\":[\"id\"],\"columns\":{\"id\":{\"type\":1}}}}}")) {
            var reply = postSchema(body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertEquals("Invalid schema description", reply.statusMessage(), body);
            assertTrue(reply.object().getJsonObject("data").getString("reason").length() > 5, body);
        }
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.assertError;
import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.it.probe.JmsProbeResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The WAR on WildFly full (Hibernate, Undertow, WildFly's own H2 default datasource, embedded
 * Artemis): the REST routes, the error format with its reason phrase, MicroProfile Config, a
 * realtime round trip, and the container's JMS from inside the WAR.
 */
@OnWildFly
class RealtimeWildFlyIT extends DeployedRivulet {

    /**
     * The WAR as users deploy it; its MicroProfile Config file lowers a limit and switches on the
     * example's hook recipes (their caller comes from the request).
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portable("rivulet.war", Map.of("rivulet.limits.max-keys", "3", "rivulet.example.recipes", "true"),
                JmsProbeResource.class);
    }

    private JsonObject create(String collection, String json) {
        var reply = rstore.post("api/rstore/" + collection, sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private JsonArray list(String collection, String query) {
        var reply = rstore.get("api/rstore/" + collection, query == null ? null : sj(query));
        assertEquals(200, reply.status(), reply.toString());
        return reply.array();
    }


    /** MicroProfile Health on WildFly's management interface (the subsystem wildfly/configure.cli adds). */
    @Test
    void healthOnTheManagementInterface() throws Exception {
        String management = "http://127.0.0.1:" + System.getProperty("rivulet.it.wildfly.managementPort", "9990");
        var http = java.net.http.HttpClient.newHttpClient();
        for (String kind : List.of("ready", "live")) {
            var reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(management + "/health/" + kind))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), kind + ": " + reply.body());
            String expected = "ready".equals(kind) ? "rivulet-database" : "rivulet-realtime";
            assertTrue(reply.body().contains("\"" + expected + "\"") && !reply.body().contains("DOWN"),
                    kind + ": " + reply.body());
        }
    }

    @Test
    void createListGetPatchDeleteTodo() {
        TodoRoundTrip.run(rstore, "on WildFly");
    }

    @Test
    void whereIncludeAndCompoundKeys() {
        create("todos", "{\"title\":\"wf-b\"}");
        create("todos", "{\"title\":\"wf-a\",\"completed\":true}");
        create("todos", "{\"title\":\"other\"}");
        JsonArray rows = list("todos", "{\"where\":{\"operator\":\"and\",\"conditions\":[{\"operator\":\"like\","
                + "\"field\":\"title\",\"value\":\"wf-%\"},{\"operator\":\"eq\",\"field\":\"completed\",\"value\":false}]},"
                + "\"orderBy\":\"title.asc\"}");
        assertEquals(List.of("wf-b"), rows.stream().map(r -> r.asJsonObject().getString("title")).toList());
        create("todos", "{\"title\":\"100%\"}");
        assertEquals(1, list("todos", "{\"where\":{\"operator\":\"like\",\"field\":\"title\",\"value\":\"100\\\\%\"}}").size(),
                "backslash escapes in LIKE, as on PostgreSQL");

        int ann = create("users", "{\"name\":\"WF Ann\",\"email\":\"wf-ann@x.io\",\"settings\":{\"theme\":\"dark\"}}")
                .getInt("id");
        int post = create("posts", "{\"authorId\":" + ann + ",\"title\":\"Hibernate\"}").getInt("id");
        JsonObject user = rstore.get("api/rstore/users/" + ann, sj("{\"include\":{\"posts\":true}}")).object();
        assertEquals("dark", user.getJsonObject("settings").getString("theme"), "the JSON converter");
        assertEquals(List.of(post), user.getJsonArray("posts").stream()
                .map(p -> p.asJsonObject().getInt("id")).toList());

        assertError(rstore.post("api/rstore/teams", sj("{\"name\":\"WF\"}")), 401, "Unauthorized");
        var created = rstore.sendJson("POST", "api/rstore/teams", sj("{\"name\":\"WF\"}"), "x-example-user",
                String.valueOf(ann));
        assertEquals(200, created.status(), created.toString());
        int team = created.object().getInt("id");
        String key = team + "::" + ann;
        var membership = rstore.get("api/rstore/teamsToUsers/" + key, null);
        assertEquals(200, membership.status(), membership.toString());
        assertEquals("owner", membership.object().getString("role"), "the recipe made the caller the owner");
        assertEquals(1, list("teamsToUsers", "{\"keys\":[\"" + key + "\"]}").size());
        var patched = rstore.patch("api/rstore/teamsToUsers/" + key, sj("{\"role\":\"admin\"}"));
        assertEquals("admin", patched.object().getString("role"), patched.toString());
        assertEquals(200, rstore.delete("api/rstore/teamsToUsers/" + key).status());
        assertEquals(204, rstore.get("api/rstore/teamsToUsers/" + key, null).status());
    }

    @Test
    void errorsCarryTheStatusMessageAsReasonPhraseOnUndertow() {
        assertError(rstore.get("api/rstore/nope", null), 404, "Table not found for collection nope");
        assertEquals("HTTP/1.1 404 Table not found for collection nope", rstore.statusLine("api/rstore/nope"));
        assertError(rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"foo\"}}")), 400, "Invalid filter");
        assertError(rstore.post("api/rstore/users", sj("{\"name\":\"x\",\"email\":\"x@x.io\",\"nope\":1}")), 400,
                "Unknown field nope in collection users");
        assertError(rstore.post("api/rstore/posts", sj("{\"authorId\":987654321,\"title\":\"orphan\"}")), 409,
                "Foreign key constraint violated in collection posts");
        assertError(rstore.get("api/rstore/todos", sj("{\"keys\":[1,2,3,4]}")), 400, "Too many keys (max 3)");
        assertError(rstore.post("api/rstore/todos", sj("{\"id\":987654,\"title\":\"offline\"}")), 400,
                "Field id of collection todos is generated by the server");
    }

    /** The read scope on Hibernate: two callers' peers, one scope statement with a flag per caller. */
    @Test
    void changesReachOnlyTheCallersInScope() throws Exception {
        int ann = create("users", "{\"name\":\"ann\",\"email\":\"ann@scope.wf\"}").getInt("id");
        int bob = create("users", "{\"name\":\"bob\",\"email\":\"bob@scope.wf\"}").getInt("id");
        var team = rstore.sendJson("POST", "api/rstore/teams", sj("{\"name\":\"ann's\"}"), "x-example-user",
                String.valueOf(ann));
        assertEquals(200, team.status(), team.toString());
        try (WsClient annPeer = projectsPeer("ann-wf", ann); WsClient bobPeer = projectsPeer("bob-wf", bob)) {
            var project = rstore.sendJson("POST", "api/rstore/projects", sj("{\"teamId\":" + team.object().getInt("id")
                    + ",\"name\":\"p\"}"), "x-example-user", String.valueOf(ann));
            assertEquals(200, project.status(), project.toString());
            assertEquals(project.object(), annPeer.nextJson().getJsonObject("update").getJsonObject("record"));
            int id = project.object().getInt("id");
            var renamed = rstore.sendJson("PATCH", "api/rstore/projects/" + id, sj("{\"name\":\"q\"}"),
                    "x-example-user", String.valueOf(ann));
            assertEquals(200, renamed.status(), renamed.toString());
            assertEquals(renamed.object(), annPeer.nextJson().getJsonObject("update").getJsonObject("record"));
            JsonObject keyOnly = bobPeer.nextJson().getJsonObject("update");
            assertEquals("deleted", keyOnly.getString("type"), "bob's only frame: the key of a row he may hold");
            assertEquals(jakarta.json.Json.createObjectBuilder().add("id", id).build(), keyOnly.getJsonObject("record"));
            assertNull(bobPeer.quiet(500), "nothing of ann's team reached bob");
        }
    }

    private WsClient projectsPeer(String clientId, int user) throws Exception {
        WsClient ws = new WsClient(base, "x-example-user", String.valueOf(user));
        ws.send("{\"init\":{\"clientId\":\"" + clientId + "\",\"v\":2}}");
        assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next());
        return ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"projects\"}}").sync();
    }

    @Test
    void aSubscriberGetsTheCreatedUpdate() throws Exception {
        try (WsClient ws = WsClient.subscribed(base, "wf", "todos")) {
            JsonObject todo = create("todos", "{\"title\":\"realtime on WildFly\"}");
            JsonObject update = ws.nextJson().getJsonObject("update");
            assertEquals("created", update.getString("type"));
            assertEquals(String.valueOf(todo.getInt("id")), update.getString("key"));
            assertEquals(todo, update.getJsonObject("record"));
        }
    }

    @Test
    void aFrameOverTheLimitClosesTheConnection() throws Exception {
        try (WsClient ws = new WsClient(base)) {
            ws.send("{\"x\":\"" + "y".repeat(70_000) + "\"}");
            assertEquals(1009, ws.closed.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theContainersJmsWorksFromInsideTheWar() {
        assertEquals(204, rstore.post("api/test/jms/listen", "").status());
        assertEquals(204, rstore.post("api/test/jms/send", "hello topic").status());
        var received = rstore.get("api/test/jms/next", null);
        assertEquals(200, received.status(), received.toString());
        assertEquals("hello topic", received.body());
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/rstore/_batch} (PROTOCOL §5): envelopes, per-operation errors, hooks, folded reads. */
@RivuletIT
class BatchIT extends DeployedRivulet {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    private RstoreClient.Reply batch(String body, String... headers) {
        return rstore.sendJson("POST", "api/rstore/_batch", body, headers);
    }

    private JsonArray results(RstoreClient.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonObject envelope = reply.object();
        assertTrue(envelope.containsKey("json"), "a SuperJSON envelope: " + reply.body());
        return envelope.getJsonObject("json").getJsonArray("results");
    }

    private int create(String collection, String json) {
        var reply = rstore.post("api/rstore/" + collection, sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object().getInt("id");
    }

    private static void assertFailure(JsonObject result, int status, String message) {
        assertEquals(false, result.getBoolean("ok"), result.toString());
        assertEquals(status, result.getInt("statusCode"), result.toString());
        assertEquals(message, result.getString("statusMessage"));
        assertEquals(message, result.getString("error"));
    }

    @Test
    void theVerifiedSuperJsonExampleOnTodos() {
        int one = create("todos", "{\"title\":\"a\"}");
        int two = create("todos", "{\"title\":\"b\"}");
        int three = create("todos", "{\"title\":\"c\"}");
        String body = "{\"json\":{\"operations\":[{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + one
                + "\",\"searchQuery\":{\"include\":null}},{\"type\":\"create\",\"collection\":\"todos\",\"item\":{\"title\":"
                + "\"a\",\"createdAt\":\"2025-01-01T00:00:00.000Z\"}},{\"type\":\"update\",\"collection\":\"todos\",\"key\":\""
                + two + "\",\"item\":{\"completed\":true}},{\"type\":\"delete\",\"collection\":\"todos\",\"key\":\"" + three
                + "\"}]},\"meta\":{\"values\":{\"operations.0.searchQuery.include\":[\"undefined\"],"
                + "\"operations.1.item.createdAt\":[\"Date\"]},\"v\":1}}";
        var reply = batch(body, "x-rstore-client-id", "deb50bd3-03d1-428e-a69c-d428ef05d62e");
        JsonArray results = results(reply);
        assertEquals(4, results.size());
        results.forEach(r -> assertTrue(r.asJsonObject().getBoolean("ok"), r.toString()));
        assertEquals(one, results.getJsonObject(0).getJsonObject("result").getInt("id"));
        assertEquals("2025-01-01T00:00:00.000Z", results.getJsonObject(1).getJsonObject("result").getString("createdAt"));
        assertTrue(results.getJsonObject(2).getJsonObject("result").getBoolean("completed"));
        assertEquals(three, results.getJsonObject(3).getJsonObject("result").getInt("id"));
        JsonObject values = reply.object().getJsonObject("meta").getJsonObject("values");
        assertEquals("[\"Date\"]", values.get("results.1.result.createdAt").toString(), "dates are SuperJSON dates");
        assertEquals(204, rstore.get("api/rstore/todos/" + three, null).status());
    }

    @Test
    void theCapturedClientBatch() {
        // the capture's fixed keys, whatever the shared server's database holds
        var fixtures = List.of(rstore.put("users", "1", "{\"id\":1,\"name\":\"Ann\",\"email\":\"a@b.io\"}"),
                rstore.put("users", "5", "{\"id\":5,\"name\":\"Eve\",\"email\":\"e@b.io\"}"),
                rstore.put("posts", "10", "{\"id\":10,\"authorId\":1,\"title\":\"Hi\"}"));
        fixtures.forEach(f -> assertEquals(200, f.status(), f.toString()));
        CapturedRequest captured = CapturedRequest.load("rest-wire-capture.txt").get(11);
        JsonArray results = results(captured.replay(rstore));
        assertEquals(5, results.size());
        // writes run first, in array order; reads see them
        assertEquals("X", results.getJsonObject(0).getJsonObject("result").getString("name"));
        assertEquals(1, results.getJsonObject(1).getJsonObject("result").getJsonObject("author").getInt("id"));
        assertFailure(results.getJsonObject(2), 400, "Missing required field email in collection users");
        assertEquals("X", results.getJsonObject(3).getJsonObject("result").getString("name"));
        assertEquals(5, results.getJsonObject(4).getJsonObject("result").getInt("id"));
    }

    @Test
    void perOperationErrorsLeaveTheirSiblingsAlone() {
        int todo = create("todos", "{\"title\":\"keep\"}");
        int team = create("teams", "{\"name\":\"T\"}");
        int user = create("users", "{\"name\":\"U\",\"email\":\"u@batch.io\"}");
        String ops = String.join(",",
                "{\"type\":\"fetchFirst\",\"collection\":\"nope\",\"key\":\"1\"}",
                "{\"type\":\"create\",\"collection\":\"todos\",\"item\":{\"id\":" + todo + ",\"title\":\"dup\"}}",
                "{\"type\":\"update\",\"collection\":\"todos\",\"key\":\"abc\",\"item\":{\"title\":\"x\"}}",
                "{\"type\":\"upsert\",\"collection\":\"todos\",\"key\":\"1\"}",
                "{\"type\":\"create\",\"collection\":\"todos\",\"item\":{\"title\":\"fresh\"}}",
                "{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + todo + "\",\"searchQuery\":{}}",
                "{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"999999\"}",
                "{\"type\":\"update\",\"collection\":\"todos\",\"key\":\"999999\",\"item\":{\"title\":\"x\"}}",
                "{\"type\":\"create\",\"collection\":\"teamsToUsers\",\"item\":{\"teamId\":" + team + ",\"userId\":" + user
                        + "}}",
                "{\"type\":\"fetchFirst\",\"collection\":\"teamsToUsers\",\"key\":\"" + team + "::" + user + "\"}",
                "{\"type\":\"update\",\"collection\":\"teamsToUsers\",\"key\":\"" + team + "::" + user
                        + "\",\"item\":{\"role\":\"admin\"}}",
                "{\"type\":\"fetchFirst\",\"collection\":\"teamsToUsers\",\"key\":\"" + team + "\"}",
                "{\"type\":\"create\",\"collection\":\"users\",\"item\":{\"name\":\"H\",\"email\":\"h@batch.io\","
                        + "\"passwordHash\":\"x\"}}",
                "42");
        JsonArray results = results(batch(sj("{\"operations\":[" + ops + "]}")));
        assertEquals(14, results.size());
        assertFailure(results.getJsonObject(0), 404, "Table not found for collection nope");
        assertFailure(results.getJsonObject(1), 409, "Item already exists in collection todos");
        assertFailure(results.getJsonObject(2), 400, "Invalid key abc for collection todos");
        assertFailure(results.getJsonObject(3), 400, "Unknown batch operation type: upsert");
        assertEquals("fresh", results.getJsonObject(4).getJsonObject("result").getString("title"));
        assertEquals("keep", results.getJsonObject(5).getJsonObject("result").getString("title"));
        assertEquals(JsonValue.NULL, results.getJsonObject(6).get("result"));
        assertEquals(JsonValue.NULL, results.getJsonObject(7).get("result"));
        assertTrue(results.getJsonObject(8).getBoolean("ok"));
        assertEquals("admin", results.getJsonObject(9).getJsonObject("result").getString("role"));
        assertEquals("admin", results.getJsonObject(10).getJsonObject("result").getString("role"));
        assertFailure(results.getJsonObject(11), 400, "Invalid key " + team + " for collection teamsToUsers");
        assertFailure(results.getJsonObject(12), 400, "Unknown field passwordHash in collection users");
        assertFailure(results.getJsonObject(13), 400, "Invalid batch operation");
    }

    @Test
    void limitsAndBadRequests() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "{\"type\":\"fetchFirst\",\"collection\":\"todos\","
                + "\"key\":\"" + (i + 1) + "\"}").collect(Collectors.joining(","));
        assertEquals(100, results(batch(sj("{\"operations\":[" + hundred + "]}"))).size());
        var tooMany = batch(sj("{\"operations\":[" + hundred + ",{\"type\":\"delete\",\"collection\":\"todos\","
                + "\"key\":\"1\"}]}"));
        assertEquals(400, tooMany.status());
        assertEquals("Too many operations in batch (max 100)", tooMany.statusMessage());
        for (String bad : List.of(sj("{}"), sj("{\"operations\":{}}"), "{\"operations\":[]}", "{broken", sj("[]"))) {
            var reply = batch(bad);
            assertEquals(400, reply.status(), bad);
            assertEquals("Invalid batch request", reply.statusMessage(), bad);
        }
        assertEquals(0, results(batch(sj("{\"operations\":[]}"))).size());
    }

    @Test
    void hooksFirePerOperation() {
        rstore.send("DELETE", "api/test/hooks", null);
        int todo = create("todos", "{\"title\":\"h\"}");
        batch(sj("{\"operations\":[{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + todo + "\"},"
                + "{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + todo + "\"},"
                + "{\"type\":\"update\",\"collection\":\"todos\",\"key\":\"" + todo + "\",\"item\":{\"completed\":true}}]}"),
                "x-test-record", "b");
        List<String> seen = List.of(rstore.get("api/test/hooks", null).body().split("\n"));
        assertEquals(2, seen.stream().filter(s -> s.startsWith("global item.get.before")).count());
        assertEquals(2, seen.stream().filter(s -> s.startsWith("global item.get.after")).count());
        assertEquals(1, seen.stream().filter(s -> s.startsWith("global item.patch.before")).count());
        assertEquals(1, seen.stream().filter(s -> s.startsWith("global item.patch.after")).count());
        var aborted = results(batch(sj("{\"operations\":[{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\""
                + todo + "\"}]}"), "x-test-record", "b", "x-test-abort", "No reading"));
        assertFailure(aborted.getJsonObject(0), 409, "No reading");
    }

    @Test
    void aHundredReadsOverTwoCollectionsFoldIntoTwoStatements() {
        List<Integer> todos = IntStream.range(0, 50).mapToObj(i -> create("todos", "{\"title\":\"f" + i + "\"}")).toList();
        List<Integer> labels = IntStream.range(0, 50).mapToObj(i -> create("labels", "{\"name\":\"l" + i + "\"}")).toList();
        String ops = IntStream.range(0, 100).mapToObj(i -> "{\"type\":\"fetchFirst\",\"collection\":\""
                + (i % 2 == 0 ? "todos" : "labels") + "\",\"key\":\"" + (i % 2 == 0 ? todos : labels).get(i / 2)
                + "\",\"searchQuery\":{\"include\":null}}").collect(Collectors.joining(","));
        rstore.send("DELETE", "api/test/statements", null);
        JsonArray results = results(batch("{\"json\":{\"operations\":[" + ops + "]},\"meta\":{\"values\":{"
                + IntStream.range(0, 100).mapToObj(i -> "\"operations." + i + ".searchQuery.include\":[\"undefined\"]")
                        .collect(Collectors.joining(",")) + "},\"v\":1}}"));
        long statements = Long.parseLong(rstore.send("DELETE", "api/test/statements", null).body());
        assertTrue(statements <= 2, "100 fetchFirst over 2 collections ran " + statements + " statements");
        for (int i = 0; i < 100; i++) {
            JsonObject result = results.getJsonObject(i).getJsonObject("result");
            assertEquals((i % 2 == 0 ? todos : labels).get(i / 2), result.getInt("id"));
            assertFalse(result.containsKey(i % 2 == 0 ? "name" : "title"));
        }
    }

    /** Hostile operations (issue 14) each fail alone with their own 400, next to a read they fold with, and write nothing. */
    @Test
    void hostileOperationsFailAloneAndWriteNothing() {
        int todo = create("todos", "{\"title\":\"steady\"}");
        JsonObject before = rstore.get("api/rstore/todos/" + todo, null).object();
        String fetch = "{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + todo + "\",";
        String update = "{\"type\":\"update\",\"collection\":\"todos\",\"key\":\"" + todo + "\"";
        String ops = String.join(",",
                fetch + "\"searchQuery\":{\"where\":{\"operator\":\"regex\",\"field\":\"title\",\"value\":\".\"}}}",
                fetch + "\"searchQuery\":{}}",
                update + ",\"item\":null}",
                update + "}",
                update + ",\"item\":{\"title\":\"\\ud800\"}}",
                "{\"type\":\"create\",\"collection\":\"todos\",\"item\":{\"title\":\"\\udc00\"}}",
                "{\"type\":\"fetchFirst\",\"collection\":\"todos\",\"key\":\"" + todo + "\\u0000\"}");
        JsonArray results = results(batch(sj("{\"operations\":[" + ops + "]}")));
        assertEquals(7, results.size());
        assertFailure(results.getJsonObject(0), 400, "Invalid filter");
        assertEquals("steady", results.getJsonObject(1).getJsonObject("result").getString("title"), "its neighbour reads");
        assertFailure(results.getJsonObject(2), 400, "Invalid request body");
        assertFailure(results.getJsonObject(3), 400, "Invalid request body");
        assertFailure(results.getJsonObject(4), 400, "Invalid value for field title in collection todos");
        assertFailure(results.getJsonObject(5), 400, "Invalid value for field title in collection todos");
        assertFailure(results.getJsonObject(6), 400, "Invalid key " + todo + "\u0000 for collection todos");
        assertEquals(before, rstore.get("api/rstore/todos/" + todo, null).object(), "the row unchanged, updatedAt too");
        var stored = rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\","
                + "\"value\":\"?\"}}"));
        assertEquals(200, stored.status(), stored.toString());
        assertEquals(0, stored.array().size(), "no surrogate was stored as ?");
    }
}

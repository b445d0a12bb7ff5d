package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Realtime delivers what the caller could read through REST (issue 13): the example's projects,
 * scoped to the caller's teams by a {@code transformQuery} subquery (checked with a query after
 * the commit), the test hooks' in-memory scope on todos, the opt-out, binary frames.
 */
@OncePerSuite.OnPostgresql
@RivuletIT
class RealtimeScopeIT extends DeployedRivulet {

    private static final String V2 = "{\"init\":{\"clientId\":\"%s\",\"v\":2}}";
    private static final String ACK = "{\"init\":{\"ok\":true,\"v\":2}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet(Map.of("rivulet.example.recipes", "true",
                "rivulet.realtime.unscoped-collections", "labels, posts"));
    }

    private JsonObject write(String method, String path, String json, String... headers) {
        var reply = rstore.sendJson(method, "api/rstore/" + path, json == null ? null : sj(json), headers);
        assertEquals(200, reply.status(), reply.toString());
        return "DELETE".equals(method) ? null : reply.object();
    }

    private int user(String name) {
        return write("POST", "users", "{\"name\":\"" + name + "\",\"email\":\"" + name + System.nanoTime()
                + "@scope.io\"}").getInt("id");
    }

    /** A team whose creator becomes its member (the example's automatic query). */
    private int team(int owner) {
        return write("POST", "teams", "{\"name\":\"team of " + owner + "\"}", "x-example-user", String.valueOf(owner))
                .getInt("id");
    }

    private JsonObject project(int caller, int team, String name) {
        return write("POST", "projects", "{\"teamId\":" + team + ",\"name\":\"" + name + "\"}", "x-example-user",
                String.valueOf(caller));
    }

    private void join(int team, int user) {
        write("POST", "teamsToUsers", "{\"teamId\":" + team + ",\"userId\":" + user + ",\"role\":\"member\"}");
    }

    /** A v2 peer subscribed to whole collections, with the given upgrade headers. */
    private WsClient peer(String clientId, List<String> collections, String... headers) throws Exception {
        WsClient ws = new WsClient(base, headers).send(String.format(V2, clientId));
        assertEquals(ACK, ws.next());
        for (String collection : collections) {
            ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"" + collection + "\"}}");
        }
        return ws.sync();
    }

    private WsClient projectsPeer(String clientId, int user) throws Exception {
        return peer(clientId, List.of("projects"), "x-example-user", String.valueOf(user));
    }

    private static JsonObject update(WsClient ws) throws InterruptedException {
        return ws.nextJson().getJsonObject("update");
    }

    private static void assertFrame(WsClient ws, String type, JsonObject record) throws InterruptedException {
        JsonObject update = update(ws);
        assertEquals(type, update.getString("type"), update.toString());
        assertEquals(String.valueOf(record.getInt("id")), update.getString("key"));
        assertEquals(record, update.getJsonObject("record"));
    }

    private static void assertKeyOnlyDelete(WsClient ws, int id) throws InterruptedException {
        JsonObject update = update(ws);
        assertEquals("deleted", update.getString("type"), update.toString());
        assertEquals(String.valueOf(id), update.getString("key"));
        assertEquals(jakarta.json.Json.createObjectBuilder().add("id", id).build(), update.getJsonObject("record"),
                "only the key fields");
        assertFalse(update.containsKey("originClientId"));
    }

    @Test
    void queriedScopeCreatedUpdatedLeavingBatchAndDeleted() throws Exception {
        int ann = user("ann");
        int bob = user("bob");
        int annTeam = team(ann);
        int bobTeam = team(bob);
        try (WsClient annPeer = projectsPeer("ann-1", ann); WsClient bobPeer = projectsPeer("bob-1", bob);
             WsClient anonymous = peer("anon", List.of("projects"))) {
            JsonObject annProject = project(ann, annTeam, "ann's");
            assertFrame(annPeer, "created", annProject);
            JsonObject bobProject = project(bob, bobTeam, "bob's");
            assertFrame(bobPeer, "created", bobProject);

            JsonObject renamed = write("PATCH", "projects/" + annProject.getInt("id"), "{\"name\":\"renamed\"}",
                    "x-example-user", String.valueOf(ann));
            assertFrame(annPeer, "updated", renamed);
            // a query cannot tell whether the previous row was in bob's scope: he may hold it, so he
            // learns its key (and nothing else) to drop it
            assertKeyOnlyDelete(bobPeer, annProject.getInt("id"));

            // bob joins ann's team for a moment: ann moves her project into bob's team
            join(bobTeam, ann);
            JsonObject moved = write("PATCH", "projects/" + annProject.getInt("id"), "{\"teamId\":" + bobTeam + "}",
                    "x-example-user", String.valueOf(ann));
            assertFrame(annPeer, "updated", moved);
            assertFrame(bobPeer, "updated", moved);
            write("DELETE", "teamsToUsers/" + bobTeam + "::" + ann, null);
            write("PATCH", "projects/" + annProject.getInt("id"), "{\"name\":\"now bob's only\"}", "x-example-user",
                    String.valueOf(bob));
            assertKeyOnlyDelete(annPeer, annProject.getInt("id"));
            assertEquals("now bob's only", update(bobPeer).getJsonObject("record").getString("name"));

            var batch = rstore.sendJson("POST", "api/rstore/_batch", sj("{\"operations\":["
                    + "{\"type\":\"create\",\"collection\":\"projects\",\"item\":{\"teamId\":" + bobTeam
                    + ",\"name\":\"b1\"}},{\"type\":\"create\",\"collection\":\"projects\",\"item\":{\"teamId\":"
                    + bobTeam + ",\"name\":\"b2\"}}]}"), "x-example-user", String.valueOf(bob));
            assertEquals(200, batch.status(), batch.toString());
            assertEquals("b1", update(bobPeer).getJsonObject("record").getString("name"));
            assertEquals("b2", update(bobPeer).getJsonObject("record").getString("name"));

            write("DELETE", "projects/" + bobProject.getInt("id"), null, "x-example-user", String.valueOf(bob));
            // a deleted row cannot be queried any more: every matching peer gets its key only
            assertKeyOnlyDelete(bobPeer, bobProject.getInt("id"));
            assertKeyOnlyDelete(annPeer, bobProject.getInt("id"));

            JsonObject last = project(ann, annTeam, "last");
            assertFrame(annPeer, "created", last);
            assertNull(annPeer.quiet(500), "ann got nothing of bob's team");
            assertNull(bobPeer.quiet(100), "bob got nothing of ann's team");
            assertNull(anonymous.quiet(100), "the hooks refuse a caller without a user (401): nothing at all");
        }
    }

    @Test
    void concurrentHandshakesKeepTheirOwnCaller() throws Exception {
        int carol = user("carol");
        int dave = user("dave");
        int carolTeam = team(carol);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<WsClient>> opening = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int user = i % 2 == 0 ? carol : dave;
            String clientId = "concurrent-" + i;
            opening.add(pool.submit((Callable<WsClient>) () -> projectsPeer(clientId, user)));
        }
        List<WsClient> peers = new ArrayList<>();
        try {
            for (Future<WsClient> future : opening) {
                peers.add(future.get());
            }
            JsonObject project = project(carol, carolTeam, "carol's");
            for (int i = 0; i < peers.size(); i += 2) {
                assertFrame(peers.get(i), "created", project);
            }
            for (int i = 1; i < peers.size(); i += 2) {
                assertNull(peers.get(i).quiet(i == 1 ? 500 : 10), "peer " + i + " is dave's");
            }
        } finally {
            peers.forEach(WsClient::close);
            pool.shutdownNow();
        }
    }

    /**
     * One scope statement per change, whatever the number of peers and of distinct callers among
     * them (a flag per caller in one statement).
     */
    @Test
    void oneStatementPerChangeForAllCallers() throws Exception {
        int erin = user("erin");
        int frank = user("frank");
        int team = team(erin);
        join(team, frank);
        int id = project(erin, team, "counted").getInt("id");
        long alone = statementsOfARename(id, erin, List.of());
        List<WsClient> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                peers.add(projectsPeer("erin-" + i, erin));
            }
            long oneCaller = statementsOfARename(id, erin, peers);
            for (int i = 0; i < 3; i++) {
                peers.add(projectsPeer("frank-" + i, frank));
            }
            long twoCallers = statementsOfARename(id, erin, peers);
            System.out.println("scope statements per change: " + (oneCaller - alone) + " with one caller (3 peers), "
                    + (twoCallers - alone) + " with two callers (6 peers)");
            assertEquals(1, oneCaller - alone, "three peers of one caller: one scope statement");
            assertEquals(1, twoCallers - alone, "two callers: still one scope statement");
        } finally {
            peers.forEach(WsClient::close);
        }
    }

    private long statementsOfARename(int id, int caller, List<WsClient> peers) throws InterruptedException {
        rstore.send("DELETE", "api/test/statements", null);
        write("PATCH", "projects/" + id, "{\"name\":\"n" + System.nanoTime() + "\"}", "x-example-user",
                String.valueOf(caller));
        for (WsClient peer : peers) {
            assertEquals("updated", update(peer).getString("type"));
        }
        if (peers.isEmpty()) {
            Thread.sleep(300);
        }
        return Long.parseLong(rstore.get("api/test/statements", null).body());
    }

    @Test
    void inMemoryScopeNeedsNoQueryAndKnowsWhereARowCameFrom() throws Exception {
        try (WsClient ws = peer("memory", List.of("todos"), "x-test-memory-scope", "in-")) {
            JsonObject inside = write("POST", "todos", "{\"title\":\"in-1\"}");
            assertFrame(ws, "created", inside);
            JsonObject outside = write("POST", "todos", "{\"title\":\"out-1\"}");
            JsonObject renamed = write("PATCH", "todos/" + inside.getInt("id"), "{\"title\":\"in-2\"}");
            assertFrame(ws, "updated", renamed);
            write("PATCH", "todos/" + inside.getInt("id"), "{\"title\":\"out-2\"}");
            assertKeyOnlyDelete(ws, inside.getInt("id"));
            write("PATCH", "todos/" + outside.getInt("id"), "{\"title\":\"out-3\"}");
            write("DELETE", "todos/" + outside.getInt("id"), null);
            write("POST", "todos", "{\"title\":\"filtered-out\"}");
            JsonObject deleted = write("POST", "todos", "{\"title\":\"in-deleted\"}");
            assertFrame(ws, "created", deleted);
            write("DELETE", "todos/" + deleted.getInt("id"), null);
            assertFrame(ws, "deleted", deleted);
            assertNull(ws.quiet(500), "rows outside, before and after, and the FILTER hook's rejection: nothing");
        }
        rstore.send("DELETE", "api/test/statements", null);
        long alone = statementsOfATodo(null);
        try (WsClient ws = peer("memory-count", List.of("todos"), "x-test-memory-scope", "in-")) {
            assertEquals(alone, statementsOfATodo(ws), "an in-memory scope costs no statement");
        }
    }

    private long statementsOfATodo(WsClient peer) throws InterruptedException {
        rstore.send("DELETE", "api/test/statements", null);
        write("POST", "todos", "{\"title\":\"in-counted\"}");
        if (peer != null) {
            assertEquals("created", update(peer).getString("type"));
        } else {
            Thread.sleep(300);
        }
        return Long.parseLong(rstore.get("api/test/statements", null).body());
    }

    @Test
    void unscopedCollectionsReachEveryPeer() throws Exception {
        int author = user("public");
        try (WsClient ws = peer("unscoped", List.of("posts", "todos"), "x-test-record", "u",
                "x-test-scope", "in-")) {
            write("POST", "todos", "{\"title\":\"out-todo\"}");
            JsonObject post = write("POST", "posts", "{\"authorId\":" + author + ",\"title\":\"out-post\"}");
            assertFrame(ws, "created", post);
            JsonObject todo = write("POST", "todos", "{\"title\":\"in-todo\"}");
            assertFrame(ws, "created", todo);
            assertNull(ws.quiet(300));
        }
    }

    @Test
    void binaryFramesAreIgnored() throws Exception {
        try (WsClient ws = new WsClient(base)) {
            ws.sendBinary(new byte[] {1, 2, 3}).sendBinary(new byte[0]).sendBinary(new byte[70_000]);
            assertEquals("pong", ws.send("ping").next(), "the connection stays open");
            assertFalse(ws.closed.isDone());
        }
    }
}

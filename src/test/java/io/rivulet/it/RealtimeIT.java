package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rstore realtime protocol (PROTOCOL §7) with real WebSocket clients. */
@OncePerSuite.OnH2
@RivuletIT
class RealtimeIT extends DeployedRivulet {

    private static final String V2 = "{\"init\":{\"clientId\":\"%s\",\"v\":2}}";

    /** A small send queue, subscription limit and frame rate, so that the limits show within the tests. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet(java.util.Map.of("rivulet.realtime.max-queued-frames", "50",
                "rivulet.realtime.max-subscriptions", "5", "rivulet.realtime.max-frames-per-second", "20",
                "rivulet.realtime.frame-burst", "40"));
    }

    private WsClient v2(String clientId) throws Exception {
        WsClient ws = new WsClient(base).send(String.format(V2, clientId));
        assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next());
        return ws;
    }

    private static String subscribe(String collection, String extra) {
        return "{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"" + collection + "\"" + extra + "}}";
    }

    private JsonObject post(String collection, String json, String... headers) {
        var reply = rstore.sendJson("POST", "api/rstore/" + collection, sj(json), headers);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    @Test
    void handshakePingAndVersions() throws Exception {
        try (WsClient ws = new WsClient(base)) {
            assertEquals("pong", ws.send("ping").next());
            ws.send("{not json").send("{\"what\":1}").send("[1,2]");
            assertEquals("pong", ws.send("ping").next(), "malformed frames are ignored, the connection stays");
            ws.send(String.format(V2, "c-1"));
            assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next());
        }
        try (WsClient ws = new WsClient(base)) {
            ws.send("{\"init\":{\"clientId\":\"c-2\",\"v\":3}}");
            assertEquals("{\"init\":{\"ok\":false,\"error\":\"unsupported-version\",\"v\":2}}", ws.next());
            assertEquals(1002, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (WsClient ws = new WsClient(base, "x-rstore-client-id", "c-3")) {
            assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next(), "the upgrade header binds the client id");
        }
    }

    @Test
    void publishedAndCurrentClientsOnOneNode() throws Exception {
        try (WsClient v1 = new WsClient(base); WsClient v2 = v2("v2-peer")) {
            v1.send(subscribe("todos", "")).sync();
            v2.send(subscribe("todos", "")).sync();
            JsonObject todo = post("todos", "{\"title\":\"realtime\"}");
            for (WsClient peer : new WsClient[] {v1, v2}) {
                JsonObject update = peer.nextJson().getJsonObject("update");
                assertEquals("todos", update.getString("collection"));
                assertEquals("created", update.getString("type"));
                assertEquals(String.valueOf(todo.getInt("id")), update.getString("key"), "key is a string");
                assertEquals(todo, update.getJsonObject("record"));
            }
            var deleted = rstore.delete("api/rstore/todos/" + todo.getInt("id"));
            assertEquals(200, deleted.status());
            JsonObject update = v1.nextJson().getJsonObject("update");
            assertEquals("deleted", update.getString("type"));
            assertEquals(String.valueOf(todo.getInt("id")), update.getString("key"));
            assertEquals("realtime", update.getJsonObject("record").getString("title"), "the pre-image");
            assertEquals("deleted", v2.nextJson().getJsonObject("update").getString("type"));
        }
    }

    @Test
    void keysWhereOverlapAndRowsLeavingAFilter() throws Exception {
        int id = post("todos", "{\"title\":\"watched\"}").getInt("id");
        int other = post("todos", "{\"title\":\"other\"}").getInt("id");
        try (WsClient ws = v2("filters")) {
            String open = ",\"where\":{\"operator\":\"eq\",\"field\":\"completed\",\"value\":false}";
            ws.send(subscribe("todos", open)).send(subscribe("todos", ",\"key\":" + id))
                    .send(subscribe("todos", ",\"key\":\"" + id + "\"")).sync();
            rstore.patch("api/rstore/todos/" + id, sj("{\"completed\":true}"));
            JsonObject update = ws.nextJson().getJsonObject("update");
            assertEquals("updated", update.getString("type"));
            assertTrue(update.getJsonObject("record").getBoolean("completed"));
            assertNull(ws.quiet(300), "one frame however many subscriptions match");
            rstore.patch("api/rstore/todos/" + other, sj("{\"completed\":true}"));
            assertEquals(String.valueOf(other), ws.nextJson().getJsonObject("update").getString("key"),
                    "the row left the filter: the client learns it");
            rstore.patch("api/rstore/todos/" + other, sj("{\"title\":\"still done\"}"));
            assertNull(ws.quiet(300), "neither the new nor the previous row matches");
            ws.send("{\"subscription\":{\"action\":\"unsubscribe\",\"collection\":\"todos\"" + open + "}}")
                    .send("{\"subscription\":{\"action\":\"unsubscribe\",\"collection\":\"todos\",\"key\":" + id + "}}")
                    .sync();
            rstore.patch("api/rstore/todos/" + id, sj("{\"title\":\"after unsubscribe\"}"));
            assertNull(ws.quiet(300));
        }
    }

    @Test
    void echoSuppressionForCreateUpdateAndDelete() throws Exception {
        try (WsClient origin = v2("tab-a"); WsClient other = v2("tab-b")) {
            origin.send(subscribe("todos", "")).sync();
            other.send(subscribe("todos", "")).sync();
            int id = post("todos", "{\"title\":\"mine\"}", "x-rstore-client-id", "tab-a").getInt("id");
            assertEquals("tab-a", other.nextJson().getJsonObject("update").getString("originClientId"));
            rstore.send("PATCH", "api/rstore/todos/" + id, sj("{\"completed\":true}"), "content-type",
                    "application/json", "x-rstore-client-id", "tab-a");
            assertEquals("updated", other.nextJson().getJsonObject("update").getString("type"));
            rstore.send("DELETE", "api/rstore/todos/" + id, null, "x-rstore-client-id", "tab-a");
            assertEquals("deleted", other.nextJson().getJsonObject("update").getString("type"));
            assertNull(origin.quiet(300), "the tab that made the changes gets none of them");
        }
    }

    @Test
    void onlyCommittedWritesArePublishedIncludingPlainJpaWrites() throws Exception {
        int id = post("todos", "{\"title\":\"app write\"}").getInt("id");
        try (WsClient ws = v2("jpa")) {
            ws.send(subscribe("todos", "")).sync();
            var failed = rstore.send("POST", "api/rstore/todos", sj("{\"title\":\"rolled back\"}"), "content-type",
                    "application/json", "x-test-record", "r", "x-test-after-fail", "1");
            assertEquals(422, failed.status());
            assertEquals(500, rstore.send("POST", "api/example/todos/" + id + "/complete?fail=true", null).status());
            assertNull(ws.quiet(500), "a rolled-back transaction publishes nothing");
            assertEquals(204, rstore.send("POST", "api/example/todos/" + id + "/complete", null).status());
            JsonObject update = ws.nextJson().getJsonObject("update");
            assertEquals("updated", update.getString("type"));
            assertTrue(update.getJsonObject("record").getBoolean("completed"));
        }
    }

    /** A comment (of a new user's new post) for the backpressure tests; its id. */
    private int comment(String email) {
        int author = post("users", "{\"name\":\"S\",\"email\":\"" + email + "\"}").getInt("id");
        int post = post("posts", "{\"authorId\":" + author + ",\"title\":\"p\"}").getInt("id");
        return post("comments", "{\"postId\":" + post + ",\"authorId\":" + author + ",\"body\":\"b\"}").getInt("id");
    }

    /** One _batch of 50 updates of the comment's body, numbered from {@code first}. */
    private void updateComment(int comment, String body, int first) {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            ops.append(i == 0 ? "" : ",").append("{\"type\":\"update\",\"collection\":\"comments\",\"key\":\"")
                    .append(comment).append("\",\"item\":{\"body\":\"").append(body).append(first + i).append("\"}}");
        }
        assertEquals(200, rstore.send("POST", "api/rstore/_batch", sj("{\"operations\":[" + ops + "]}"),
                "content-type", "application/json").status());
    }

    @Test
    void aStalledPeerDoesNotDelayAHealthyOne() throws Exception {
        int comment = comment("stall@x.io");
        int before = Integer.parseInt(awaitPeers("0"));
        try (WsClient stalled = new WsClient(base, true); WsClient healthy = v2("healthy")) {
            stalled.send(subscribe("comments", "")).send("ping");
            assertEquals("pong", stalled.next());
            healthy.send(subscribe("comments", "")).sync();
            String body = "x".repeat(3900);
            int updates = 30;
            for (int batch = 0; batch < updates; batch++) {
                updateComment(comment, body, batch * 50);
            }
            for (int i = 0; i < updates * 50; i++) {
                assertEquals("updated", healthy.nextJson().getJsonObject("update").getString("type"),
                        "update " + i + " reached the healthy peer");
            }
            assertEquals(Integer.toString(before + 2), rstore.get("api/test/statements/peers", null).body(),
                    "both peers are served");
        }
    }

    /**
     * A peer that reads nothing, behind a 4 KB receive window, so that its frames back up at the
     * server: once more than max-queued-frames (50) wait, it is closed and dropped (1008), and the
     * healthy peer still gets every update.
     */
    @Test
    void aPeerThatFallsTooFarBehindIsClosed() throws Exception {
        int comment = comment("overflow@x.io");
        // the peers of earlier tests (a stalled one's close can take a while) are gone first
        String before = awaitPeers("0");
        String expected = Integer.toString(Integer.parseInt(before) + 1);
        try (java.net.Socket stalled = new java.net.Socket(); WsClient healthy = v2("healthy-overflow")) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
            var out = stalled.getOutputStream();
            out.write(("GET " + path + "api/rstore-realtime/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] subscription = subscribe("comments", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] frame = new byte[6 + subscription.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | subscription.length); // masked, with the zero mask below
            System.arraycopy(subscription, 0, frame, 6, subscription.length);
            out.write(frame);
            out.flush();
            healthy.send(subscribe("comments", "")).sync();
            String body = "x".repeat(3900);
            int updates = 0;
            for (int batch = 0; batch < 120
                    && !expected.equals(rstore.get("api/test/statements/peers", null).body()); batch++) {
                updateComment(comment, body, updates);
                updates += 50;
                Thread.sleep(100);
            }
            for (int i = 0; i < updates; i++) {
                assertEquals("updated", healthy.nextJson().getJsonObject("update").getString("type"),
                        "update " + i + " reached the healthy peer");
            }
            // the close of a peer whose socket is full can take a moment (its close frame cannot be written)
            assertEquals(expected, awaitPeers(expected), "the peer that fell behind was closed and dropped");
        }
    }

    /** The number of this node's peers once it is {@code count}, or after 15 s, whatever it is then. */
    private String awaitPeers(String count) throws InterruptedException {
        String peers = rstore.get("api/test/statements/peers", null).body();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                !count.equals(peers) && System.nanoTime() < deadline; Thread.sleep(200)) {
            peers = rstore.get("api/test/statements/peers", null).body();
        }
        return peers;
    }

    @Test
    void filterHookAndChangesPublishedThroughTheApi() throws Exception {
        try (WsClient ws = v2("api")) {
            ws.send(subscribe("todos", "")).sync();
            post("todos", "{\"title\":\"filtered-out\"}");
            assertNull(ws.quiet(300), "the realtime.filter hook rejected it for this peer");
            assertEquals(204, rstore.send("POST", "api/test/publish/4242", null).status());
            JsonObject update = ws.nextJson().getJsonObject("update");
            assertEquals("4242", update.getString("key"));
            assertEquals("from native SQL", update.getJsonObject("record").getString("title"));
        }
    }

    @Test
    void limitsOnSubscriptionsAndFrameSize() throws Exception {
        try (WsClient ws = v2("limits")) {
            for (int i = 1; i <= 6; i++) {
                ws.send(subscribe("todos", ",\"key\":" + i));
            }
            assertEquals("{\"subscription\":{\"action\":\"rejected\",\"collection\":\"todos\",\"key\":6,"
                    + "\"reason\":\"too-many-subscriptions\"}}", ws.next());
            ws.send("{\"x\":\"" + "y".repeat(70_000) + "\"}");
            assertEquals(1009, ws.closed.get(5, TimeUnit.SECONDS), "a frame over the limit closes the connection");
        }
    }

    @Test
    void aFrameStormClosesTheConnection() throws Exception {
        try (WsClient ws = v2("storm")) {
            for (int i = 0; i < 100 && !ws.closed.isDone(); i++) {
                try {
                    ws.send(i % 2 == 0 ? subscribe("todos", "") : "{\"subscription\":{\"action\":\"unsubscribe\","
                            + "\"collection\":\"todos\"}}");
                } catch (java.util.concurrent.CompletionException e) {
                    break; // the server closed the connection while the storm was still being sent
                }
            }
            assertEquals(1008, ws.closed.get(5, TimeUnit.SECONDS), "more frames than the rate and burst allow");
        }
        try (WsClient ws = v2("after-storm")) {
            assertEquals("pong", ws.send("ping").next(), "the server goes on");
        }
    }

    @Test
    void hiddenFieldsAndRejectedSubscriptions() throws Exception {
        try (WsClient ws = v2("users")) {
            ws.send(subscribe("users", "")).send(subscribe("nope", "")).send(subscribe("secrets", ",\"key\":1"));
            assertEquals("{\"subscription\":{\"action\":\"rejected\",\"collection\":\"nope\",\"reason\":"
                    + "\"collection-not-found\"}}", ws.next());
            assertEquals("{\"subscription\":{\"action\":\"rejected\",\"collection\":\"secrets\",\"key\":1,\"reason\":"
                    + "\"not-for-you\"}}", ws.next());
            post("users", "{\"name\":\"RT\",\"email\":\"rt@x.io\"}");
            JsonObject record = ws.nextJson().getJsonObject("update").getJsonObject("record");
            assertEquals("RT", record.getString("name"));
            assertFalse(record.containsKey("passwordHash"));
        }
    }
}

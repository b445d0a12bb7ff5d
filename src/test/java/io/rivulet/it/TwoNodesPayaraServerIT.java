package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.net.URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR deployed twice to one Payara Server ({@code /rivulet-a}, {@code /rivulet-b}) as two
 * nodes: one PostgreSQL database, a realtime endpoint each, and the JMS change bus between them
 * through the server's own connection factory ({@code jms/__defaultConnectionFactory}, the
 * embedded OpenMQ broker) on the topic {@code create-jmsdest} made.
 */
@OnPayaraServer
class TwoNodesPayaraServerIT {

    private static URL nodeA;
    private static URL nodeB;

    @BeforeAll
    static void connect(PayaraServer server) {
        nodeA = server.url("rivulet-a");
        nodeB = server.url("rivulet-b");
    }

    private static JsonObject create(URL node, String json) {
        var reply = new RstoreClient(node).post("api/rstore/todos", sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private static WsClient peer(URL node, String clientId) throws Exception {
        return WsClient.subscribed(node, clientId, "todos");
    }

    @Test
    void changesCrossTheNodesThroughOpenMqExactlyOnce() throws Exception {
        try (WsClient onA = peer(nodeA, "tab-a"); WsClient onB = peer(nodeB, "tab-b")) {
            JsonObject fromA = create(nodeA, "{\"title\":\"realtime on a\"}");
            assertEquals(fromA, onA.nextJson().getJsonObject("update").getJsonObject("record"), "local");
            assertEquals(fromA, onB.nextJson().getJsonObject("update").getJsonObject("record"), "through the topic");
            JsonObject fromB = create(nodeB, "{\"title\":\"realtime on b\"}");
            assertEquals(fromB, onB.nextJson().getJsonObject("update").getJsonObject("record"), "local");
            assertEquals(fromB, onA.nextJson().getJsonObject("update").getJsonObject("record"), "through the topic");
            assertEquals("realtime on a", new RstoreClient(nodeB).get("api/rstore/todos/" + fromA.getInt("id"), null)
                    .object().getString("title"), "one database");
            assertNull(onA.quiet(500), "exactly once");
            assertNull(onB.quiet(200), "exactly once");
        }
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rivulet.it.probe.JmsProbeResource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Two copies of the WAR in one WildFly ({@code /rivulet-a}, {@code /rivulet-b}) as two "nodes":
 * one database (the server's default datasource, whose tables the first deployment created), a
 * realtime endpoint each, and the JMS change bus in its "container connection factory" mode
 * between them: WildFly full's own Artemis, by JNDI name ({@code wildfly/configure.cli} creates
 * the topic).
 */
@OnWildFly
class TwoNodesWildFlyIT {

    private static Map<String, String> jms(String node) {
        return Map.of("rivulet.bus", "jms", "rivulet.jms.connection-factory", "java:/ConnectionFactory",
                "rivulet.jms.topic", "java:/jms/topic/rivulet", "rivulet.node-id", node);
    }

    @Deployment(name = "a", order = 1, testable = false)
    static WebArchive a() {
        return Deployments.portable("rivulet-a.war", jms("node-a"), JmsProbeResource.class);
    }

    @Deployment(name = "b", order = 2, testable = false)
    static WebArchive b() {
        return Deployments.portable("rivulet-b.war", jms("node-b"), JmsProbeResource.class);
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL nodeA;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL nodeB;

    private static JsonObject create(RstoreClient node, String json) {
        var reply = node.post("api/rstore/todos", sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    @Test
    void bothNodesServeOneDatabaseWithDistinctGeneratedKeys() {
        RstoreClient a = new RstoreClient(nodeA);
        RstoreClient b = new RstoreClient(nodeB);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(a, "{\"title\":\"from a\"}").getInt("id"));
            ids.add(create(b, "{\"title\":\"from b\"}").getInt("id"));
        }
        assertEquals(10, ids.size(), "the sequence hands each node its own keys");
        int id = create(a, "{\"title\":\"written on a\"}").getInt("id");
        assertEquals("written on a", b.get("api/rstore/todos/" + id, null).object().getString("title"));
    }

    private static WsClient peer(URL node, String clientId) throws Exception {
        return WsClient.subscribed(node, clientId, "todos");
    }

    @Test
    void changesCrossTheNodesThroughTheContainersTopicExactlyOnce() throws Exception {
        RstoreClient a = new RstoreClient(nodeA);
        RstoreClient b = new RstoreClient(nodeB);
        try (WsClient onA = peer(nodeA, "tab-a"); WsClient onB = peer(nodeB, "tab-b")) {
            JsonObject fromA = create(a, "{\"title\":\"realtime on a\"}");
            assertEquals(fromA, onA.nextJson().getJsonObject("update").getJsonObject("record"), "local");
            assertEquals(fromA, onB.nextJson().getJsonObject("update").getJsonObject("record"), "through the topic");
            JsonObject fromB = create(b, "{\"title\":\"realtime on b\"}");
            assertEquals(fromB, onB.nextJson().getJsonObject("update").getJsonObject("record"), "local");
            assertEquals(fromB, onA.nextJson().getJsonObject("update").getJsonObject("record"), "through the topic");
            var echo = a.sendJson("POST", "api/rstore/todos", sj("{\"title\":\"by tab b\"}"),
                    "X-Rstore-Client-Id", "tab-b");
            assertEquals(200, echo.status(), echo.toString());
            assertEquals("tab-b", onA.nextJson().getJsonObject("update").getString("originClientId"));
            assertNull(onB.quiet(1000), "echo suppression across nodes: tab b made it");
            assertNull(onA.quiet(200), "exactly once");
        }
    }

    @Test
    void theNodesShareTheContainersJmsTopic() {
        RstoreClient a = new RstoreClient(nodeA);
        RstoreClient b = new RstoreClient(nodeB);
        assertEquals(204, b.post("api/test/jms/listen", "").status());
        assertEquals(204, a.post("api/test/jms/send", "from node a").status());
        var received = b.get("api/test/jms/next", null);
        assertEquals(200, received.status(), received.toString());
        assertEquals("from node a", received.body());
    }
}

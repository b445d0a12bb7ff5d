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
 * realtime endpoint each, and the container's JMS topic between them.
 */
@OnWildFly
class TwoNodesWildFlyIT {

    @Deployment(name = "a", order = 1, testable = false)
    static WebArchive a() {
        return Deployments.portable("rivulet-a.war", Map.of(), JmsProbeResource.class);
    }

    @Deployment(name = "b", order = 2, testable = false)
    static WebArchive b() {
        return Deployments.portable("rivulet-b.war", Map.of(), JmsProbeResource.class);
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

    @Test
    void eachNodeHasItsRealtimeEndpoint() throws Exception {
        RstoreClient a = new RstoreClient(nodeA);
        try (WsClient onA = new WsClient(nodeA); WsClient onB = new WsClient(nodeB)) {
            onA.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"todos\"}}").sync();
            onB.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"todos\"}}").sync();
            JsonObject todo = create(a, "{\"title\":\"realtime on a\"}");
            assertEquals(todo, onA.nextJson().getJsonObject("update").getJsonObject("record"));
            assertNull(onB.quiet(500), "in-memory change bus: a node publishes its own writes only");
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

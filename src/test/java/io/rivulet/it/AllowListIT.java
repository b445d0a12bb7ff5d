package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The allow-list: a node started with {@code -Drivulet.allow-tables=} listing every collection
 * but {@code secrets} (and the test's {@code secretRefs}, which the programmatic API adds at
 * startup — calls accumulate).
 */
@RivuletIT
@ServerProperties("rivulet.allow-tables=todos,users,posts,comments,labels,postLabels,teams,teamsToUsers,projects,"
        + "conditionProbes,guardedProbes")
@OncePerSuite.OnH2
class AllowListIT {

    private static final String DENIED = "Collection \"secrets\" is not allowed.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet(Map.of("rivulet.test.allow", "secretRefs"));
    }

    @ArquillianResource
    URL base;

    @Test
    void secretsAreRefusedEverywhere() throws Exception {
        RstoreClient rstore = new RstoreClient(base);
        assertDenied(rstore.get("api/rstore/secrets", null));
        assertDenied(rstore.get("api/rstore/secrets/1", null));
        assertDenied(rstore.post("api/rstore/secrets", sj("{\"ownerId\":1,\"value\":\"x\"}")));
        assertDenied(rstore.patch("api/rstore/secrets/1", sj("{\"value\":\"y\"}")));
        assertDenied(rstore.delete("api/rstore/secrets/1"));
        assertEquals(200, rstore.get("api/rstore/todos", null).status());
        assertEquals(200, rstore.get("api/rstore/secretRefs", null).status(), "added through the API");
        assertDenied(rstore.get("api/rstore/secretRefs", sj("{\"include\":{\"secret\":true}}")));
        assertDenied(rstore.get("api/rstore/secretRefs", sj("{\"include\":{\"secret\":{\"where\":"
                + "{\"operator\":\"isNull\",\"field\":\"value\"}}}}")));
        var batch = rstore.send("POST", "api/rstore/_batch", sj("{\"operations\":[{\"type\":\"fetchFirst\","
                + "\"collection\":\"secrets\",\"key\":\"1\"},{\"type\":\"create\",\"collection\":\"todos\","
                + "\"item\":{\"title\":\"allowed\"}},{\"type\":\"delete\",\"collection\":\"secrets\",\"key\":\"1\"}]}"),
                "content-type", "application/json");
        var results = batch.object().getJsonObject("json").getJsonArray("results");
        assertEquals(403, results.getJsonObject(0).getInt("statusCode"));
        assertEquals(DENIED, results.getJsonObject(0).getString("statusMessage"));
        assertEquals(true, results.getJsonObject(1).getBoolean("ok"), "only its own operation fails");
        assertEquals(403, results.getJsonObject(2).getInt("statusCode"));
        var schema = rstore.get("api/rstore/_schema", null).object().getJsonObject("collections");
        assertEquals(false, schema.containsKey("secrets"), "absent from the schema description");
        assertEquals(true, schema.containsKey("todos"));
        assertEquals(false, schema.getJsonObject("secretRefs").getJsonObject("relationships").containsKey("secret"),
                "no relationship leads to a collection that is not allowed");
        for (String target : new String[] {"zero", "rstore"}) {
            String typeScript = rstore.getRaw("api/rstore/_schema.ts?target=" + target).body();
            assertEquals(false, typeScript.contains("'secrets"), target + ": absent from the generated TypeScript");
            assertEquals(true, typeScript.contains("'secretRefs'"), target);
        }
        try (WsClient ws = new WsClient(base)) {
            ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"secrets\"}}");
            assertEquals("{\"subscription\":{\"action\":\"rejected\",\"collection\":\"secrets\",\"reason\":"
                    + "\"collection-not-allowed\"}}", ws.next());
        }
        var unknown = rstore.get("api/rstore/nope", null);
        assertEquals(403, unknown.status(), "with an active allow-list an unknown collection is not allowed either");
        assertEquals("Collection \"nope\" is not allowed.", unknown.statusMessage());
    }

    @Test
    void theOpenApiDocumentLeavesThemOut() throws Exception {
        ServedOpenApi openApi = ServedOpenApi.of(base);
        Set<String> allowed = Set.of("todos", "users", "posts", "comments", "labels", "postLabels", "teams",
                "teamsToUsers", "projects", "conditionProbes", "guardedProbes", "secretRefs");
        assertEquals(new TreeSet<>(allowed), openApi.collections());
        Set<String> schemas = openApi.document().getComponents().getSchemas().keySet();
        assertFalse(schemas.contains("secrets") || schemas.contains("secrets.create"), schemas.toString());
        assertFalse(openApi.document().getPaths().keySet().stream().anyMatch(p -> p.contains("/secrets")));
        assertFalse(openApi.schema("BatchOperation").getProperties().get("collection").getEnum().contains("secrets"));
        assertFalse(openApi.schema("secretRefs").getProperties().containsKey("secret"),
                "no relation leads to a collection that is not allowed");
    }

    private static void assertDenied(RstoreClient.Reply reply) {
        assertEquals(403, reply.status(), reply.toString());
        assertEquals(DENIED, reply.statusMessage());
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hooks as CDI events (PROTOCOL §8), field protection, and the example's three recipes. */
@OncePerSuite.OnH2
@RivuletIT
class HooksIT extends DeployedRivulet {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet(Map.of("rivulet.example.recipes", "true"));
    }

    @BeforeEach
    void reset() {
        rstore.send("DELETE", "api/test/hooks", null);
    }

    private RstoreClient.Reply call(String method, String path, String body, String... headers) {
        return rstore.sendJson(method, "api/rstore/" + path, body, headers);
    }

    private List<String> seen() {
        String text = rstore.get("api/test/hooks", null).body();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Observers of one phase run in no defined order: within each operation's before phase, put
     * the global observer's line first (the sort is stable, so operations keep their order).
     */
    private static int byPhase(String a, String b) {
        String opA = a.substring(a.indexOf(' ') + 1);
        String opB = b.substring(b.indexOf(' ') + 1);
        if (!opA.equals(opB)) {
            return 0;
        }
        return Boolean.compare(!a.startsWith("global"), !b.startsWith("global"));
    }

    private int create(String collection, String json, String... headers) {
        var reply = call("POST", collection, sj(json), headers);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object().getInt("id");
    }

    @Test
    void eachHookFiresOnceWithItsPayload() {
        int id = create("todos", "{\"title\":\"hooked\"}", "x-test-record", "t1");
        call("GET", "todos", null, "x-test-record", "t2");
        call("GET", "todos/" + id, null, "x-test-record", "t3");
        call("PATCH", "todos/" + id, sj("{\"completed\":true}"), "x-test-record", "t4");
        call("DELETE", "todos/" + id, null, "x-test-record", "t5");
        assertEquals(List.of(
                "global index.post.before todos key=- body=[title] entity=Todo",
                "todos-only index.post.before todos key=- body=[title] entity=Todo",
                "global index.post.after todos key=- body=[title] entity=Todo meta=t1 result=row previous=false",
                "global index.get.before todos key=- body=null entity=Todo",
                "todos-only index.get.before todos key=- body=null entity=Todo",
                "global index.get.after todos key=- body=null entity=Todo meta=t2 result=list previous=false",
                "global item.get.before todos key=" + id + " body=null entity=Todo",
                "todos-only item.get.before todos key=" + id + " body=null entity=Todo",
                "global item.get.after todos key=" + id + " body=null entity=Todo meta=t3 result=row previous=false",
                "global item.patch.before todos key=" + id + " body=[completed] entity=Todo",
                "todos-only item.patch.before todos key=" + id + " body=[completed] entity=Todo",
                "global item.patch.after todos key=" + id + " body=[completed] entity=Todo meta=t4 result=row previous=true",
                "global item.delete.before todos key=" + id + " body=null entity=Todo",
                "todos-only item.delete.before todos key=" + id + " body=null entity=Todo",
                "global item.delete.after todos key=" + id + " body=null entity=Todo meta=t5 result=row previous=false"),
                seen().stream().filter(s -> !s.contains("global") || s.contains("todos")).toList().stream()
                        .sorted(HooksIT::byPhase).toList());
    }

    @Test
    void perCollectionAndGlobalSelection() {
        call("GET", "users", null, "x-test-record", "u");
        call("GET", "nope", null, "x-test-record", "n");
        assertEquals(List.of(
                "global index.get.before users key=- body=null entity=User",
                "users-only index.get.before users key=- body=null entity=User",
                "global index.get.after users key=- body=null entity=User meta=u result=list previous=false",
                "global index.get.before nope key=- body=null entity=-"), seen().stream().sorted(HooksIT::byPhase).toList());
    }

    @Test
    void abortFailureAndReplacedResult() {
        var aborted = call("POST", "todos", sj("{\"title\":\"never\"}"), "x-test-record", "a", "x-test-abort",
                "Stopped by a hook");
        assertEquals(409, aborted.status());
        assertEquals("Stopped by a hook", aborted.statusMessage());
        var failed = call("POST", "todos", sj("{\"title\":\"never\"}"), "x-test-record", "f", "x-test-fail", "1");
        assertEquals(500, failed.status());
        assertEquals("Server Error", failed.statusMessage());
        assertFalse(failed.body().contains("internal"), failed.body());
        assertEquals(0, rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\","
                + "\"value\":\"never\"}}")).array().size(), "nothing was written");
        var replaced = call("GET", "todos", null, "x-test-record", "r", "x-test-replace", "1");
        assertEquals("{\"replaced\":true}", replaced.body());
    }

    @Test
    void afterHookWritesRollBackWhenALaterHookFails() {
        var ok = call("POST", "todos", sj("{\"title\":\"with label\"}"), "x-test-record", "w", "x-test-after-write",
                "written-by-hook");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(1, rstore.get("api/rstore/labels", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"name\","
                + "\"value\":\"written-by-hook\"}}")).array().size());
        var failed = call("POST", "todos", sj("{\"title\":\"rolled back\"}"), "x-test-record", "w",
                "x-test-after-write", "rolled-back-label", "x-test-after-fail", "1");
        assertEquals(422, failed.status(), failed.toString());
        assertEquals("A later hook failed", failed.statusMessage());
        assertEquals(0, rstore.get("api/rstore/labels", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"name\","
                + "\"value\":\"rolled-back-label\"}}")).array().size());
        assertEquals(0, rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\","
                + "\"value\":\"rolled back\"}}")).array().size());
    }

    @Test
    void transformQueryScopesListGetPatchAndDelete() {
        int inside = create("todos", "{\"title\":\"scope-in\"}");
        int outside = create("todos", "{\"title\":\"other\"}");
        String[] scope = {"x-test-record", "s", "x-test-scope", "scope-"};
        var listed = call("GET", "todos", null, scope);
        assertEquals(List.of(inside), listed.array().stream().map(v -> v.asJsonObject().getInt("id")).toList());
        assertEquals(200, call("GET", "todos/" + inside, null, scope).status());
        assertEquals(204, call("GET", "todos/" + outside, null, scope).status());
        assertEquals(204, call("PATCH", "todos/" + outside, sj("{\"title\":\"hijacked\"}"), scope).status());
        assertEquals(204, call("DELETE", "todos/" + outside, null, scope).status());
        assertEquals("other", rstore.get("api/rstore/todos/" + outside, null).object().getString("title"),
                "rows outside the scope are neither read nor changed");
        assertEquals(200, call("PATCH", "todos/" + inside, sj("{\"completed\":true}"), scope).status());
        assertEquals(200, call("DELETE", "todos/" + inside, null, scope).status());
    }

    @Test
    void readOnlyAndHiddenFields() {
        JsonObject created = rstore.post("api/rstore/guardedProbes", sj("{\"name\":\"g\"}")).object();
        assertEquals("new", created.getString("status"));
        assertFalse(created.containsKey("secret"));
        var write = rstore.post("api/rstore/guardedProbes", sj("{\"name\":\"g\",\"status\":\"done\"}"));
        assertEquals(400, write.status());
        assertEquals("Field status of collection guardedProbes is read-only", write.statusMessage());
        var patch = rstore.patch("api/rstore/guardedProbes/" + created.getInt("id"), sj("{\"status\":\"done\"}"));
        assertEquals(400, patch.status());
        assertEquals("Field status of collection guardedProbes is read-only", patch.statusMessage());
        assertEquals("new", rstore.get("api/rstore/guardedProbes/" + created.getInt("id"), null).object()
                .getString("status"));
        assertEquals(200, rstore.patch("api/rstore/guardedProbes/" + created.getInt("id"), sj("{\"name\":\"h\"}"))
                .status());
        int user = rstore.post("api/rstore/users", sj("{\"name\":\"H\",\"email\":\"h@hooks.io\"}")).object().getInt("id");
        rstore.post("api/rstore/posts", sj("{\"authorId\":" + user + ",\"title\":\"p\"}"));
        JsonObject post = rstore.get("api/rstore/posts", sj("{\"include\":{\"author\":true}}")).array().getJsonObject(0);
        assertTrue(post.getJsonObject("author").containsKey("email"));
        assertFalse(post.getJsonObject("author").containsKey("passwordHash"), "hidden inside includes too");
    }

    @Test
    void recipes() {
        int ann = create("users", "{\"name\":\"Ann\",\"email\":\"ann@recipes.io\"}");
        int bob = create("users", "{\"name\":\"Bob\",\"email\":\"bob@recipes.io\"}");
        // automatic query: creating a team makes the caller its member, atomically
        int team = create("teams", "{\"name\":\"Ann's team\"}", "x-example-user", String.valueOf(ann));
        JsonObject membership = rstore.get("api/rstore/teamsToUsers/" + team + "::" + ann, null).object();
        assertEquals("owner", membership.getString("role"));
        assertEquals(401, call("POST", "teams", sj("{\"name\":\"nobody's\"}")).status());
        assertEquals(0, rstore.get("api/rstore/teams", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"name\","
                + "\"value\":\"nobody's\"}}")).array().size(), "the team was rolled back with the failed hook");
        // permission check with a query: only members create projects for a team
        var refused = call("POST", "projects", sj("{\"teamId\":" + team + ",\"name\":\"Bob's try\"}"),
                "x-example-user", String.valueOf(bob));
        assertEquals(403, refused.status());
        assertEquals("You are not a member of this team", refused.statusMessage());
        int project = create("projects", "{\"teamId\":" + team + ",\"name\":\"Rivulet\"}", "x-example-user",
                String.valueOf(ann));
        // implicit permission: a transformQuery subquery over team membership
        assertEquals(1, call("GET", "projects", null, "x-example-user", String.valueOf(ann)).array().size());
        assertEquals(0, call("GET", "projects", null, "x-example-user", String.valueOf(bob)).array().size());
        assertEquals(204, call("GET", "projects/" + project, null, "x-example-user", String.valueOf(bob)).status());
        assertEquals(204, call("DELETE", "projects/" + project, null, "x-example-user", String.valueOf(bob)).status());
        assertEquals(200, call("GET", "projects/" + project, null, "x-example-user", String.valueOf(ann)).status());
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Include trees (PROTOCOL §4.3–4.4): every relation of the example domain, options, limits, no N+1. */
@RivuletIT
class RelationsIT extends DeployedRivulet {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    private JsonObject create(String collection, String json) {
        var reply = rstore.post("api/rstore/" + collection, sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private int id(String collection, String json) {
        return create(collection, json).getInt("id");
    }

    private JsonArray list(String collection, String query) {
        var reply = rstore.get("api/rstore/" + collection, sj(query));
        assertEquals(200, reply.status(), reply.toString());
        return reply.array();
    }

    private static List<Integer> ids(JsonValue rows) {
        return rows.asJsonArray().stream().map(r -> r.asJsonObject().getInt("id")).toList();
    }

    private static String byId(int id) {
        return "{\"operator\":\"eq\",\"field\":\"id\",\"value\":" + id + "}";
    }

    private long statements() {
        return Long.parseLong(rstore.send("DELETE", "api/test/statements", null).body());
    }

    @Test
    void threeLevelsWithPerParentLimitsInThreeStatements() {
        record Expected(int user, List<Integer> posts, List<List<Integer>> comments) {
        }
        List<Expected> expected = new ArrayList<>();
        int commenter = id("users", "{\"name\":\"commenter\",\"email\":\"commenter@rel.io\"}");
        for (int u = 0; u < 50; u++) {
            int user = id("users", "{\"name\":\"rel-" + (100 + u) + "\",\"email\":\"rel" + u + "@rel.io\"}");
            List<int[]> posts = new ArrayList<>();
            for (int p = 0; p < 7 - u % 4; p++) {
                int post = id("posts", "{\"authorId\":" + user + ",\"title\":\"t" + ((p * 7 + u) % 10) + "-" + p + "\"}");
                List<Integer> comments = new ArrayList<>();
                for (int c = 0; c < p % 5; c++) {
                    comments.add(id("comments", "{\"postId\":" + post + ",\"authorId\":" + commenter
                            + ",\"body\":\"c" + c + "\"}"));
                }
                posts.add(new int[] {post, (p * 7 + u) % 10, p});
                postComments.put(post, comments);
            }
            posts.sort(Comparator.<int[]>comparingInt(a -> -a[1]).thenComparing(a -> -a[2]));
            List<Integer> top = posts.stream().limit(5).map(a -> a[0]).toList();
            expected.add(new Expected(user, top, top.stream().map(p -> postComments.get(p).stream().limit(3).toList())
                    .toList()));
        }
        statements();
        JsonArray users = list("users", "{\"where\":{\"operator\":\"like\",\"field\":\"name\",\"value\":\"rel-%\"},"
                + "\"orderBy\":\"name.asc\",\"include\":{\"posts\":{\"limit\":5,\"orderBy\":[\"title.desc\"],"
                + "\"include\":{\"comments\":{\"limit\":3,\"orderBy\":\"id.asc\"}}}}}");
        long count = statements();
        assertEquals(3, count, "a list with two include levels ran " + count + " statements");
        assertEquals(50, users.size());
        for (int i = 0; i < 50; i++) {
            JsonObject user = users.getJsonObject(i);
            Expected e = expected.get(i);
            assertEquals(e.user(), user.getInt("id"));
            assertEquals(e.posts(), ids(user.get("posts")), "posts of user " + e.user());
            for (int p = 0; p < e.posts().size(); p++) {
                assertEquals(e.comments().get(p), ids(user.getJsonArray("posts").getJsonObject(p).get("comments")));
            }
        }
    }

    private final java.util.Map<Integer, List<Integer>> postComments = new java.util.HashMap<>();

    @Test
    void everyRelationOfTheExampleDomain() {
        int ann = id("users", "{\"name\":\"Ann\",\"email\":\"ann@dom.io\"}");
        int bob = id("users", "{\"name\":\"Bob\",\"email\":\"bob@dom.io\"}");
        int post = id("posts", "{\"authorId\":" + ann + ",\"title\":\"P\"}");
        int other = id("posts", "{\"authorId\":" + bob + ",\"title\":\"Q\"}");
        int root = id("comments", "{\"postId\":" + post + ",\"authorId\":" + bob + ",\"body\":\"root\"}");
        int reply = id("comments", "{\"postId\":" + post + ",\"authorId\":" + ann + ",\"parentId\":" + root
                + ",\"body\":\"reply\"}");
        int news = id("labels", "{\"name\":\"news\"}");
        int tech = id("labels", "{\"name\":\"tech\"}");
        create("postLabels", "{\"postId\":" + post + ",\"labelId\":" + news + "}");
        create("postLabels", "{\"postId\":" + post + ",\"labelId\":" + tech + "}");
        create("postLabels", "{\"postId\":" + other + ",\"labelId\":" + tech + "}");
        int team = id("teams", "{\"name\":\"Core\"}");
        create("teamsToUsers", "{\"teamId\":" + team + ",\"userId\":" + ann + "}");
        int project = id("projects", "{\"teamId\":" + team + ",\"name\":\"Rivulet\"}");

        JsonObject user = list("users", "{\"where\":" + byId(ann) + ",\"include\":{\"posts\":true,\"comments\":true,"
                + "\"memberships\":true}}").getJsonObject(0);
        assertEquals(List.of(post), ids(user.get("posts")));
        assertEquals(List.of(reply), ids(user.get("comments")));
        assertEquals(team, user.getJsonArray("memberships").getJsonObject(0).getInt("teamId"));
        assertEquals(ann, user.getJsonArray("memberships").getJsonObject(0).getInt("userId"));

        JsonObject p = list("posts", "{\"where\":" + byId(post) + ",\"include\":{\"author\":true,\"comments\":true,"
                + "\"labels\":{\"orderBy\":\"name.asc\"}}}").getJsonObject(0);
        assertEquals(ann, p.getJsonObject("author").getInt("id"));
        assertEquals(List.of(root, reply), ids(p.get("comments")));
        assertEquals(List.of(news, tech), ids(p.get("labels")));
        assertEquals("news", p.getJsonArray("labels").getJsonObject(0).getString("name"));

        JsonObject c = list("comments", "{\"where\":" + byId(reply) + ",\"include\":{\"post\":true,\"author\":true,"
                + "\"parent\":{\"include\":{\"replies\":true,\"parent\":true}},\"replies\":true}}").getJsonObject(0);
        assertEquals(post, c.getJsonObject("post").getInt("id"));
        assertEquals(ann, c.getJsonObject("author").getInt("id"));
        assertEquals(root, c.getJsonObject("parent").getInt("id"));
        assertEquals(List.of(reply), ids(c.getJsonObject("parent").get("replies")), "circular");
        assertEquals(JsonValue.NULL, c.getJsonObject("parent").get("parent"));
        assertEquals(List.of(), ids(c.get("replies")));

        assertEquals(List.of(post, other), ids(list("labels", "{\"where\":" + byId(tech)
                + ",\"include\":{\"posts\":{\"orderBy\":\"id.asc\"}}}").getJsonObject(0).get("posts")));
        JsonObject link = list("postLabels", "{\"keys\":[\"" + post + "::" + news + "\"],\"include\":{\"post\":true,"
                + "\"label\":true}}").getJsonObject(0);
        assertEquals(post, link.getJsonObject("post").getInt("id"));
        assertEquals(news, link.getJsonObject("label").getInt("id"));

        JsonObject t = list("teams", "{\"where\":" + byId(team) + ",\"include\":{\"memberships\":{\"include\":"
                + "{\"user\":true}},\"projects\":true}}").getJsonObject(0);
        assertEquals(ann, t.getJsonArray("memberships").getJsonObject(0).getJsonObject("user").getInt("id"));
        assertEquals(List.of(project), ids(t.get("projects")));
        var membership = rstore.get("api/rstore/teamsToUsers/" + team + "::" + ann, sj("{\"include\":{\"team\":true,"
                + "\"user\":{\"columns\":{\"name\":true}}}}"));
        assertEquals(200, membership.status(), membership.toString());
        assertEquals(team, membership.object().getJsonObject("team").getInt("id"));
        assertEquals(Set.of("id", "name"), membership.object().getJsonObject("user").keySet(),
                "nested rows keep their key");
        assertEquals(team, list("projects", "{\"where\":" + byId(project) + ",\"include\":{\"team\":true}}")
                .getJsonObject(0).getJsonObject("team").getInt("id"));

        int assignment = id("assignments", "{\"projectId\":" + project + ",\"teamId\":" + team + ",\"userId\":" + ann
                + "}");
        JsonObject a = list("assignments", "{\"where\":" + byId(assignment) + ",\"include\":{\"membership\":true}}")
                .getJsonObject(0);
        assertEquals(List.of(team, ann), List.of(a.getJsonObject("membership").getInt("teamId"),
                a.getJsonObject("membership").getInt("userId")), "one, over a compound key");
        JsonObject m = list("teamsToUsers", "{\"keys\":[\"" + team + "::" + ann + "\"],\"include\":{\"assignments\":true}}")
                .getJsonObject(0);
        assertEquals(List.of(assignment), ids(m.get("assignments")), "many, over a compound key");
    }

    @Test
    void nestedOptionsLegacyFormAndThePublishedClientsWith() {
        int author = id("users", "{\"name\":\"Opt\",\"email\":\"opt@rel.io\"}");
        List<Integer> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int post = id("posts", "{\"authorId\":" + author + ",\"title\":\"o" + i + "\",\"published\":" + (i % 2 == 0)
                    + "}");
            posts.add(post);
            for (int j = 0; j < 3; j++) {
                int comment = id("comments", "{\"postId\":" + post + ",\"authorId\":" + author + ",\"body\":\"b" + j
                        + "\",\"approved\":" + (j > 0) + "}");
                id("comments", "{\"postId\":" + post + ",\"authorId\":" + author + ",\"parentId\":" + comment
                        + ",\"body\":\"r\"}");
            }
        }
        String where = "\"where\":" + byId(author);
        JsonObject user = list("users", "{" + where + ",\"columns\":{\"name\":true},\"include\":{\"posts\":{"
                + "\"where\":{\"operator\":\"eq\",\"field\":\"published\",\"value\":true},\"orderBy\":[\"title.desc\"],"
                + "\"columns\":{\"title\":true},\"limit\":1,\"include\":{\"comments\":{\"where\":{\"operator\":\"and\","
                + "\"conditions\":[{\"operator\":\"eq\",\"field\":\"approved\",\"value\":true},{\"operator\":\"isNull\","
                + "\"field\":\"parentId\"}]},\"orderBy\":\"body.desc\",\"columns\":{\"body\":true},\"include\":"
                + "{\"replies\":{\"columns\":{\"parentId\":true}}}}}}}}").getJsonObject(0);
        assertEquals(Set.of("id", "name", "posts"), user.keySet());
        JsonArray published = user.getJsonArray("posts");
        assertEquals(1, published.size());
        JsonObject post = published.getJsonObject(0);
        assertEquals("o2", post.getString("title"));
        assertEquals(Set.of("id", "authorId", "title", "comments"), post.keySet(), "key and join fields stay");
        JsonArray comments = post.getJsonArray("comments");
        assertEquals(List.of("b2", "b1"), comments.stream().map(v -> v.asJsonObject().getString("body")).toList());
        assertEquals(Set.of("id", "postId", "body", "replies"), comments.getJsonObject(0).keySet());
        assertEquals(1, comments.getJsonObject(0).getJsonArray("replies").size());

        JsonObject legacy = list("users", "{" + where + ",\"include\":{\"posts\":{\"comments\":true}}}").getJsonObject(0);
        assertEquals(4, legacy.getJsonArray("posts").size());
        assertEquals(6, legacy.getJsonArray("posts").getJsonObject(0).getJsonArray("comments").size());

        JsonObject with = list("users", "{" + where + ",\"with\":{\"posts\":true}}").getJsonObject(0);
        assertEquals(posts, ids(with.get("posts")));
        JsonObject both = list("users", "{" + where + ",\"include\":{\"comments\":{\"limit\":2}},\"with\":{\"posts\":true}}")
                .getJsonObject(0);
        assertFalse(both.containsKey("posts"), "include wins over with");
        assertEquals(2, both.getJsonArray("comments").size());

        JsonObject ignored = list("users", "{" + where + ",\"include\":{\"nope\":true,\"name\":true,\"posts\":false,"
                + "\"comments\":null,\"memberships\":{}}}").getJsonObject(0);
        assertEquals(Set.of("id", "name", "email", "nickName", "mood", "settings", "createdAt", "updatedAt",
                "memberships"), ignored.keySet());
        assertEquals(0, ignored.getJsonArray("memberships").size());
    }

    @Test
    void depthLimitAndErrorsInsideIncludes() {
        id("users", "{\"name\":\"Deep\",\"email\":\"deep@rel.io\"}");
        String five = "{\"posts\":{\"include\":{\"author\":{\"include\":{\"posts\":{\"include\":{\"author\":{\"include\":"
                + "{\"posts\":true}}}}}}}}}";
        assertEquals(200, rstore.get("api/rstore/users", sj("{\"include\":" + five + "}")).status());
        String six = "{\"posts\":{\"include\":{\"author\":{\"include\":{\"posts\":{\"include\":{\"author\":{\"include\":"
                + "{\"posts\":{\"include\":{\"author\":true}}}}}}}}}}}";
        assertError(rstore.get("api/rstore/users", sj("{\"include\":" + six + "}")), "Include tree is too deep (max 5 levels)");
        String legacySix = "{\"posts\":{\"author\":{\"posts\":{\"author\":{\"posts\":{\"author\":true}}}}}}";
        assertError(rstore.get("api/rstore/users", sj("{\"include\":" + legacySix + "}")),
                "Include tree is too deep (max 5 levels)");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"where\":{\"operator\":\"eq\","
                + "\"field\":\"nope\",\"value\":1}}}}")), "Unknown field in filter: nope");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"where\":{\"operator\":\"foo\","
                + "\"field\":\"title\",\"value\":1}}}}")), "Invalid filter operator: foo");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"orderBy\":\"nope.asc\"}}}")),
                "Unknown field in filter: nope");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"orderBy\":\"title\"}}}")),
                "Invalid orderBy");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"limit\":-1}}}")), "Invalid limit");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"include\":{\"comments\":{\"where\":"
                + "{\"operator\":\"eq\",\"field\":\"authorId\",\"value\":\"x\"}}}}}}")), "Invalid value for field authorId");
        assertError(rstore.get("api/rstore/users", sj("{\"include\":{\"posts\":{\"orderBy\":\"passwordHash.asc\"}}}")),
                "Unknown field in filter: passwordHash");
    }

    @Test
    void schemaDescriptionShowsEveryKindOfRelation() {
        var reply = rstore.get("api/rstore/_schema", null);
        assertEquals(200, reply.status(), reply.toString());
        JsonObject schema = reply.object();
        assertTrue(schema.getString("version").matches("[0-9a-f]{16}"));
        assertEquals(schema, rstore.get("api/rstore/_schema", null).object(), "stable");
        JsonObject collections = schema.getJsonObject("collections");
        JsonObject users = collections.getJsonObject("users");
        assertEquals("users", users.getString("from"));
        assertFalse(users.getJsonObject("columns").containsKey("passwordHash"));
        assertEquals("nick_name", users.getJsonObject("columns").getJsonObject("nickName").getString("from"));
        JsonObject mood = users.getJsonObject("columns").getJsonObject("mood");
        assertEquals("enumeration", mood.getString("type"));
        assertEquals(List.of("happy", "sad", "taco"), mood.getJsonArray("values").getValuesAs(
                jakarta.json.JsonString::getString));
        assertTrue(mood.getBoolean("optional"));
        assertEquals("json", users.getJsonObject("columns").getJsonObject("settings").getString("type"));
        assertEquals("date-time", users.getJsonObject("columns").getJsonObject("createdAt").getString("format"));
        assertEquals(false, collections.getJsonObject("todos").getJsonObject("columns").getJsonObject("completed")
                .getBoolean("default"));
        assertEquals(List.of("teamId", "userId"), collections.getJsonObject("teamsToUsers").getJsonArray("primaryKey")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("{\"kind\":\"many\",\"hops\":[{\"sourceField\":[\"id\"],\"destField\":[\"authorId\"],"
                + "\"destSchema\":\"posts\"}]}", users.getJsonObject("relationships").get("posts").toString());
        assertEquals("{\"kind\":\"many\",\"hops\":[{\"sourceField\":[\"id\"],\"destField\":[\"postId\"],"
                + "\"destSchema\":\"postLabels\"},{\"sourceField\":[\"labelId\"],\"destField\":[\"id\"],"
                + "\"destSchema\":\"labels\"}]}",
                collections.getJsonObject("posts").getJsonObject("relationships").get("labels").toString());
        assertEquals("{\"kind\":\"one\",\"hops\":[{\"sourceField\":[\"parentId\"],\"destField\":[\"id\"],"
                + "\"destSchema\":\"comments\"}]}",
                collections.getJsonObject("comments").getJsonObject("relationships").get("parent").toString());
        assertEquals("{\"kind\":\"many\",\"hops\":[{\"sourceField\":[\"id\"],\"destField\":[\"userId\"],"
                + "\"destSchema\":\"teamsToUsers\"}]}", users.getJsonObject("relationships").get("memberships").toString());
        assertEquals("{\"kind\":\"one\",\"hops\":[{\"sourceField\":[\"teamId\",\"userId\"],"
                + "\"destField\":[\"teamId\",\"userId\"],\"destSchema\":\"teamsToUsers\"}]}",
                collections.getJsonObject("assignments").getJsonObject("relationships").get("membership").toString(),
                "a compound-key relationship");
        assertEquals("{\"kind\":\"many\",\"hops\":[{\"sourceField\":[\"teamId\",\"userId\"],"
                + "\"destField\":[\"teamId\",\"userId\"],\"destSchema\":\"assignments\"}]}",
                collections.getJsonObject("teamsToUsers").getJsonObject("relationships").get("assignments").toString());
    }

    private static void assertError(RstoreClient.Reply reply, String statusMessage) {
        RstoreClient.assertError(reply, 400, statusMessage);
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.assertError;
import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Every REST route and list option of PROTOCOL §2–4 (relations aside), on H2, PostgreSQL and MariaDB. */
@RivuletIT
@OnMariadb
class RestRoutesIT {

    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    RstoreClient rstore() {
        return new RstoreClient(base);
    }

    private JsonObject create(String collection, String json) {
        var reply = rstore().post("api/rstore/" + collection, sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private JsonArray list(String collection, String query) {
        var reply = rstore().get("api/rstore/" + collection, query == null ? null : sj(query));
        assertEquals(200, reply.status(), reply.toString());
        return reply.array();
    }

    private static List<String> strings(JsonArray rows, String field) {
        return rows.stream().map(r -> r.asJsonObject().getString(field)).toList();
    }


    @Test
    void createGetPatchDeleteTodo() {
        RstoreClient rstore = rstore();
        JsonObject row = create("todos", "{\"title\":\"Write tests\"}");
        assertEquals(Set.of("id", "title", "completed", "createdAt", "updatedAt"), row.keySet());
        assertEquals("Write tests", row.getString("title"));
        assertFalse(row.getBoolean("completed"));
        assertEquals(JsonValue.ValueType.NUMBER, row.get("id").getValueType());
        assertTrue(row.getString("createdAt").matches(ISO));
        int id = row.getInt("id");

        var got = rstore.get("api/rstore/todos/" + id, null);
        assertEquals(200, got.status(), got.toString());
        assertEquals(row, got.object());

        var patched = rstore.patch("api/rstore/todos/" + id, sj("{\"completed\":true}"));
        assertEquals(200, patched.status(), patched.toString());
        assertTrue(patched.object().getBoolean("completed"));
        assertEquals(row.getString("title"), patched.object().getString("title"));
        assertEquals(row.getString("createdAt"), patched.object().getString("createdAt"));

        var deleted = rstore.delete("api/rstore/todos/" + id);
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(patched.object(), deleted.object());
        assertEquals(204, rstore.get("api/rstore/todos/" + id, null).status());
        assertEquals("", rstore.get("api/rstore/todos/" + id, null).body());
        assertEquals(204, rstore.delete("api/rstore/todos/" + id).status());
        assertEquals(204, rstore.patch("api/rstore/todos/" + id, sj("{\"completed\":false}")).status());
    }

    @Test
    void updatedAtIsMaintainedByTheServerAndCreatedAtMayComeFromTheClient() {
        JsonObject row = create("todos", "{\"title\":\"Offline\",\"createdAt\":\"2025-03-03T00:00:00.000Z\","
                + "\"updatedAt\":\"2000-01-01T00:00:00.000Z\"}");
        assertEquals("2025-03-03T00:00:00.000Z", row.getString("createdAt"));
        assertNotEquals("2000-01-01T00:00:00.000Z", row.getString("updatedAt"));
        var patched = rstore().patch("api/rstore/todos/" + row.getInt("id"),
                "{\"json\":{\"title\":\"y\",\"updatedAt\":\"2000-01-02T00:00:00.000Z\",\"createdAt\":\"2001-01-01T00:00:00.000Z\"},"
                        + "\"meta\":{\"values\":{\"updatedAt\":[\"Date\"],\"createdAt\":[\"Date\"]},\"v\":1}}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("2025-03-03T00:00:00.000Z", patched.object().getString("createdAt"));
        assertTrue(patched.object().getString("updatedAt").compareTo(row.getString("updatedAt")) >= 0);
    }

    @Test
    void listWhereOrderLimitOffset() {
        for (String title : List.of("wol-b", "wol-a", "wol-d", "wol-c", "other")) {
            create("todos", "{\"title\":\"" + title + "\",\"completed\":" + title.endsWith("a") + "}");
        }
        String like = "{\"operator\":\"like\",\"field\":\"title\",\"value\":\"wol-%\"}";
        assertEquals(List.of("wol-a", "wol-b", "wol-c", "wol-d"),
                strings(list("todos", "{\"where\":" + like + ",\"orderBy\":\"title.asc\"}"), "title"));
        assertEquals(List.of("wol-c", "wol-b"), strings(list("todos",
                "{\"where\":" + like + ",\"orderBy\":[\"title.desc\"],\"limit\":2,\"offset\":1}"), "title"));
        assertEquals(List.of("wol-a"), strings(list("todos", "{\"where\":{\"operator\":\"and\",\"conditions\":["
                + like + ",{\"operator\":\"eq\",\"field\":\"completed\",\"value\":true}]}}"), "title"));
        assertEquals(List.of("wol-b", "wol-c", "wol-d"), strings(list("todos", "{\"where\":{\"operator\":\"and\","
                + "\"conditions\":[" + like + ",{\"operator\":\"not\",\"condition\":{\"operator\":\"eq\","
                + "\"field\":\"completed\",\"value\":true}}]},\"orderBy\":[\"completed.asc\",\"title.asc\"]}"), "title"));
        assertEquals(0, list("todos", "{\"where\":" + like + ",\"limit\":0}").size());
        assertEquals(4, list("todos", "{\"where\":" + like + ",\"limit\":5000}").size());
        assertEquals(List.of("wol-a", "wol-d"), strings(list("todos", "{\"where\":{\"operator\":\"inArray\","
                + "\"field\":\"title\",\"value\":[\"wol-a\",\"wol-d\",\"zzz\"]},\"orderBy\":\"title.asc\"}"), "title"));
    }

    @Test
    void everyOperatorOnRealColumns() {
        create("users", "{\"name\":\"Op Ann\",\"email\":\"op-ann@x.io\",\"mood\":\"happy\",\"nickName\":\"annie\"}");
        create("users", "{\"name\":\"Op Bob\",\"email\":\"op-bob@x.io\",\"mood\":\"sad\"}");
        create("users", "{\"name\":\"Op Cy\",\"email\":\"op-cy@x.io\"}");
        String scope = "{\"operator\":\"like\",\"field\":\"email\",\"value\":\"op-%\"}";
        record Case(String condition, List<String> names) {
        }
        List<Case> cases = List.of(
                new Case("{\"operator\":\"eq\",\"field\":\"mood\",\"value\":\"happy\"}", List.of("Op Ann")),
                new Case("{\"operator\":\"ne\",\"field\":\"mood\",\"value\":\"happy\"}", List.of("Op Bob")),
                new Case("{\"operator\":\"eq\",\"field\":\"nickName\",\"value\":null}", List.of()),
                new Case("{\"operator\":\"isNull\",\"field\":\"nickName\"}", List.of("Op Bob", "Op Cy")),
                new Case("{\"operator\":\"isNotNull\",\"field\":\"mood\"}", List.of("Op Ann", "Op Bob")),
                new Case("{\"operator\":\"gt\",\"field\":\"name\",\"value\":\"Op B\"}", List.of("Op Bob", "Op Cy")),
                new Case("{\"operator\":\"gte\",\"field\":\"name\",\"value\":\"Op Bob\"}", List.of("Op Bob", "Op Cy")),
                new Case("{\"operator\":\"lt\",\"field\":\"name\",\"value\":\"Op Bob\"}", List.of("Op Ann")),
                new Case("{\"operator\":\"lte\",\"field\":\"name\",\"value\":\"Op Bob\"}", List.of("Op Ann", "Op Bob")),
                new Case("{\"operator\":\"between\",\"field\":\"name\",\"value1\":\"Op B\",\"value2\":\"Op D\"}",
                        List.of("Op Bob", "Op Cy")),
                new Case("{\"operator\":\"notBetween\",\"field\":\"name\",\"value1\":\"Op B\",\"value2\":\"Op D\"}",
                        List.of("Op Ann")),
                new Case("{\"operator\":\"inArray\",\"field\":\"mood\",\"value\":[\"sad\",\"taco\"]}", List.of("Op Bob")),
                new Case("{\"operator\":\"notInArray\",\"field\":\"mood\",\"value\":[\"sad\"]}", List.of("Op Ann")),
                new Case("{\"operator\":\"inArray\",\"field\":\"name\",\"value\":[]}", List.of()),
                new Case("{\"operator\":\"notInArray\",\"field\":\"name\",\"value\":[]}", List.of("Op Ann", "Op Bob", "Op Cy")),
                new Case("{\"operator\":\"like\",\"field\":\"name\",\"value\":\"Op _o%\"}", List.of("Op Bob")),
                // native LIKE: case-sensitive, but not under MariaDB's default collation (cases.json)
                new Case("{\"operator\":\"like\",\"field\":\"name\",\"value\":\"op%\"}",
                        TestEnvironment.isMariadb() ? List.of("Op Ann", "Op Bob", "Op Cy") : List.of()),
                new Case("{\"operator\":\"notLike\",\"field\":\"name\",\"value\":\"%b\"}", List.of("Op Ann", "Op Cy")),
                new Case("{\"operator\":\"ilike\",\"field\":\"name\",\"value\":\"op c%\"}", List.of("Op Cy")),
                new Case("{\"operator\":\"notIlike\",\"field\":\"name\",\"value\":\"OP%B\"}", List.of("Op Ann", "Op Cy")),
                new Case("{\"operator\":\"arrayContained\",\"field\":\"name\",\"value\":[\"Op Cy\"]}", List.of("Op Cy")),
                new Case("{\"operator\":\"or\",\"conditions\":[{\"operator\":\"eq\",\"field\":\"name\",\"value\":\"Op Ann\"},"
                        + "{\"operator\":\"eq\",\"field\":\"name\",\"value\":\"Op Cy\"}]}", List.of("Op Ann", "Op Cy")),
                new Case("{\"operator\":\"not\",\"condition\":{\"operator\":\"eq\",\"field\":\"nickName\",\"value\":null}}",
                        List.of()),
                new Case("{\"operator\":\"and\",\"conditions\":[]}", List.of("Op Ann", "Op Bob", "Op Cy")));
        for (Case c : cases) {
            JsonArray rows = list("users", "{\"where\":{\"operator\":\"and\",\"conditions\":[" + scope + ","
                    + c.condition() + "]},\"orderBy\":\"name.asc\"}");
            assertEquals(c.names(), strings(rows, "name"), c.condition());
        }
    }

    @Test
    void datesInWhereAsSuperJsonDatesAndIsoStrings() {
        create("todos", "{\"title\":\"dated\"}");
        String sinceEpoch = "{\"json\":{\"where\":{\"operator\":\"gte\",\"field\":\"updatedAt\",\"value\":\"1970-01-01T00:00:00.000Z\"},"
                + "\"include\":null},\"meta\":{\"values\":{\"where.value\":[\"Date\"],\"include\":[\"undefined\"]},\"v\":1}}";
        var reply = rstore().get("api/rstore/todos", sinceEpoch);
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(strings(reply.array(), "title").contains("dated"));
        assertEquals(0, list("todos", "{\"where\":{\"operator\":\"gt\",\"field\":\"createdAt\","
                + "\"value\":\"2999-01-01T00:00:00.000Z\"}}").size());
    }

    @Test
    void columnsFollowDrizzleRules() {
        create("users", "{\"name\":\"Col\",\"email\":\"col@x.io\"}");
        String where = "\"where\":{\"operator\":\"eq\",\"field\":\"email\",\"value\":\"col@x.io\"}";
        assertEquals(Set.of("id", "name"), list("users", "{" + where + ",\"columns\":{\"id\":true,\"name\":true,"
                + "\"email\":false}}").getJsonObject(0).keySet());
        assertEquals(Set.of("id", "nickName", "mood", "settings", "createdAt", "updatedAt"), list("users", "{" + where
                + ",\"columns\":{\"name\":false,\"email\":false}}").getJsonObject(0).keySet());
        Set<String> all = Set.of("id", "name", "email", "nickName", "mood", "settings", "createdAt", "updatedAt");
        assertEquals(all, list("users", "{" + where + ",\"columns\":{}}").getJsonObject(0).keySet());
        assertEquals(all, list("users", "{" + where + ",\"columns\":{\"nope\":true,\"passwordHash\":true}}")
                .getJsonObject(0).keySet());
        int id = list("users", "{" + where + "}").getJsonObject(0).getInt("id");
        var got = rstore().get("api/rstore/users/" + id, sj("{\"columns\":{\"email\":true}}"));
        assertEquals(Set.of("email"), got.object().keySet());
    }

    @Test
    void keysFilterWithSingleAndCompoundKeys() {
        int a = create("todos", "{\"title\":\"k1\"}").getInt("id");
        int b = create("todos", "{\"title\":\"k2\"}").getInt("id");
        create("todos", "{\"title\":\"k3\"}");
        JsonArray rows = list("todos", "{\"keys\":[" + a + ",\"" + b + "\"],\"columns\":{\"id\":true},\"orderBy\":\"id.asc\"}");
        assertEquals(List.of(a, b), rows.stream().map(r -> r.asJsonObject().getInt("id")).toList());
        assertTrue(list("todos", "{\"keys\":[]}").size() >= 3, "keys [] means no key filter");
        String thousand = IntStream.range(0, 999).mapToObj(i -> "\"" + (100000 + i) + "\"")
                .collect(Collectors.joining(","));
        assertEquals(1, list("todos", "{\"keys\":[" + thousand + "," + a + "],\"columns\":{\"id\":true}}").size(),
                "the offline deletion check sends every key the client holds in the URL");
        String many = IntStream.range(0, 4999).mapToObj(i -> Integer.toString(900_000 + i)).collect(Collectors.joining(","));
        assertEquals(List.of(a, b), list("todos", "{\"keys\":[" + a + "," + many + "," + b + "],\"columns\":{\"id\":true}}")
                .stream().map(r -> r.asJsonObject().getInt("id")).toList(),
                "a key lookup (keys and primary-key columns only) may hold more than max-keys keys, read in parts");

        int team = create("teams", "{\"name\":\"Keys\"}").getInt("id");
        int ann = create("users", "{\"name\":\"K Ann\",\"email\":\"k-ann@x.io\"}").getInt("id");
        int bob = create("users", "{\"name\":\"K Bob\",\"email\":\"k-bob@x.io\"}").getInt("id");
        JsonObject membership = create("teamsToUsers", "{\"teamId\":" + team + ",\"userId\":" + ann + "}");
        assertEquals("member", membership.getString("role"));
        create("teamsToUsers", "{\"teamId\":" + team + ",\"userId\":" + bob + ",\"role\":\"owner\"}");
        JsonArray memberships = list("teamsToUsers", "{\"keys\":[\"" + team + "::" + bob + "\"]}");
        String pairs = IntStream.range(0, 2500).mapToObj(i -> "\"" + (800_000 + i) + "::" + i + "\"")
                .collect(Collectors.joining(","));
        assertEquals(1, list("teamsToUsers", "{\"keys\":[" + pairs + ",\"" + team + "::" + ann + "\"],"
                + "\"columns\":{\"teamId\":true,\"userId\":true}}").size(), "a key lookup of compound keys");
        assertEquals(1, memberships.size());
        assertEquals("owner", memberships.getJsonObject(0).getString("role"));
        var got = rstore().get("api/rstore/teamsToUsers/" + team + "::" + ann, null);
        assertEquals(200, got.status(), got.toString());
        assertEquals(List.of("teamId", "userId", "role", "createdAt", "updatedAt"), List.copyOf(got.object().keySet()));
        assertEquals(204, rstore().get("api/rstore/teamsToUsers/" + team + "::999999", null).status());
        assertError(rstore().get("api/rstore/teamsToUsers/" + team, null), 400,
                "Invalid key " + team + " for collection teamsToUsers");
        assertError(rstore().get("api/rstore/teamsToUsers/" + team + "::x", null), 400,
                "Invalid key " + team + "::x for collection teamsToUsers");
        var patched = rstore().patch("api/rstore/teamsToUsers/" + team + "::" + ann,
                sj("{\"teamId\":12345,\"userId\":777,\"role\":\"admin\"}"));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(team, patched.object().getInt("teamId"));
        assertEquals("admin", patched.object().getString("role"));
        assertEquals(200, rstore().delete("api/rstore/teamsToUsers/" + team + "::" + ann).status());
    }

    @Test
    void embeddedIdKeys() {
        int author = create("users", "{\"name\":\"E\",\"email\":\"e@x.io\"}").getInt("id");
        int post = create("posts", "{\"authorId\":" + author + ",\"title\":\"T\"}").getInt("id");
        int label = create("labels", "{\"name\":\"embedded\"}").getInt("id");
        JsonObject link = create("postLabels", "{\"postId\":" + post + ",\"labelId\":" + label + "}");
        assertEquals(post, link.getInt("postId"));
        var got = rstore().get("api/rstore/postLabels/" + post + "::" + label, null);
        assertEquals(200, got.status(), got.toString());
        assertEquals(link, got.object());
        assertError(rstore().post("api/rstore/postLabels", sj("{\"postId\":" + post + ",\"labelId\":" + label + "}")),
                409, "Item already exists in collection postLabels");
        assertEquals(200, rstore().delete("api/rstore/postLabels/" + post + "::" + label).status());
    }

    @Test
    void duplicatesAreConflicts() {
        JsonObject todo = create("todos", "{\"title\":\"dup\"}");
        assertError(rstore().post("api/rstore/todos", sj("{\"id\":" + todo.getInt("id") + ",\"title\":\"again\"}")),
                409, "Item already exists in collection todos");
        create("users", "{\"name\":\"U\",\"email\":\"unique@x.io\"}");
        assertError(rstore().post("api/rstore/users", sj("{\"name\":\"V\",\"email\":\"unique@x.io\"}")), 409,
                "Duplicate value for unique field email in collection users");
        JsonObject other = create("users", "{\"name\":\"W\",\"email\":\"unique2@x.io\"}");
        assertError(rstore().patch("api/rstore/users/" + other.getInt("id"), sj("{\"email\":\"unique@x.io\"}")), 409,
                "Duplicate value for unique field email in collection users");
        var same = rstore().patch("api/rstore/users/" + other.getInt("id"), sj("{\"email\":\"unique2@x.io\"}"));
        assertEquals(200, same.status(), same.toString());
    }

    @Test
    void clientGeneratedKeysAreKept() {
        JsonObject todo = create("todos", "{\"id\":987654,\"title\":\"from offline\"}");
        assertEquals(987654, todo.getInt("id"));
    }

    @Test
    void patchIgnoresPrimaryKeysLikeThePublishedClientSendsThem() {
        JsonObject user = create("users", "{\"name\":\"Pk\",\"email\":\"pk@x.io\"}");
        int id = user.getInt("id");
        var patched = rstore().patch("api/rstore/users/" + id,
                "{\"json\":{\"id\":null,\"name\":\"Pk2\"},\"meta\":{\"values\":{\"id\":[\"undefined\"]},\"v\":1}}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("Pk2", patched.object().getString("name"));
        var moved = rstore().patch("api/rstore/users/" + id, sj("{\"id\":123456,\"name\":\"Pk3\"}"));
        assertEquals(id, moved.object().getInt("id"));
        assertEquals("Pk3", moved.object().getString("name"));
    }

    @Test
    void hiddenFieldsNeverLeaveTheServerAndCannotBeUsed() {
        JsonObject user = create("users", "{\"name\":\"Hid\",\"email\":\"hid@x.io\"}");
        assertFalse(user.containsKey("passwordHash"));
        int id = user.getInt("id");
        assertFalse(rstore().get("api/rstore/users/" + id, null).object().containsKey("passwordHash"));
        assertFalse(rstore().patch("api/rstore/users/" + id, sj("{\"name\":\"Hid2\"}")).object()
                .containsKey("passwordHash"));
        list("users", null).forEach(r -> assertFalse(r.asJsonObject().containsKey("passwordHash")));
        assertError(rstore().get("api/rstore/users", sj("{\"where\":{\"operator\":\"isNull\",\"field\":\"passwordHash\"}}")),
                400, "Invalid filter");
        assertError(rstore().get("api/rstore/users", sj("{\"orderBy\":\"passwordHash.asc\"}")), 400,
                "Unknown field in filter: passwordHash");
        assertError(rstore().post("api/rstore/users", sj("{\"name\":\"H\",\"email\":\"h2@x.io\",\"passwordHash\":\"x\"}")),
                400, "Unknown field passwordHash in collection users");
        assertError(rstore().patch("api/rstore/users/" + id, sj("{\"passwordHash\":\"x\"}")), 400,
                "Unknown field passwordHash in collection users");
        assertFalse(rstore().delete("api/rstore/users/" + id).object().containsKey("passwordHash"));
    }

    @Test
    void jsonEnumerationAndForeignKeyFields() {
        JsonObject user = create("users", "{\"name\":\"J\",\"email\":\"j@x.io\",\"mood\":\"taco\","
                + "\"settings\":{\"theme\":\"dark\",\"n\":[1,2.5,null,true]}}");
        assertEquals("taco", user.getString("mood"));
        assertEquals("dark", user.getJsonObject("settings").getString("theme"));
        assertEquals(4, user.getJsonObject("settings").getJsonArray("n").size());
        assertError(rstore().post("api/rstore/users", sj("{\"name\":\"J\",\"email\":\"j2@x.io\",\"mood\":\"angry\"}")),
                400, "Invalid value for field mood in collection users");
        JsonObject post = create("posts", "{\"authorId\":" + user.getInt("id") + ",\"title\":\"fk\"}");
        assertEquals(user.getInt("id"), post.getInt("authorId"));
        assertEquals(List.of("id", "authorId", "title", "published", "createdAt", "updatedAt"),
                List.copyOf(post.keySet()));
        assertEquals(1, list("posts", "{\"where\":{\"operator\":\"eq\",\"field\":\"authorId\",\"value\":"
                + user.getInt("id") + "}}").size());
    }

    @Test
    void errorsOfTheCatalogue() {
        assertError(rstore().get("api/rstore/nope", null), 404, "Table not found for collection nope");
        assertEquals("HTTP/1.1 404 Table not found for collection nope", rstore().statusLine("api/rstore/nope"),
                "the reason phrase is the statusMessage, as Nitro sends it");
        assertError(rstore().get("api/rstore/nope/1", null), 404, "Table not found for collection nope");
        assertError(rstore().get("api/rstore/todos", "{not json"), 400, "Invalid superjson query parameter");
        assertError(rstore().getRaw("api/rstore/todos?superjson=%7B%7D&superjson=%7B%7D"), 400,
                "Invalid superjson query parameter");
        assertError(rstore().get("api/rstore/todos", "[1]"), 400, "Invalid superjson query parameter");
        assertError(rstore().get("api/rstore/todos", sj("[1]")), 400, "Invalid superjson query parameter");
        assertError(rstore().get("api/rstore/todos", sj("{\"where\":{\"operator\":\"foo\",\"field\":\"title\",\"value\":1}}")),
                400, "Invalid filter");
        assertError(rstore().get("api/rstore/todos", sj("{\"where\":{\"op\":\"eq\",\"field\":\"title\",\"value\":1}}")),
                400, "Invalid filter");
        assertError(rstore().get("api/rstore/todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"nope\",\"value\":1}}")),
                400, "Invalid filter");
        assertError(rstore().get("api/rstore/todos", sj("{\"orderBy\":\"nope.asc\"}")), 400, "Unknown field in filter: nope");
        assertError(rstore().get("api/rstore/todos", sj("{\"orderBy\":\"title\"}")), 400, "Invalid orderBy");
        assertError(rstore().get("api/rstore/todos", sj("{\"orderBy\":[\"title.up\"]}")), 400, "Invalid orderBy");
        assertError(rstore().get("api/rstore/todos", sj("{\"limit\":-1}")), 400, "Invalid limit");
        assertError(rstore().get("api/rstore/todos", sj("{\"limit\":1.5}")), 400, "Invalid limit");
        assertError(rstore().get("api/rstore/todos", sj("{\"limit\":\"5\"}")), 400, "Invalid limit");
        String keys = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertError(rstore().get("api/rstore/todos", sj("{\"keys\":[" + keys + "]}")), 400, "Too many keys (max 1000)");
        assertError(rstore().get("api/rstore/todos", sj("{\"keys\":[" + keys + "],\"columns\":{\"id\":true,\"title\":true}}")),
                400, "Too many keys (max 1000)");
        assertError(rstore().get("api/rstore/todos", sj("{\"keys\":[" + keys + "],\"columns\":{\"id\":true},\"limit\":5}")),
                400, "Too many keys (max 1000)");
        String tooMany = java.util.stream.IntStream.rangeClosed(1, 50_001).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertError(rstore().get("api/rstore/todos", sj("{\"keys\":[" + tooMany + "],\"columns\":{\"id\":true}}")),
                400, "Too many keys (max 50000)");
        var empty = rstore().get("api/rstore/todos", "{\"limit\":5}");
        assertEquals(200, empty.status(), "plain JSON without a json key is the empty query, as SuperJSON.parse gives");
    }

    @Test
    void missingAndEmptySearchQueriesAreTheEmptyQuery() {
        create("todos", "{\"title\":\"any\"}");
        assertEquals(200, rstore().get("api/rstore/todos", null).status());
        assertEquals(200, rstore().getRaw("api/rstore/todos?superjson=").status());
        assertEquals(200, rstore().get("api/rstore/todos",
                "{\"json\":null,\"meta\":{\"values\":[\"undefined\"],\"v\":1}}").status());
    }

    /** Payara's own error responses (payara/error-pages) carry the protocol's JSON error body, not HTML. */
    @Test
    void theServersOwnErrorsHaveTheProtocolsBody() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var outside = java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/no-such-application/x")).build();
        var reply = http.send(outside, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, reply.statusCode());
        assertEquals("{\"error\":true,\"url\":\"\",\"statusCode\":404,\"statusMessage\":\"Not Found\","
                + "\"message\":\"Not Found\"}", reply.body());
    }
}

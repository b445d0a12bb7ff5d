package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests: each gets the right 4xx in the protocol's error format, never a 5xx, and
 * nothing is written — checked through the API on every database and, on PostgreSQL, in the
 * database itself.
 */
@RivuletIT
class BadInputIT {

    private static final List<String> COLLECTIONS = List.of("todos", "users", "posts", "comments", "labels",
            "postLabels", "teams", "teamsToUsers", "projects", "secrets");
    private static final List<String> TABLES = List.of("todos", "users", "posts", "comments", "labels",
            "post_labels", "teams", "teams_to_users", "projects", "secrets");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    /** A bad request and the status and statusMessage it must get. */
    record Bad(String name, String method, String path, String superjson, String body, int status, String message) {
    }

    static Bad get(String name, String path, String superjson, int status, String message) {
        return new Bad(name, "GET", path, superjson, null, status, message);
    }

    static Bad write(String name, String method, String path, String body, int status, String message) {
        return new Bad(name, method, path, null, body, status, message);
    }

    static List<Bad> cases(int user, int team) {
        String bigBody = sj("{\"title\":\"" + "x".repeat(1_100_000) + "\"}");
        String deep = "[".repeat(200) + "]".repeat(200);
        String manyKeys = IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String invalidFilter = "Invalid filter";
        String invalidQuery = "Invalid superjson query parameter";
        List<Bad> bad = new ArrayList<>(List.of(
                // broken SuperJSON
                get("query not JSON", "todos", "{oops", 400, invalidQuery),
                get("query truncated", "todos", "{\"json\":{\"where\":", 400, invalidQuery),
                get("query root is a number", "todos", "42", 400, invalidQuery),
                get("query json is a string", "todos", sj("\"where\""), 400, invalidQuery),
                get("query json is an array", "todos", sj("[]"), 400, invalidQuery),
                get("meta values not an object", "todos", "{\"json\":{},\"meta\":{\"values\":7}}", 400, invalidQuery),
                get("meta path missing in json", "todos", "{\"json\":{},\"meta\":{\"values\":{\"a.b\":[\"Date\"]}}}", 400,
                        invalidQuery),
                get("meta unknown type", "todos", "{\"json\":{\"a\":1},\"meta\":{\"values\":{\"a\":[\"Klingon\"]}}}", 400,
                        invalidQuery),
                get("meta bad date", "todos", "{\"json\":{\"where\":{\"operator\":\"gt\",\"field\":\"createdAt\","
                        + "\"value\":\"yesterday\"}},\"meta\":{\"values\":{\"where.value\":[\"Date\"]}}}", 400, invalidQuery),
                get("nesting too deep", "todos", sj(deep), 400, invalidQuery),
                write("body not JSON", "POST", "todos", "{title:", 400, "Invalid request body"),
                write("body empty", "POST", "todos", "", 400, "Invalid request body"),
                write("body is an array", "POST", "todos", sj("[{\"title\":\"x\"}]"), 400, "Invalid request body"),
                write("body json missing", "POST", "todos", "{\"title\":\"x\"}", 400, "Invalid request body"),
                write("patch body a string", "PATCH", "todos/1", sj("\"x\""), 400, "Invalid request body"),
                // unknown collection, field, operator
                get("unknown collection", "nope", null, 404, "Table not found for collection nope"),
                get("unknown collection of 20,000 characters", "a".repeat(20_000), null, 404,
                        "Table not found for collection " + "a".repeat(100) + "..."),
                write("create in unknown collection", "POST", "nope", sj("{}"), 404, "Table not found for collection nope"),
                write("delete in unknown collection", "DELETE", "nope/1", null, 404, "Table not found for collection nope"),
                get("unknown field", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"nope\",\"value\":1}}"), 400,
                        invalidFilter),
                get("unknown operator", "todos", sj("{\"where\":{\"operator\":\"regex\",\"field\":\"title\",\"value\":\".\"}}"),
                        400, invalidFilter),
                get("docs-style op key", "todos", sj("{\"where\":{\"op\":\"eq\",\"field\":\"title\",\"value\":\"a\"}}"), 400,
                        invalidFilter),
                get("not without condition object", "todos", sj("{\"where\":{\"operator\":\"not\",\"condition\":5}}"), 400,
                        invalidFilter),
                get("and with non-array", "todos", sj("{\"where\":{\"operator\":\"and\",\"conditions\":{}}}"), 400,
                        invalidFilter),
                get("and as not", "todos", sj("{\"where\":{\"operator\":\"and\",\"condition\":{\"operator\":\"isNull\","
                        + "\"field\":\"title\"}}}"), 400, invalidFilter),
                get("field not a string", "todos", sj("{\"where\":{\"operator\":\"isNull\",\"field\":7}}"), 400, invalidFilter),
                get("eq without value", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\"}}"), 400, invalidFilter),
                get("between without value2", "todos", sj("{\"where\":{\"operator\":\"between\",\"field\":\"id\",\"value1\":1}}"),
                        400, invalidFilter),
                get("where is a string", "todos", sj("{\"where\":\"1=1\"}"), 400, invalidFilter),
                // wrong value types for a column
                get("string for integer", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"id\",\"value\":\"abc\"}}"), 400,
                        invalidFilter),
                get("integer out of range", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"id\",\"value\":1e30}}"), 400,
                        invalidFilter),
                get("object for text", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\",\"value\":{}}}"), 400,
                        invalidFilter),
                get("number for boolean", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"completed\",\"value\":2}}"),
                        400, invalidFilter),
                get("bad timestamp", "todos", sj("{\"where\":{\"operator\":\"gt\",\"field\":\"createdAt\",\"value\":\"soon\"}}"),
                        400, invalidFilter),
                get("unknown enum value", "users", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"mood\",\"value\":\"angry\"}}"),
                        400, invalidFilter),
                get("inArray with scalar", "todos", sj("{\"where\":{\"operator\":\"inArray\",\"field\":\"id\",\"value\":1}}"), 400,
                        invalidFilter),
                get("like on integer", "todos", sj("{\"where\":{\"operator\":\"like\",\"field\":\"id\",\"value\":\"1%\"}}"), 400,
                        invalidFilter),
                get("arrayContains on text", "todos", sj("{\"where\":{\"operator\":\"arrayContains\",\"field\":\"title\","
                        + "\"value\":\"a\"}}"), 400, invalidFilter),
                get("comparison on json", "users", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"settings\",\"value\":\"a\"}}"),
                        400, invalidFilter),
                write("string for boolean in body", "POST", "todos", sj("{\"title\":\"x\",\"completed\":\"yes\"}"), 400,
                        "Invalid value for field completed in collection todos"),
                write("number for text in body", "POST", "todos", sj("{\"title\":5}"), 400,
                        "Invalid value for field title in collection todos"),
                write("string for integer in body", "POST", "posts", sj("{\"authorId\":\"one\",\"title\":\"x\"}"), 400,
                        "Invalid value for field authorId in collection posts"),
                write("integer overflow in body", "POST", "posts", sj("{\"authorId\":99999999999,\"title\":\"x\"}"), 400,
                        "Invalid value for field authorId in collection posts"),
                write("bad date in body", "POST", "todos", sj("{\"title\":\"x\",\"createdAt\":\"tomorrow\"}"), 400,
                        "Invalid value for field createdAt in collection todos"),
                write("null for required field", "POST", "todos", sj("{\"title\":null}"), 400,
                        "Field title of collection todos cannot be null"),
                write("missing required field", "POST", "todos", sj("{\"completed\":true}"), 400,
                        "Missing required field title in collection todos"),
                write("patch required field to null", "PATCH", "users/" + user, sj("{\"name\":null}"), 400,
                        "Field name of collection users cannot be null"),
                write("bad enum in patch", "PATCH", "users/" + user, sj("{\"mood\":\"grumpy\"}"), 400,
                        "Invalid value for field mood in collection users"),
                // text UTF-8 cannot carry: refused, never stored as "?"
                write("lone surrogate in create", "POST", "todos", sj("{\"title\":\"\\ud800\"}"), 400,
                        "Invalid value for field title in collection todos"),
                write("lone low surrogate in create", "POST", "todos", sj("{\"title\":\"a\\udc00b\"}"), 400,
                        "Invalid value for field title in collection todos"),
                write("lone surrogate in patch", "PATCH", "users/" + user, sj("{\"name\":\"\\ud800\"}"), 400,
                        "Invalid value for field name in collection users"),
                write("lone surrogate in a JSON column", "PATCH", "users/" + user,
                        sj("{\"settings\":{\"theme\":\"\\udfff\"}}"), 400,
                        "Invalid value for field settings in collection users"),
                // field names that look like SQL
                get("SQL in field name", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title; DROP TABLE todos;--\","
                        + "\"value\":1}}"), 400, invalidFilter),
                get("SQL in orderBy", "todos", sj("{\"orderBy\":\"title desc; DROP TABLE todos.asc\"}"), 400,
                        "Unknown field in filter: title desc; DROP TABLE todos"),
                get("SQL in orderBy direction", "todos", sj("{\"orderBy\":\"title.asc; DROP TABLE todos\"}"), 400,
                        "Invalid orderBy"),
                write("SQL as body field", "POST", "todos", sj("{\"title\":\"x\",\"1=1; DELETE FROM todos\":1}"), 400,
                        "Unknown field 1=1; DELETE FROM todos in collection todos"),
                get("orderBy number", "todos", sj("{\"orderBy\":[1]}"), 400, "Invalid orderBy"),
                get("orderBy field of 5,000 characters", "todos", sj("{\"orderBy\":\"" + "b".repeat(5_000) + ".asc\"}"),
                        400, "Unknown field in filter: " + "b".repeat(100) + "..."),
                get("orderBy three parts", "todos", sj("{\"orderBy\":\"a.b.asc\"}"), 400, "Invalid orderBy"),
                // huge or negative limit/offset
                get("negative limit", "todos", sj("{\"limit\":-5}"), 400, "Invalid limit"),
                get("fractional limit", "todos", sj("{\"limit\":0.5}"), 400, "Invalid limit"),
                get("string limit", "todos", sj("{\"limit\":\"10\"}"), 400, "Invalid limit"),
                get("NaN limit", "todos", "{\"json\":{\"limit\":\"NaN\"},\"meta\":{\"values\":{\"limit\":[\"number\"]}}}", 400,
                        "Invalid limit"),
                get("negative offset", "todos", sj("{\"offset\":-1}"), 400, "Invalid offset"),
                get("huge offset", "todos", sj("{\"offset\":1e30}"), 400, "Invalid offset"),
                get("string offset", "todos", sj("{\"offset\":\"3\"}"), 400, "Invalid offset"),
                get("too many keys", "todos", sj("{\"keys\":[" + manyKeys + "]}"), 400, "Too many keys (max 1000)"),
                get("keys not an array", "todos", sj("{\"keys\":\"1\"}"), 400, "Invalid keys"),
                get("key is an object", "todos", sj("{\"keys\":[{}]}"), 400, "Invalid keys"),
                get("columns not an object", "todos", sj("{\"columns\":[\"id\"]}"), 400, "Invalid columns"),
                // malformed or partial compound keys
                get("partial compound key", "teamsToUsers/" + team, null, 400,
                        "Invalid key " + team + " for collection teamsToUsers"),
                get("compound key with extra part", "teamsToUsers/1::2::3", null, 400,
                        "Invalid key 1::2::3 for collection teamsToUsers"),
                get("compound key not numeric", "teamsToUsers/a::b", null, 400, "Invalid key a::b for collection teamsToUsers"),
                get("empty key segment", "teamsToUsers/::1", null, 400, "Invalid key ::1 for collection teamsToUsers"),
                get("compound key in keys", "teamsToUsers", sj("{\"keys\":[\"1\"]}"), 400,
                        "Invalid key 1 for collection teamsToUsers"),
                get("single key not numeric", "todos/abc", null, 400, "Invalid key abc for collection todos"),
                get("key with a NUL in keys", "todos", sj("{\"keys\":[\"1\\u0000\"]}"), 400,
                        "Invalid key 1\u0000 for collection todos"),
                get("number key with a space in keys", "todos", sj("{\"keys\":[\" 1\"]}"), 400,
                        "Invalid key  1 for collection todos"),
                get("compound key with a NUL in keys", "teamsToUsers", sj("{\"keys\":[\"" + team + "::1\\u0000\"]}"),
                        400, "Invalid key " + team + "::1\u0000 for collection teamsToUsers"),
                write("patch with bad key", "PATCH", "todos/1.5", sj("{\"title\":\"x\"}"), 400,
                        "Invalid key 1.5 for collection todos"),
                write("delete with bad key", "DELETE", "teamsToUsers/1", null, 400, "Invalid key 1 for collection teamsToUsers"),
                // bodies with unknown or hidden fields
                write("unknown field in create", "POST", "todos", sj("{\"title\":\"x\",\"color\":\"red\"}"), 400,
                        "Unknown field color in collection todos"),
                write("unknown field in patch", "PATCH", "users/" + user, sj("{\"age\":3}"), 400,
                        "Unknown field age in collection users"),
                write("hidden field in create", "POST", "users", sj("{\"name\":\"x\",\"email\":\"h@x.io\",\"passwordHash\":\"p\"}"),
                        400, "Unknown field passwordHash in collection users"),
                write("hidden field in patch", "PATCH", "users/" + user, sj("{\"passwordHash\":\"p\"}"), 400,
                        "Unknown field passwordHash in collection users"),
                get("hidden field in filter", "users", sj("{\"where\":{\"operator\":\"like\",\"field\":\"passwordHash\","
                        + "\"value\":\"%\"}}"), 400, invalidFilter),
                get("hidden field in orderBy", "users", sj("{\"orderBy\":\"passwordHash.desc\"}"), 400,
                        "Unknown field in filter: passwordHash"),
                // conflicts
                write("duplicate unique email", "POST", "users", sj("{\"name\":\"x\",\"email\":\"bad-input@x.io\"}"), 409,
                        "Duplicate value for unique field email in collection users"),
                write("duplicate primary key", "POST", "users", sj("{\"id\":" + user + ",\"name\":\"x\",\"email\":\"o@x.io\"}"),
                        409, "Item already exists in collection users"),
                write("delete a referenced row", "DELETE", "users/" + user, null, 409,
                        "Foreign key constraint violated in collection users"),
                // oversized bodies and parameters
                write("oversized body", "POST", "todos", bigBody, 413, "Request body too large (max 1048576 bytes)"),
                get("oversized superjson parameter", "todos", sj("{\"where\":{\"operator\":\"eq\",\"field\":\"title\","
                        + "\"value\":\"" + "y".repeat(66_000) + "\"}}"), 400, invalidQuery),
                // wrong routes and methods
                write("PUT is not a route", "PUT", "todos/1", sj("{}"), 405, "Method Not Allowed"),
                write("POST to an item", "POST", "todos/1", sj("{}"), 405, "Method Not Allowed"),
                get("too deep a path", "todos/1/2", null, 404, "Not Found")));
        return bad;
    }

    @Test
    void everyBadRequestIsA4xxAndWritesNothing() throws SQLException {
        RstoreClient rstore = new RstoreClient(base);
        var user = rstore.post("api/rstore/users", sj("{\"name\":\"Bad\",\"email\":\"bad-input@x.io\"}")).object();
        var team = rstore.post("api/rstore/teams", sj("{\"name\":\"Bad\"}")).object();
        rstore.post("api/rstore/posts", sj("{\"authorId\":" + user.getInt("id") + ",\"title\":\"keeps user\"}"));
        Map<String, String> before = snapshot(rstore);
        Map<String, Long> tablesBefore = tableCounts();

        List<Bad> cases = cases(user.getInt("id"), team.getInt("id"));
        assertTrue(cases.size() >= 50, "at least 50 malformed requests");
        List<String> failures = new ArrayList<>();
        for (Bad bad : cases) {
            String query = bad.superjson() == null ? ""
                    : "?superjson=" + java.net.URLEncoder.encode(bad.superjson(), java.nio.charset.StandardCharsets.UTF_8);
            String[] headers = bad.body() == null ? new String[0] : new String[] {"content-type", "application/json"};
            RstoreClient.Reply reply = rstore.send(bad.method(), "api/rstore/" + bad.path() + query, bad.body(), headers);
            String message = reply.contentType().startsWith("application/json") && reply.body().startsWith("{")
                    ? reply.object().getString("statusMessage", "?") : "(no JSON error body)";
            if (reply.status() != bad.status() || !bad.message().equals(message)) {
                failures.add(bad.name() + ": " + reply.status() + " " + message + " (expected " + bad.status() + " "
                        + bad.message() + ")");
            }
            assertTrue(reply.status() < 500, bad.name() + " gave " + reply);
        }
        assertEquals(List.of(), failures);
        assertEquals(before, snapshot(rstore), "nothing was written");
        assertEquals(tablesBefore, tableCounts(), "no rows were written");
    }

    /** The status line repeats at most 100 characters of a name the client sent (Node's HTTP parser refuses long ones). */
    @Test
    void theStatusLineStaysShort() {
        RstoreClient rstore = new RstoreClient(base);
        assertEquals("HTTP/1.1 404 Table not found for collection " + "a".repeat(100) + "...",
                rstore.statusLine("api/rstore/" + "a".repeat(20_000)));
    }

    /** A path key with a NUL is not row 1, whoever refuses it (Grizzly refuses %00 in a path before Rivulet sees it). */
    @Test
    void aPathKeyWithANulIsNotRowOne() {
        RstoreClient rstore = new RstoreClient(base);
        int id = rstore.post("api/rstore/todos", sj("{\"title\":\"nul key\"}")).object().getInt("id");
        for (String path : List.of("todos/" + id + "%00", "todos/%00" + id, "todos/" + id + "%20")) {
            var reply = rstore.send("GET", "api/rstore/" + path, null);
            assertEquals(400, reply.status(), path + ": " + reply);
        }
    }

    /** Every row of every collection, as the API shows it. */
    private static Map<String, String> snapshot(RstoreClient rstore) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            rows.put(collection, rstore.get("api/rstore/" + collection, null).body());
        }
        return rows;
    }

    /** Row counts straight from the database (PostgreSQL runs; H2 lives inside the server). */
    private static Map<String, Long> tableCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (!TestEnvironment.isPostgresql()) {
            return counts;
        }
        try (Connection connection = TestEnvironment.connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}

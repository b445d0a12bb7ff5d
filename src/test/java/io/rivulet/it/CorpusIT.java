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
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The hostile-input corpus ({@code src/test/resources/corpus/}): every case, one test each, gets
 * its documented answer — a 4xx in the protocol's error body, or for WebSocket its documented
 * reaction — never a 5xx or a 1011 close, and never a hidden field. After every chunk of cases the
 * server still serves (REST and WebSocket) and nothing was written: checked through the API on
 * every database and, on PostgreSQL, in the database itself.
 */
@RivuletIT
@OwnServer
class CorpusIT {

    private static final int CHUNK = 50;
    /** The hidden {@code passwordHash} of the fixture user (PostgreSQL runs set it in the database). */
    static final String PASSWORD_HASH = "$2a$10$corpus.hash.never.leaves";
    private static final List<String> COLLECTIONS = List.of("todos", "users", "posts", "comments", "labels",
            "postLabels", "teams", "teamsToUsers", "projects", "secrets", "notes", "guardedProbes");
    private static final List<String> TABLES = List.of("todos", "users", "posts", "comments", "labels",
            "post_labels", "teams", "teams_to_users", "projects", "secrets", "notes", "guarded_probes");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    @TestFactory
    Stream<DynamicNode> corpus() throws SQLException {
        Map<String, String> fixtures = fixtures(new RstoreClient(base));
        Map<String, String> before = snapshot();
        RawHttp http = new RawHttp(base);
        List<RestCase> rest = new ArrayList<>();
        for (String file : List.of("rest.tsv", "batch.tsv")) {
            CorpusText.lines("/corpus/" + file).forEach(line -> rest.add(RestCase.of(line, fixtures)));
        }
        List<WsCase> ws = CorpusText.lines("/corpus/websocket.tsv").stream().map(line -> WsCase.of(line, fixtures))
                .toList();
        int cases = rest.size() + ws.size();
        WsClient watcher = watcher();
        return Stream.of(
                DynamicTest.dynamicTest("the corpus has at least 600 cases (" + cases + ")",
                        () -> assertTrue(cases >= 600, cases + " cases")),
                DynamicContainer.dynamicContainer("REST and _batch", chunked(rest,
                        c -> () -> c.check(c.send(http)), before, watcher)),
                DynamicContainer.dynamicContainer("WebSocket", chunked(ws, c -> () -> c.run(base), before, watcher)),
                DynamicTest.dynamicTest("the watching peer got no frame but pongs", () -> {
                    try {
                        assertEquals(null, watcher.quiet(200));
                    } finally {
                        watcher.close();
                    }
                }));
    }

    /**
     * A peer subscribed to every collection for the whole run: it must go on answering (a bad row
     * once silenced a collection's peers) and, since nothing is written, receive nothing else.
     */
    private WsClient watcher() {
        try {
            WsClient watcher = new WsClient(base);
            for (String collection : COLLECTIONS) {
                watcher.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"" + collection + "\"}}");
            }
            watcher.send("ping");
            while (!"pong".equals(watcher.next())) {
                // the rejections of the subscribe frames (secrets: the test deployment's authorize hook)
            }
            return watcher;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One test a case, and after every {@link #CHUNK} cases a check that the server serves and nothing was written. */
    private <C> List<DynamicNode> chunked(List<C> cases, Function<C, Executable> test, Map<String, String> before,
            WsClient watcher) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            C c = cases.get(i);
            Executable run = test.apply(c);
            nodes.add(DynamicTest.dynamicTest(c.toString(), () -> named(c, run)));
            if ((i + 1) % CHUNK == 0 || i == cases.size() - 1) {
                nodes.add(DynamicTest.dynamicTest("still serving, nothing written, after " + c,
                        () -> stillServingAndUnchanged(before, watcher)));
            }
        }
        return nodes;
    }

    /** A failure names its case (the console lists tests by their ids). */
    private static void named(Object c, Executable run) throws Throwable {
        try {
            run.execute();
        } catch (AssertionError e) {
            throw new AssertionError(c + ": " + e.getMessage(), e);
        }
    }

    private void stillServingAndUnchanged(Map<String, String> before, WsClient watcher) throws Exception {
        try (WsClient ws = new WsClient(base)) {
            assertEquals("pong", ws.send("ping").next());
        }
        assertEquals("pong", watcher.send("ping").next(), "the watching peer");
        assertEquals(before, snapshot(), "nothing was written");
    }

    /** The rows the cases refer to: «user», «team», «post», «todo». */
    private static Map<String, String> fixtures(RstoreClient rstore) throws SQLException {
        var user = rstore.post("api/rstore/users", sj("{\"name\":\"Bad\",\"email\":\"bad-input@x.io\"}")).object();
        var team = rstore.post("api/rstore/teams", sj("{\"name\":\"Bad\"}")).object();
        var post = rstore.post("api/rstore/posts", sj("{\"authorId\":" + user.getInt("id") + ",\"title\":\"keeps user\"}"))
                .object();
        var todo = rstore.post("api/rstore/todos", sj("{\"title\":\"a todo\"}")).object();
        rstore.post("api/rstore/guardedProbes", sj("{\"name\":\"guarded\"}"));
        if (TestEnvironment.isPostgresql()) {
            try (Connection connection = TestEnvironment.connect();
                    var update = connection.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                update.setString(1, PASSWORD_HASH);
                update.setInt(2, user.getInt("id"));
                update.executeUpdate();
            }
        }
        return Map.of("user", String.valueOf(user.getInt("id")), "team", String.valueOf(team.getInt("id")),
                "post", String.valueOf(post.getInt("id")), "todo", String.valueOf(todo.getInt("id")));
    }

    /** Every row of every collection as the API shows it, and on PostgreSQL the row counts of its tables. */
    private Map<String, String> snapshot() throws SQLException {
        RstoreClient rstore = new RstoreClient(base);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            rows.put(collection, rstore.get("api/rstore/" + collection, null).body());
        }
        if (TestEnvironment.isPostgresql()) {
            try (Connection connection = TestEnvironment.connect(); Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        rows.put("table " + table, Long.toString(rs.getLong(1)));
                    }
                }
            }
        }
        return rows;
    }
}

package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.broker.ArtemisBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code rivulet.changes.source=postgresql} (README, "Change source") on an embedded PostgreSQL
 * with {@code wal_level=logical} (the machine's server runs {@code replica}), on a fixed data
 * directory and port (never cleaned by zonky, which would delete it at close), so that the test
 * can restart it: two Payara Micro nodes on one Artemis
 * topic; writes made with plain SQL, outside Rivulet, reach WebSocket subscribers on both nodes,
 * read once from the slot; API writes arrive once and never echo; reading resumes after
 * PostgreSQL restarts; what was written while Rivulet was down reaches the changes feed once.
 * Last, a node with the option off creates no slot and opens no replication connection.
 */
@StartsItsOwnServers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresqlChangeSourceIT {

    private static final String V2 = "{\"init\":{\"clientId\":\"%s\",\"v\":2}}";
    private static final String ACK = "{\"init\":{\"ok\":true,\"v\":2}}";
    private static final String DONE = ",\"where\":{\"operator\":\"eq\",\"field\":\"completed\",\"value\":true}";
    private static final Path DATA = Path.of("target", "pg-logical");

    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static TestEnvironment.Database database;
    private static ArtemisBroker broker;
    private static PayaraNode nodeA;
    private static PayaraNode nodeB;
    /** With the option off, on another database of the same server. */
    private static PayaraNode nodeOff;
    private static TestEnvironment.Database offDatabase;
    private static String[] settings;

    @BeforeAll
    static void start() throws Exception {
        deleteRecursively(DATA);
        pgPort = TestEnvironment.freePort();
        postgres = startPostgres();
        database = new TestEnvironment.Database(TestEnvironment.Server.POSTGRESQL, "127.0.0.1", pgPort, "rivulet_changes_it");
        offDatabase = new TestEnvironment.Database(TestEnvironment.Server.POSTGRESQL, "127.0.0.1", pgPort, "rivulet_off_it");
        try (Connection admin = database.admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name());
            statement.execute("CREATE DATABASE " + offDatabase.name());
        }
        broker = new ArtemisBroker("127.0.0.1", TestEnvironment.freePort()).start();
        settings = new String[] {"rivulet.changes.source=postgresql", "rivulet.bus=jms",
            "rivulet.jms.broker-url=" + broker.url(), "rivulet.jms.topic=rivulet.pg.it"};
        // the node with the option off boots alongside node A (another database: no schema race)
        nodeOff = PayaraNode.start("pg-changes-off", offDatabase);
        nodeA = PayaraNode.start("pg-changes-a", database, settings).awaitUp();
        nodeA.awaitLog("reads the slot rivulet");
        nodeB = PayaraNode.start("pg-changes-b", database, settings).awaitUp();
        nodeB.awaitLog("another node reads the slot rivulet");
    }

    /** The embedded server with logical decoding, on this class's data directory and port. */
    private static EmbeddedPostgres startPostgres() throws Exception {
        Files.createDirectories(DATA);
        return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(pgPort)
                .setServerConfig("wal_level", "logical").setServerConfig("max_replication_slots", "8")
                .setServerConfig("max_wal_senders", "8").setServerConfig("max_slot_wal_keep_size", "256MB")
                // zonky turns it off: commits would reach the stream only at the WAL writer's next flush (200 ms)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, nodeOff, broker, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one is stopped anyway
            }
        }
    }

    private static WsClient peer(PayaraNode node, String clientId, String collection, String subscription) throws Exception {
        WsClient ws = new WsClient(node.url()).send(String.format(V2, clientId));
        assertEquals(ACK, ws.next());
        ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"" + collection + "\"" + subscription + "}}");
        return ws.sync();
    }

    private static JsonObject update(WsClient ws) throws InterruptedException {
        JsonObject frame = ws.nextJson();
        assertTrue(frame.containsKey("update"), frame.toString());
        return frame.getJsonObject("update");
    }

    private static long sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            if (statement.contains("RETURNING")) {
                try (ResultSet result = prepared.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
            return prepared.executeUpdate();
        }
    }

    private static long insertTodo(String title) throws SQLException {
        return sql("INSERT INTO todos (id, title, completed, created_at, updated_at)"
                + " VALUES (nextval('example_id_seq'), ?, false, now(), now()) RETURNING id", title);
    }

    @Test
    @Order(1)
    void plainSqlWritesReachSubscribersOnBothNodesFilteredAndWithoutHiddenFields() throws Exception {
        try (WsClient all = peer(nodeA, "a-all", "todos", ""); WsClient done = peer(nodeA, "a-done", "todos", DONE);
             WsClient onB = peer(nodeB, "b-all", "todos", ""); WsClient users = peer(nodeB, "b-users", "users", "")) {
            long id = insertTodo("by psql");
            JsonObject created = update(all);
            assertEquals("created", created.getString("type"));
            assertEquals(String.valueOf(id), created.getString("key"));
            JsonObject record = created.getJsonObject("record");
            assertEquals("by psql", record.getString("title"));
            assertEquals(JsonValue.FALSE, record.get("completed"));
            assertTrue(record.getString("createdAt").endsWith("Z"), "a wire timestamp: " + record);
            assertFalse(created.containsKey("originClientId"), "another program's write has no origin");
            assertEquals(created, update(onB), "node B (not the reader) gets it through the topic, the same frame");

            sql("UPDATE todos SET completed = true WHERE id = ?", id);
            JsonObject completed = update(done);
            assertEquals("updated", completed.getString("type"));
            assertEquals(JsonValue.TRUE, completed.getJsonObject("record").get("completed"), "enters the filter");
            assertEquals("updated", update(all).getString("type"));
            update(onB);

            sql("DELETE FROM todos WHERE id = ?", id);
            JsonObject deleted = update(all);
            assertEquals("deleted", deleted.getString("type"));
            assertEquals(String.valueOf(id), deleted.getString("key"));
            assertEquals("deleted", update(done).getString("type"), "a key-only delete reaches filtered subscribers too");
            update(onB);

            long user = sql("INSERT INTO users (id, name, email, nick_name, password_hash, created_at, updated_at)"
                    + " VALUES (nextval('example_id_seq'), 'ann', 'ann@sql.io', 'annie', 'secret', now(), now()) RETURNING id");
            JsonObject userRecord = update(users).getJsonObject("record");
            assertEquals(user, userRecord.getJsonNumber("id").longValue());
            assertEquals("annie", userRecord.getString("nickName"), "column names are mapped to field names");
            assertFalse(userRecord.containsKey("passwordHash"), "a hidden field never leaves: " + userRecord);
            assertFalse(userRecord.toString().contains("secret"), userRecord.toString());

            assertNull(done.quiet(500), "the insert of a row outside the filter was not sent to it");
            assertNull(all.quiet(100), "exactly once");
            assertNull(onB.quiet(100), "exactly once on node B too: one node reads the slot");
        }
    }

    @Test
    @Order(2)
    void withReplicaIdentityFullAnUpdateCarriesThePreviousRow() throws Exception {
        sql("ALTER TABLE todos REPLICA IDENTITY FULL");
        try (WsClient done = peer(nodeA, "a-done-full", "todos", DONE)) {
            long id = insertTodo("full");
            sql("UPDATE todos SET completed = true WHERE id = ?", id);
            assertEquals("full", update(done).getJsonObject("record").getString("title"), "enters the filter");
            sql("UPDATE todos SET title = 'still done' WHERE id = ?", id);
            assertEquals("still done", update(done).getJsonObject("record").getString("title"));
            sql("UPDATE todos SET completed = false WHERE id = ?", id);
            assertEquals("updated", update(done).getString("type"), "leaves the filter: the previous row matched");
            sql("UPDATE todos SET title = 'not done' WHERE id = ?", id);
            assertNull(done.quiet(1000), "with the previous row known, an update outside the filter is not sent;"
                    + " nor was the insert of a row outside it");
        } finally {
            sql("ALTER TABLE todos REPLICA IDENTITY DEFAULT");
        }
    }

    @Test
    @Order(3)
    void anApiWriteReachesEachSubscriberOnceAndNeverItsOrigin() throws Exception {
        try (WsClient author = peer(nodeA, "tab-1", "todos", ""); WsClient other = peer(nodeA, "tab-2", "todos", "");
             WsClient onB = peer(nodeB, "tab-3", "todos", "")) {
            var reply = new RstoreClient(nodeB.url()).sendJson("POST", "api/rstore/todos", sj("{\"title\":\"mine\"}"),
                    "X-Rstore-Client-Id", "tab-1");
            assertEquals(200, reply.status(), reply.toString());
            JsonObject created = update(other);
            assertEquals("tab-1", created.getString("originClientId"), "the origin travels in the transaction's message");
            assertEquals(reply.object(), created.getJsonObject("record"), "the record as the API answered it");
            assertEquals(created, update(onB));
            assertNull(author.quiet(1000), "the tab that made the change does not get it back");
            assertNull(other.quiet(100), "once: the JPA path does not publish as well");
            assertNull(onB.quiet(100), "once");
        }
    }

    @Test
    @Order(4)
    void readingResumesAfterPostgresqlRestarts() throws Exception {
        postgres.close();
        // pg_ctl stop gives up after 5 s (zonky): wait for the server to be gone before starting it again
        for (int i = 0; i < 300 && Files.exists(DATA.resolve("postmaster.pid")); i++) {
            Thread.sleep(100);
        }
        postgres = startPostgres();
        try (WsClient all = peer(nodeA, "a-after-restart", "todos", "")) {
            long id = insertTodo("after the restart");
            JsonObject created = update(all);
            assertEquals(String.valueOf(id), created.getString("key"));
        }
    }

    @Test
    @Order(5)
    void whatWasWrittenWhileRivuletWasDownReachesTheChangesFeedOnce() throws Exception {
        RstoreClient a = new RstoreClient(nodeA.url());
        String cursor = null;
        JsonObject page;
        do {
            page = a.getRaw("api/rstore/todos/_changes" + (cursor == null ? "" : "?since=" + encode(cursor))).object();
            cursor = page.getString("cursor");
        } while (page.getBoolean("hasMore"));
        assertTrue(nodeA.stop(), "node A stops by itself");
        assertTrue(nodeB.stop(), "node B stops by itself");
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            written.add(insertTodo("while away " + i));
        }
        nodeA = PayaraNode.start("pg-changes-a2", database, settings).awaitUp();
        a = new RstoreClient(nodeA.url());
        Set<String> seen = new HashSet<>();
        List<String> keys = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (seen.size() < 100 && System.nanoTime() < deadline) {
            page = a.getRaw("api/rstore/todos/_changes?since=" + encode(cursor)).object();
            cursor = page.getString("cursor");
            for (JsonValue change : page.getJsonArray("changes")) {
                String key = change.asJsonObject().getString("key");
                keys.add(key);
                seen.add(key);
            }
            if (!page.getBoolean("hasMore")) {
                Thread.sleep(200);
            }
        }
        assertEquals(written.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()), seen,
                "every row written while Rivulet was away");
        assertEquals(100, keys.size(), "no duplicates");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*), count(DISTINCT row_key) FROM rivulet_changes"
                     + " WHERE collection = 'todos' AND row_key::bigint >= " + written.get(0))) {
            count.next();
            assertEquals(100, count.getInt(1), "one journal entry per row, none replayed twice");
            assertEquals(100, count.getInt(2));
        }
    }

    @Test
    @Order(6)
    void withTheOptionOffNoSlotAndNoReplicationConnection() throws Exception {
        nodeOff.awaitUp();
        var reply = new RstoreClient(nodeOff.url()).sendJson("POST", "api/rstore/todos", sj("{\"title\":\"jpa\"}"));
        assertEquals(200, reply.status(), reply.toString());
        try (Connection connection = offDatabase.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet slots = statement.executeQuery(
                    "SELECT count(*) FROM pg_replication_slots WHERE database = current_database()")) {
                slots.next();
                assertEquals(0, slots.getInt(1), "no slot is created");
            }
            try (ResultSet senders = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND (backend_type = 'walsender'"
                    + " OR application_name = 'rivulet-change-source')")) {
                senders.next();
                assertEquals(0, senders.getInt(1), "no replication (or reader lock) connection is opened");
            }
            try (ResultSet publications = statement.executeQuery("SELECT count(*) FROM pg_publication")) {
                publications.next();
                assertEquals(0, publications.getInt(1), "no publication either");
            }
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet senders = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND backend_type = 'walsender'")) {
            senders.next();
            assertEquals(1, senders.getInt(1), "while the node with the option on has its one replication connection");
        }
    }

    private static String encode(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

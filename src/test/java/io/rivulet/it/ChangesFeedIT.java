package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The changes feed ({@code GET /api/rstore/{collection}/_changes}, README "Offline sync") and
 * the versions of rows (ETag, If-Match, If-None-Match, reject-stale), on H2 and PostgreSQL.
 */
@RivuletIT
class ChangesFeedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    private RstoreClient rstore() {
        return new RstoreClient(base);
    }

    private JsonObject page(String collection, String since, int limit) {
        String query = "?limit=" + limit + (since == null ? "" : "&since=" + since);
        var reply = rstore().getRaw("api/rstore/" + collection + "/_changes" + query);
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    private int create(String collection, String json) {
        var reply = rstore().post("api/rstore/" + collection, sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object().getInt("id");
    }

    /** Follows the cursor until {@code hasMore} is false; every change in order. */
    private String drain(String collection, String since, int limit, List<JsonObject> into) {
        String cursor = since;
        for (int pages = 0; pages < 10_000; pages++) {
            JsonObject page = page(collection, cursor, limit);
            page.getJsonArray("changes").forEach(c -> into.add(c.asJsonObject()));
            cursor = page.getString("cursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("the feed did not end");
    }

    @Test
    void theSnapshotComesInPagesThenTheChangesWithTombstones() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(create("labels", "{\"name\":\"feed-label-" + i + "\"}"));
        }
        List<JsonObject> snapshot = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        JsonObject page;
        do {
            page = page("labels", cursor, 10);
            sizes.add(page.getJsonArray("changes").size());
            page.getJsonArray("changes").forEach(c -> snapshot.add(c.asJsonObject()));
            cursor = page.getString("cursor");
        } while (page.getBoolean("hasMore"));
        assertTrue(sizes.size() >= 3 && sizes.get(0) == 10 && sizes.get(1) == 10, sizes.toString());
        Set<Integer> seen = new java.util.HashSet<>();
        for (JsonObject change : snapshot) {
            assertEquals("upsert", change.getString("op"));
            assertEquals(Set.of("id", "name", "createdAt", "updatedAt"), change.getJsonObject("row").keySet());
            assertEquals(String.valueOf(change.getJsonObject("row").getInt("id")), change.getString("key"));
            assertTrue(seen.add(change.getJsonObject("row").getInt("id")), "each row once in the snapshot");
        }
        assertTrue(seen.containsAll(ids), "every row in the snapshot");

        int created = create("labels", "{\"name\":\"feed-label-new\"}");
        assertEquals(200, rstore().patch("api/rstore/labels/" + ids.get(0), sj("{\"name\":\"feed-renamed\"}")).status());
        assertEquals(200, rstore().delete("api/rstore/labels/" + ids.get(1)).status());
        List<JsonObject> changes = new ArrayList<>();
        String next = drain("labels", cursor, 1000, changes);
        assertEquals(3, changes.size(), changes.toString());
        assertEquals("upsert", changes.get(0).getString("op"));
        assertEquals(created, changes.get(0).getJsonObject("row").getInt("id"));
        assertEquals("feed-renamed", changes.get(1).getJsonObject("row").getString("name"));
        assertEquals("{\"op\":\"delete\",\"key\":\"" + ids.get(1) + "\",\"row\":{\"id\":" + ids.get(1) + "}}",
                changes.get(2).toString(), "a tombstone carries the key fields only");
        List<JsonObject> none = new ArrayList<>();
        assertEquals(next, drain("labels", next, 1000, none));
        assertEquals(List.of(), none, "nothing new: the same cursor");
    }

    @Test
    void hiddenFieldsStayHiddenAndCompoundKeysPage() {
        List<JsonObject> users = new ArrayList<>();
        drain("users", null, 1000, users);
        users.forEach(u -> assertFalse(u.getJsonObject("row").containsKey("passwordHash"), u.toString()));
        List<JsonObject> memberships = new ArrayList<>();
        drain("teamsToUsers", null, 1, memberships);
        memberships.forEach(m -> assertTrue(m.getString("key").contains("::"), m.toString()));
    }

    @Test
    void aForeignOrBrokenCursorIsAnsweredAsDocumented() {
        String cursor = page("todos", null, 1).getString("cursor");
        String text = new String(Base64.getUrlDecoder().decode(cursor));
        String[] parts = text.split("\\.");
        parts[1] = "someotherdatabase";
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(".", parts).getBytes());
        var reset = rstore().getRaw("api/rstore/todos/_changes?since=" + foreign);
        RstoreClient.assertError(reset, 409, "Changes cursor expired");
        assertEquals(JsonValue.TRUE, reset.object().getJsonObject("data").get("reset"));
        RstoreClient.assertError(rstore().getRaw("api/rstore/todos/_changes?since=nonsense"), 400, "Invalid cursor");
        RstoreClient.assertError(rstore().getRaw("api/rstore/todos/_changes?limit=0"), 400, "Invalid limit");
        RstoreClient.assertError(rstore().getRaw("api/rstore/nope/_changes"), 404, "Table not found for collection nope");
    }

    /**
     * 8 writers create, then update and delete, concurrently, while a puller follows the cursor in
     * small pages: every acknowledged change reaches the puller exactly once, none is skipped.
     */
    @Test
    void concurrentWritersAndInterleavedPullsMissNothingAndRepeatNothing() throws Exception {
        String start = drain("todos", null, 1000, new ArrayList<>());
        int writers = 8;
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
            Map<String, Integer> upserts = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<String> puller = pool.submit(() -> {
                String cursor = start;
                while (writing.get()) {
                    List<JsonObject> changes = new ArrayList<>();
                    JsonObject page = page("todos", cursor, 7);
                    page.getJsonArray("changes").forEach(c -> changes.add(c.asJsonObject()));
                    changes.forEach(c -> upserts.merge(c.getString("key"), 1, Integer::sum));
                    cursor = page.getString("cursor");
                }
                List<JsonObject> rest = new ArrayList<>();
                cursor = drain("todos", cursor, 7, rest);
                rest.forEach(c -> upserts.merge(c.getString("key"), 1, Integer::sum));
                return cursor;
            });
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        int id = create("todos", "{\"title\":\"w" + writer + "-" + i + "\"}");
                        acknowledged.put(id, "w" + writer + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            writing.set(false);
            String after = puller.get();
            assertEquals(writers * perWriter, acknowledged.size());
            Map<String, Integer> expected = new HashMap<>();
            acknowledged.keySet().forEach(id -> expected.put(String.valueOf(id), 1));
            assertEquals(expected, upserts, "every create exactly once");

            // then updates and deletes of those rows, concurrently, each row changed once
            List<Integer> rows = new ArrayList<>(acknowledged.keySet());
            Map<String, String> final_ = new ConcurrentHashMap<>();
            List<Future<?>> changes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                changes.add(pool.submit(() -> {
                    for (int i = writer; i < rows.size(); i += writers) {
                        int id = rows.get(i);
                        if (i % 3 == 0) {
                            assertEquals(200, rstore().delete("api/rstore/todos/" + id).status());
                            final_.put(String.valueOf(id), "delete");
                        } else {
                            assertEquals(200, rstore().patch("api/rstore/todos/" + id,
                                    sj("{\"title\":\"changed-" + id + "\"}")).status());
                            final_.put(String.valueOf(id), "changed-" + id);
                        }
                    }
                    return null;
                }));
                if (w == writers / 2) {
                    page("todos", after, 5); // a pull in between
                }
            }
            for (Future<?> f : changes) {
                f.get();
            }
            List<JsonObject> seen = new ArrayList<>();
            drain("todos", after, 9, seen);
            Map<String, String> got = new HashMap<>();
            for (JsonObject change : seen) {
                String was = got.put(change.getString("key"), change.getString("op").equals("delete") ? "delete"
                        : change.getJsonObject("row").getString("title"));
                assertEquals(null, was, "each change once: " + change);
            }
            assertEquals(final_, got);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void versionsETagsAndTheRejectStalePolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var note = rstore().post("api/rstore/notes", sj("{\"title\":\"first\"}")).object();
        assertEquals(1, note.getInt("version"), note.toString());
        String item = "api/rstore/notes/" + note.getInt("id");
        HttpResponse<String> got = http.send(HttpRequest.newBuilder(rstore().uri(item)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("\"1\"", got.headers().firstValue("ETag").orElse(null));
        HttpResponse<String> notModified = http.send(HttpRequest.newBuilder(rstore().uri(item))
                .header("If-None-Match", "\"1\"").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());

        var updated = rstore().patch(item, sj("{\"title\":\"second\",\"version\":1}"));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(2, updated.object().getInt("version"));
        var stale = rstore().patch(item, sj("{\"title\":\"stale\",\"version\":1}"));
        RstoreClient.assertError(stale, 409, "Stale version of notes");
        assertEquals(updated.object(), stale.object().getJsonObject("data"), "the current row, to resolve with");
        var failed = rstore().sendJson("PATCH", item, sj("{\"title\":\"stale\"}"), "If-Match", "\"1\"");
        RstoreClient.assertError(failed, 412, "Precondition Failed");
        assertEquals(updated.object(), failed.object().getJsonObject("data"));
        RstoreClient.assertError(rstore().send("DELETE", item, null, "If-Match", "\"1\""), 412, "Precondition Failed");
        assertEquals("second", rstore().get(item, null).object().getString("title"), "nothing written");
        var matching = rstore().sendJson("PATCH", item, sj("{\"title\":\"third\"}"), "If-Match", "\"2\"");
        assertEquals(200, matching.status(), matching.toString());

        // last-write-wins (todos, no @Version): a stale updatedAt is ignored; If-Match uses updatedAt
        var todo = rstore().post("api/rstore/todos", sj("{\"title\":\"lww\"}")).object();
        String todoItem = "api/rstore/todos/" + todo.getInt("id");
        var lww = rstore().patch(todoItem, sj("{\"title\":\"lww2\",\"updatedAt\":\"2000-01-01T00:00:00.000Z\"}"));
        assertEquals(200, lww.status(), lww.toString());
        String tag = "\"" + lww.object().getString("updatedAt") + "\"";
        RstoreClient.assertError(rstore().sendJson("PATCH", todoItem, sj("{\"title\":\"x\"}"), "If-Match",
                "\"" + todo.getString("updatedAt") + "\""), 412, "Precondition Failed");
        assertEquals(200, rstore().sendJson("PATCH", todoItem, sj("{\"title\":\"x\"}"), "If-Match", tag).status());
    }
}

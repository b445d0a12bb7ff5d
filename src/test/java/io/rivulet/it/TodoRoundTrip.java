package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;

/** The smoke test of a server the WAR is deployed to: a todo created, listed, read, patched and deleted. */
final class TodoRoundTrip {

    private TodoRoundTrip() {
    }

    static void run(RstoreClient rstore, String title) {
        var created = rstore.post("api/rstore/todos", sj("{\"title\":\"" + title + "\"}"));
        assertEquals(200, created.status(), created.toString());
        JsonObject row = created.object();
        assertEquals(List.of("id", "title", "completed", "createdAt", "updatedAt"), List.copyOf(row.keySet()));
        assertFalse(row.getBoolean("completed"));
        int id = row.getInt("id");
        JsonArray rows = rstore.get("api/rstore/todos", null).array();
        assertTrue(rows.contains(row), rows.toString());
        assertEquals(row, rstore.get("api/rstore/todos/" + id, null).object());

        var patched = rstore.patch("api/rstore/todos/" + id, sj("{\"completed\":true}"));
        assertEquals(200, patched.status(), patched.toString());
        assertTrue(patched.object().getBoolean("completed"));
        assertEquals(row.getString("createdAt"), patched.object().getString("createdAt"));

        var deleted = rstore.delete("api/rstore/todos/" + id);
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(patched.object(), deleted.object());
        assertEquals(204, rstore.get("api/rstore/todos/" + id, null).status());
    }
}

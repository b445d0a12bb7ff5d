package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class RestRoutesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @ArquillianResource
    URL base;

    RstoreClient client() {
        return new RstoreClient(base);
    }

    @Test
    void createGetPatchDeleteTodo() {
        RstoreClient rstore = client();
        var created = rstore.post("api/rstore/todos", RstoreClient.sj("{\"title\":\"Write tests\"}"));
        assertEquals(200, created.status(), created.toString());
        JsonObject row = created.object();
        assertEquals("Write tests", row.getString("title"));
        assertFalse(row.getBoolean("completed"));
        int id = row.getInt("id");
        assertTrue(row.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));

        var got = rstore.get("api/rstore/todos/" + id, null);
        assertEquals(200, got.status(), got.toString());
        assertEquals(row, got.object());

        var patched = rstore.patch("api/rstore/todos/" + id, RstoreClient.sj("{\"completed\":true}"));
        assertEquals(200, patched.status(), patched.toString());
        assertTrue(patched.object().getBoolean("completed"));

        var deleted = rstore.delete("api/rstore/todos/" + id);
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(204, rstore.get("api/rstore/todos/" + id, null).status());
        assertEquals(204, rstore.delete("api/rstore/todos/" + id).status());
    }
}

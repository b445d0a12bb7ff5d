package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.wire.Jsonp;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's frames byte for byte, keys in the protocol's order (PROTOCOL §7). */
class FramesTest {

    @Test
    void init() {
        assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", Frames.initAccepted(2));
        assertEquals("{\"init\":{\"ok\":false,\"error\":\"unsupported-version\",\"v\":2}}",
                Frames.initRefused("unsupported-version", 2));
    }

    @Test
    void rejectedRepeatsWhatTheClientSent() {
        JsonObject subscription;
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(
                "{\"action\":\"subscribe\",\"collection\":\"todos\",\"key\":6,\"where\":{\"operator\":\"eq\"}}"))) {
            subscription = reader.readObject();
        }
        assertEquals("{\"subscription\":{\"action\":\"rejected\",\"collection\":\"todos\",\"key\":6,"
                + "\"where\":{\"operator\":\"eq\"},\"reason\":\"invalid-where\"}}",
                Frames.rejected(subscription, "invalid-where"));
    }

    @Test
    void updatesAndKeyOnlyDeletes() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("teamId", 7);
        row.put("userId", 42);
        row.put("role", "owner");
        Change change = new Change("teamsToUsers", Change.UPDATED, "7::42", row, null, "client-1");
        assertEquals("{\"update\":{\"collection\":\"teamsToUsers\",\"type\":\"updated\",\"key\":\"7::42\","
                + "\"record\":{\"teamId\":7,\"userId\":42,\"role\":\"owner\"},\"originClientId\":\"client-1\"}}",
                Frames.update(change));
        assertEquals("{\"update\":{\"collection\":\"teamsToUsers\",\"type\":\"deleted\",\"key\":\"7::42\","
                + "\"record\":{\"teamId\":7,\"userId\":42}}}", Frames.keyOnlyDelete(change, List.of("teamId", "userId")));
    }
}

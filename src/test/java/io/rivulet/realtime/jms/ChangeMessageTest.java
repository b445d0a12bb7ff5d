package io.rivulet.realtime.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.realtime.Change;
import io.rivulet.schema.TestCollections;
import io.rivulet.wire.PlainJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeMessageTest {

    static Map<String, Object> todo(int id, String title, boolean completed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", title);
        row.put("completed", completed);
        row.put("createdAt", Instant.parse("2026-12-01T10:00:00.123Z"));
        row.put("updatedAt", Instant.parse("2026-12-01T10:00:01Z"));
        return row;
    }

    @Test
    void roundTripGivesTheSameChangeAndTheSameFrameBytes() {
        Change change = new Change("todos", Change.UPDATED, "7", todo(7, "new", true), todo(7, "old", false), "client-1");
        ChangeMessage message = new ChangeMessage("node-a", 42, "v1", change);
        ChangeMessage read = ChangeMessage.fromJson(message.toJson(), TestCollections::find).orElseThrow();
        assertEquals(message, read);
        assertEquals(PlainJson.write(change.record()), PlainJson.write(read.change().record()));
    }

    @Test
    void createdAndDeletedHaveNoPreviousRecordAndMayHaveNoOrigin() {
        Change change = new Change("todos", Change.DELETED, "8", todo(8, "gone", false), null, null);
        ChangeMessage read = ChangeMessage.fromJson(new ChangeMessage("n", 1, "v", change).toJson(), TestCollections::find)
                .orElseThrow();
        assertEquals(change, read.change());
    }

    @Test
    void fieldsThisNodeDoesNotExposeAreDropped() {
        String text = "{\"format\":1,\"node\":\"b\",\"sequence\":1,\"schemaVersion\":\"other\",\"collection\":\"todos\","
                + "\"type\":\"created\",\"key\":\"1\",\"record\":{\"id\":1,\"title\":\"t\",\"secret\":\"hidden here\","
                + "\"addedOnTheOtherNode\":3,\"completed\":null}}";
        Map<String, Object> record = ChangeMessage.fromJson(text, TestCollections::find).orElseThrow().change().record();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1);
        expected.put("title", "t");
        expected.put("completed", null);
        assertEquals(expected, record);
    }

    @Test
    void unknownCollectionsAreSkippedAndGarbageIsRefused() {
        String other = "{\"format\":1,\"node\":\"b\",\"sequence\":1,\"schemaVersion\":\"v\",\"collection\":\"nope\","
                + "\"type\":\"created\",\"key\":\"1\",\"record\":{}}";
        assertTrue(ChangeMessage.fromJson(other, TestCollections::find).isEmpty());
        for (String garbage : new String[] {"", "[]", "{\"format\":2}", "{\"format\":1,\"collection\":\"todos\"}",
            "{\"format\":1,\"node\":\"b\",\"sequence\":1,\"collection\":\"todos\",\"type\":\"created\",\"key\":\"1\","
                    + "\"record\":{\"id\":\"x\"}}"}) {
            assertThrows(IllegalArgumentException.class, () -> ChangeMessage.fromJson(garbage, TestCollections::find),
                    garbage);
        }
    }
}

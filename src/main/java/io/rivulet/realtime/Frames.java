package io.rivulet.realtime;

import io.rivulet.wire.PlainJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames the server sends (PROTOCOL §7), as maps in the protocol's key order, written by the
 * one JSON writer ({@link PlainJson}).
 */
final class Frames {

    private Frames() {
    }

    /** {@code {"init":{"ok":true,"v":2}}} */
    static String initAccepted(int version) {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("ok", true);
        init.put("v", version);
        return PlainJson.write(Map.of("init", init));
    }

    /** {@code {"init":{"ok":false,"error":"unsupported-version","v":2}}} */
    static String initRefused(String error, int version) {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("ok", false);
        init.put("error", error);
        init.put("v", version);
        return PlainJson.write(Map.of("init", init));
    }

    /** A refused subscription: its collection, key and where as the client sent them, and why. */
    static String rejected(JsonObject subscription, String reason) {
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("action", "rejected");
        rejected.put("collection", ((JsonString) subscription.get("collection")).getString());
        if (subscription.containsKey("key")) {
            rejected.put("key", subscription.get("key"));
        }
        if (subscription.containsKey("where")) {
            rejected.put("where", subscription.get("where"));
        }
        rejected.put("reason", reason);
        return PlainJson.write(Map.of("subscription", rejected));
    }

    /** A change as it is: collection, type, key, record and the origin client, if any. */
    static String update(Change change) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("collection", change.collection());
        update.put("type", change.type());
        update.put("key", change.key());
        update.put("record", change.record());
        if (change.originClientId() != null) {
            update.put("originClientId", change.originClientId());
        }
        return PlainJson.write(Map.of("update", update));
    }

    /** A {@code deleted} frame with only the key fields: what a client needs to drop the row, no more. */
    static String keyOnlyDelete(Change change, List<String> keyFields) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String name : keyFields) {
            key.put(name, change.record() == null ? null : change.record().get(name));
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("collection", change.collection());
        update.put("type", Change.DELETED);
        update.put("key", change.key());
        update.put("record", key);
        return PlainJson.write(Map.of("update", update));
    }

    private static final String UPDATE = "{\"update\":";

    /** Whether a frame is a single {@code {"update":…}} (null: no frame). */
    static boolean isUpdate(String frame) {
        return frame != null && frame.startsWith(UPDATE);
    }

    /**
     * {@code {"updates":[…]}} of single update frames, in their order. The updates are already
     * written (once per change, for every peer that gets it), so they are joined, not re-encoded.
     */
    static String updates(List<String> updateFrames) {
        StringBuilder joined = new StringBuilder(updateFrames.stream().mapToInt(String::length).sum() + 16);
        joined.append("{\"updates\":[");
        for (int i = 0; i < updateFrames.size(); i++) {
            String frame = updateFrames.get(i);
            if (i > 0) {
                joined.append(',');
            }
            joined.append(frame, UPDATE.length(), frame.length() - 1);
        }
        return joined.append("]}").toString();
    }
}

package io.rivulet.realtime.jms;

import io.rivulet.realtime.Change;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.ValueCodec;
import io.rivulet.wire.Jsonp;
import io.rivulet.wire.PlainJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One committed change as the text of a JMS message: JSON holding the update frame's fields,
 * the previous record (for where-matching on the receiving node), the origin client id (echo
 * suppression), the sending node with its per-node sequence number (gap detection) and its
 * schema version.
 *
 * <p>A receiving node reads the records with <em>its own</em> collection descriptors: values get
 * the same Java types as this node's own rows (so frames are byte-identical whichever node made
 * the change), and fields this node does not expose — hidden here, or unknown during a rolling
 * upgrade — are dropped rather than forwarded.
 *
 * @param node          the sending node's id
 * @param sequence      the sending node's count of changes, from 1; a jump means changes were lost
 * @param schemaVersion the sending node's schema version
 */
public record ChangeMessage(String node, long sequence, String schemaVersion, Change change) {

    static final int FORMAT = 1;

    /** The message text. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("node", node);
        json.put("sequence", sequence);
        json.put("schemaVersion", schemaVersion);
        json.put("collection", change.collection());
        json.put("type", change.type());
        json.put("key", change.key());
        json.put("record", change.record());
        if (change.previousRecord() != null) {
            json.put("previousRecord", change.previousRecord());
        }
        if (change.originClientId() != null) {
            json.put("originClientId", change.originClientId());
        }
        return PlainJson.write(json);
    }

    /**
     * Reads a message text.
     *
     * @param collections this node's collections by name
     * @return empty when the collection is not one of this node's
     * @throws IllegalArgumentException when the text is not a change message
     */
    public static Optional<ChangeMessage> fromJson(String text,
            Function<String, Optional<CollectionDescriptor>> collections) {
        JsonValue parsed;
        try {
            parsed = Jsonp.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
        if (!(parsed instanceof JsonObject json)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!(json.get("format") instanceof JsonNumber format) || format.intValue() != FORMAT) {
            throw new IllegalArgumentException("unknown message format " + json.get("format"));
        }
        try {
            Optional<CollectionDescriptor> collection = collections.apply(json.getString("collection"));
            if (collection.isEmpty()) {
                return Optional.empty();
            }
            Change change = new Change(collection.get().name(), json.getString("type"), json.getString("key"),
                    record(collection.get(), json.getJsonObject("record")),
                    json.get("previousRecord") instanceof JsonObject previous ? record(collection.get(), previous) : null,
                    json.get("originClientId") instanceof JsonString origin ? origin.getString() : null);
            return Optional.of(new ChangeMessage(json.getString("node"), json.getJsonNumber("sequence").longValueExact(),
                    json.getString("schemaVersion", ""), change));
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("incomplete change message", e);
        }
    }

    private static Map<String, Object> record(CollectionDescriptor collection, JsonObject json) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldDescriptor field : collection.visibleFields()) {
            JsonValue value = json.get(field.name());
            if (value != null) {
                row.put(field.name(), wireValue(field, value));
            }
        }
        return row;
    }

    /** The value as this node's own rows hold it: JSON → the field's Java type → wire value. */
    private static Object wireValue(FieldDescriptor field, JsonValue value) {
        if (value == JsonValue.NULL) {
            return null;
        }
        if (field.type() == io.rivulet.schema.FieldType.JSON) {
            return value;
        }
        Object plain = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> value;
        };
        return ValueCodec.toWire(field, ValueCodec.fromWire(field, plain, true));
    }
}

package io.rivulet.wire;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON out: rows and other plain Java values (Map, List, String, Number, Boolean,
 * Instant, JsonValue) with dates as ISO strings; {@link #toJsonValue} for a JSON-P value.
 */
public final class PlainJson {

    private PlainJson() {
    }

    /** The value as JSON text, written by {@link JsonWriter}. */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    public static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof String s) {
            return Jsonp.PROVIDER.createValue(s);
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            return Jsonp.PROVIDER.createValue(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            return Jsonp.PROVIDER.createValue(i);
        } else if (value instanceof BigDecimal d) {
            return Jsonp.PROVIDER.createValue(d);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Jsonp.PROVIDER.createValue(d) : JsonValue.NULL;
        } else if (value instanceof Instant instant) {
            return Jsonp.PROVIDER.createValue(IsoInstant.format(instant));
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Jsonp.PROVIDER.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJsonValue(v)));
            return object.build();
        } else if (value instanceof List<?> list) {
            JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
            list.forEach(v -> array.add(toJsonValue(v)));
            return array.build();
        }
        return Jsonp.PROVIDER.createValue(value.toString());
    }
}

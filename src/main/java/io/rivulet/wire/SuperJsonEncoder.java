package io.rivulet.wire;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the {@code json} part with the {@link JsonWriter} while collecting the annotations, then
 * writes {@code meta} (the writer's SuperJSON mode). See {@link SuperJson#encode}.
 */
final class SuperJsonEncoder {

    private final JsonWriter out;
    private final List<String> path = new ArrayList<>();
    /** Annotated paths (v1 escaping) in the order met, which is the order superjson writes them. */
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private String rootType;

    private SuperJsonEncoder(JsonWriter out) {
        this.out = out;
    }

    static String encode(Object value) {
        return new String(encodeToBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] encodeToBytes(Object value) {
        JsonWriter out = new JsonWriter(1024);
        try {
            new SuperJsonEncoder(out).envelope(value);
        } catch (SuperJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException from the generator, DateTimeException from huge instants, NumberFormatException
            // from exotic Number classes.
            throw new SuperJsonException("Cannot encode as SuperJSON: " + e.getMessage(), e);
        }
        return out.toBytes();
    }

    private void envelope(Object value) {
        out.beginObject();
        out.name("json");
        write(value, 0);
        if (rootType != null) {
            out.name("meta").beginObject();
            out.name("values").beginArray().value(rootType).endArray();
            out.member("v", 1).endObject();
        } else if (!annotations.isEmpty()) {
            out.name("meta").beginObject();
            out.name("values").beginObject();
            annotations.forEach((at, type) -> out.name(at).beginArray().value(type).endArray());
            out.endObject();
            out.member("v", 1).endObject();
        }
        out.endObject();
    }

    private void write(Object value, int depth) {
        if (value == null || value instanceof JsonValue || value instanceof String || value instanceof Boolean) {
            out.value(value);
        } else if (value instanceof Number number) {
            writeNumber(number);
        } else if (value instanceof Instant instant) {
            out.value(instant);
            annotate(SuperJsonType.DATE);
        } else if (value instanceof List<?> list) {
            enter(depth);
            out.beginArray();
            for (int i = 0; i < list.size(); i++) {
                path.add(Integer.toString(i));
                write(list.get(i), depth + 1);
                path.remove(path.size() - 1);
            }
            out.endArray();
        } else if (value instanceof Map<?, ?> map) {
            enter(depth);
            out.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new SuperJsonException("Cannot encode a map key that is not a string at "
                            + SuperJsonPath.describe(path));
                }
                out.name(key);
                path.add(key);
                write(entry.getValue(), depth + 1);
                path.remove(path.size() - 1);
            }
            out.endObject();
        } else {
            throw new SuperJsonException("Cannot encode a " + value.getClass().getName() + " at "
                    + SuperJsonPath.describe(path));
        }
    }

    private void writeNumber(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof AtomicLong || number instanceof AtomicInteger) {
            out.value(number.longValue());
        } else if (number instanceof BigInteger || number instanceof BigDecimal) {
            out.value(number);
        } else if (number instanceof Double || number instanceof Float) {
            double x = number.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x) || Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
                // JSON has no NaN, Infinity or -0: superjson writes them as annotated strings.
                out.value(Double.isNaN(x) ? "NaN" : x == 0 ? "-0" : x > 0 ? "Infinity" : "-Infinity");
                annotate(SuperJsonType.NUMBER);
            } else if (number instanceof Float) {
                // Float.toString keeps the short form (0.1f, not 0.10000000149011612).
                out.value(new BigDecimal(number.toString()));
            } else {
                // as JSON-P's generator wrote a double (Double.toString: 1.5E300, 100.0)
                out.raw(Double.toString(x));
            }
        } else {
            out.value(new BigDecimal(number.toString()));
        }
    }

    private void annotate(SuperJsonType type) {
        if (path.isEmpty()) {
            rootType = type.wireName();
        } else {
            annotations.put(SuperJsonPath.format(path), type.wireName());
        }
    }

    /** Also stops cycles (a list containing itself), which would otherwise overflow the stack. */
    private void enter(int depth) {
        if (depth >= SuperJson.MAX_DEPTH) {
            throw new SuperJsonException("Cannot encode values nested deeper than " + SuperJson.MAX_DEPTH
                    + " levels (or a cycle) at " + SuperJsonPath.describe(path));
        }
    }
}

package io.rivulet.wire;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
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
 * Writes the {@code json} part with a streaming generator while collecting the annotations, then
 * writes {@code meta}. See {@link SuperJson#encode}.
 */
final class SuperJsonEncoder {

    private final JsonGenerator out;
    private final List<String> path = new ArrayList<>();
    /** Annotated paths (v1 escaping) in the order met, which is the order superjson writes them. */
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private String rootType;

    private SuperJsonEncoder(JsonGenerator out) {
        this.out = out;
    }

    static String encode(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Jsonp.PROVIDER.createGenerator(text)) {
            new SuperJsonEncoder(out).envelope(value);
        } catch (SuperJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException from the generator, DateTimeException from huge instants, NumberFormatException
            // from exotic Number classes.
            throw new SuperJsonException("Cannot encode as SuperJSON: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private void envelope(Object value) {
        out.writeStartObject();
        out.writeKey("json");
        write(value, 0);
        if (rootType != null) {
            out.writeStartObject("meta");
            out.writeStartArray("values").write(rootType).writeEnd();
            out.write("v", 1).writeEnd();
        } else if (!annotations.isEmpty()) {
            out.writeStartObject("meta");
            out.writeStartObject("values");
            annotations.forEach((at, type) -> out.writeStartArray(at).write(type).writeEnd());
            out.writeEnd();
            out.write("v", 1).writeEnd();
        }
        out.writeEnd();
    }

    private void write(Object value, int depth) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof JsonValue json) {
            out.write(json);
        } else if (value instanceof String text) {
            out.write(text);
        } else if (value instanceof Boolean flag) {
            out.write(flag);
        } else if (value instanceof Number number) {
            writeNumber(number);
        } else if (value instanceof Instant instant) {
            out.write(IsoInstant.format(instant));
            annotate(SuperJsonType.DATE);
        } else if (value instanceof List<?> list) {
            enter(depth);
            out.writeStartArray();
            for (int i = 0; i < list.size(); i++) {
                path.add(Integer.toString(i));
                write(list.get(i), depth + 1);
                path.remove(path.size() - 1);
            }
            out.writeEnd();
        } else if (value instanceof Map<?, ?> map) {
            enter(depth);
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new SuperJsonException("Cannot encode a map key that is not a string at "
                            + SuperJsonPath.describe(path));
                }
                out.writeKey(key);
                path.add(key);
                write(entry.getValue(), depth + 1);
                path.remove(path.size() - 1);
            }
            out.writeEnd();
        } else {
            throw new SuperJsonException("Cannot encode a " + value.getClass().getName() + " at "
                    + SuperJsonPath.describe(path));
        }
    }

    private void writeNumber(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof AtomicLong || number instanceof AtomicInteger) {
            out.write(number.longValue());
        } else if (number instanceof BigInteger big) {
            out.write(big);
        } else if (number instanceof BigDecimal decimal) {
            out.write(decimal);
        } else if (number instanceof Double || number instanceof Float) {
            double x = number.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x) || Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
                // JSON has no NaN, Infinity or -0: superjson writes them as annotated strings.
                out.write(Double.isNaN(x) ? "NaN" : x == 0 ? "-0" : x > 0 ? "Infinity" : "-Infinity");
                annotate(SuperJsonType.NUMBER);
            } else if (number instanceof Float) {
                // Float.toString keeps the short form (0.1f, not 0.10000000149011612).
                out.write(new BigDecimal(number.toString()));
            } else {
                out.write(x);
            }
        } else {
            out.write(new BigDecimal(number.toString()));
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

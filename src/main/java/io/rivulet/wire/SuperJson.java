package io.rivulet.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SuperJSON 2.2.x, the format of {@code SuperJSON.stringify()} that the rstore client uses for
 * query parameters, request bodies and the batch response.
 *
 * <p>Decoding produces plain Java values: {@code null}, {@link Boolean}, {@link String},
 * {@link Number}, {@link java.time.Instant} (Date), {@link java.math.BigInteger} (bigint),
 * {@link List} ({@link ArrayList}; JSON arrays and also sets) and {@link Map}
 * ({@link LinkedHashMap}, key order kept; {@code Map<String, Object>} for JSON objects,
 * {@code Map<Object, Object>} for SuperJSON maps). JSON numbers become a {@link Long} when they are
 * whole and fit, a {@link Double} when they are fractional and a double holds them exactly, and a
 * {@link BigDecimal} otherwise. Regexps and URLs stay strings; Errors stay maps.
 * {@code referentialEqualities} is ignored: superjson's {@code json} part always holds full copies.
 *
 * <p>Anything malformed raises a {@link SuperJsonException}, never another exception, because the
 * text comes straight from the client.
 */
public final class SuperJson {

    /** Deepest nesting of arrays and objects in the {@code json} value; its root container is level 1. */
    public static final int MAX_DEPTH = 64;

    private SuperJson() {
    }

    /**
     * A decoded payload. JavaScript {@code undefined} has no Java value, so it is told apart from
     * {@code null} by {@code present}.
     *
     * @param present false when the payload stands for {@code undefined}: the envelope has no
     *     {@code json} key ({@code SuperJSON.parse('{"limit":5}')} gives undefined), or the root is
     *     annotated {@code "undefined"}
     * @param value the decoded value; always null when not present
     */
    public record Decoded(boolean present, Object value) {

        /** The payload for {@code undefined}. */
        public static final Decoded ABSENT = new Decoded(false, null);

        /** @throws IllegalArgumentException for an absent result with a value */
        public Decoded {
            if (!present && value != null) {
                throw new IllegalArgumentException("An absent value must be null");
            }
        }
    }

    /**
     * Decodes a SuperJSON text: {@code json} with the {@code meta.values} annotations applied. Keys
     * annotated {@code "undefined"} are removed from their object (an array keeps the element, as
     * null).
     *
     * @throws SuperJsonException if the text is null, not JSON, not an object, nested deeper than
     *     {@link #MAX_DEPTH}, has malformed meta, or an annotated value is invalid or missing
     */
    public static Decoded decode(String text) {
        if (text == null) {
            throw new SuperJsonException("Missing SuperJSON payload");
        }
        checkNesting(text);
        JsonObject envelope = parseObject(text);
        if (!envelope.containsKey("json")) {
            return Decoded.ABSENT;
        }
        AnnotationTree annotations = AnnotationTree.fromMeta(envelope.get("meta"));
        Object value = convert(envelope.get("json"), annotations, new ArrayList<>());
        return value == SuperJsonType.ABSENT ? Decoded.ABSENT : new Decoded(true, value);
    }

    /**
     * Like {@link #decode}, for callers to whom {@code undefined} and {@code null} mean the same.
     *
     * @return the decoded value, or null when it is null or absent
     * @throws SuperJsonException as {@link #decode} does
     */
    public static Object decodeValue(String text) {
        return decode(text).value();
    }

    /**
     * Plain JSON (no envelope, no annotations) to the same plain values {@link #decode} produces,
     * e.g. a schema description a client sends.
     *
     * @throws SuperJsonException if the text is null, not one JSON value, or nested deeper than
     *     {@link #MAX_DEPTH}
     */
    public static Object decodePlain(String text) {
        if (text == null) {
            throw new SuperJsonException("Missing JSON payload");
        }
        checkNesting(text);
        return convert(parse(text), null, new ArrayList<>());
    }

    /**
     * Encodes a value as {@code {"json": ..., "meta": {"values": {...}, "v": 1}}}, the form
     * {@code SuperJSON.parse} reads back (the batch response must be SuperJSON). Instants become
     * {@link IsoInstant} strings annotated {@code "Date"}; non-finite doubles and {@code -0.0}
     * become strings annotated {@code "number"}. {@code meta} is left out when nothing is annotated.
     *
     * @param value null, Boolean, String, Number, Instant, List, Map with String keys, or a
     *     {@link JsonValue} (written as is), nested at most {@link #MAX_DEPTH} deep
     * @throws SuperJsonException for any other value, including a cycle
     */
    public static String encode(Object value) {
        return SuperJsonEncoder.encode(value);
    }

    /** {@link #encode} as UTF-8 bytes, for a response body. */
    public static byte[] encodeToBytes(Object value) {
        return SuperJsonEncoder.encodeToBytes(value);
    }

    /**
     * Rejects deep nesting before the JSON parser sees it, so that the parser's own recursion (and
     * ours) stays shallow whatever JSON-P implementation runs. The envelope adds one level. The
     * limit covers meta too; only sets nested in maps or sets more than ~30 deep would hit it there.
     */
    private static void checkNesting(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH + 1) {
                    throw new SuperJsonException("SuperJSON payload nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static JsonObject parseObject(String text) {
        JsonValue root = parse(text);
        if (!(root instanceof JsonObject object)) {
            throw new SuperJsonException("Invalid SuperJSON: the payload must be a JSON object");
        }
        return object;
    }

    private static JsonValue parse(String text) {
        try {
            return Jsonp.parse(text);
        } catch (RuntimeException e) {
            throw new SuperJsonException("Invalid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one value and everything below it, applying the annotations from {@code node}
     * (null when none are below). Returns {@link SuperJsonType#ABSENT} for undefined.
     */
    private static Object convert(JsonValue json, AnnotationTree node, List<String> path) {
        if (node != null) {
            requireAnnotatedPathsExist(json, node, path);
        }
        Object value = switch (json.getValueType()) {
            case OBJECT -> convertObject(json.asJsonObject(), node, path);
            case ARRAY -> convertArray(json.asJsonArray(), node, path);
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> number((JsonNumber) json);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
        if (node == null || node.type() == null) {
            return value;
        }
        return node.type().apply(value, SuperJsonPath.describe(path));
    }

    private static Map<String, Object> convertObject(JsonObject json, AnnotationTree node, List<String> path) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : json.entrySet()) {
            String key = member.getKey();
            path.add(key);
            Object value = convert(member.getValue(), node == null ? null : node.child(key), path);
            path.remove(path.size() - 1);
            if (value != SuperJsonType.ABSENT) {
                map.put(key, value);
            }
        }
        return map;
    }

    private static List<Object> convertArray(JsonArray json, AnnotationTree node, List<String> path) {
        List<Object> list = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            String segment = Integer.toString(i);
            path.add(segment);
            Object value = convert(json.get(i), node == null ? null : node.child(segment), path);
            path.remove(path.size() - 1);
            // JavaScript keeps an undefined array element; the nearest Java value is null.
            list.add(value == SuperJsonType.ABSENT ? null : value);
        }
        return list;
    }

    /** Annotations must point at values that exist; superjson would fail or write garbage otherwise. */
    private static void requireAnnotatedPathsExist(JsonValue json, AnnotationTree node, List<String> path) {
        for (String segment : node.childSegments()) {
            boolean exists = switch (json.getValueType()) {
                case OBJECT -> json.asJsonObject().containsKey(segment);
                case ARRAY -> SuperJsonPath.index(segment, json.asJsonArray().size()) >= 0;
                default -> false;
            };
            if (!exists) {
                List<String> missing = new ArrayList<>(path);
                missing.add(segment);
                throw new SuperJsonException("SuperJSON meta annotates " + SuperJsonPath.describe(missing)
                        + ", which is not in json");
            }
        }
    }

    /** JSON numbers as the class javadoc says; JavaScript has one number type, so whole means whole in value. */
    private static Number number(JsonNumber json) {
        BigDecimal exact = json.bigDecimalValue();
        if (exact.signum() == 0 || exact.scale() <= 0 || exact.stripTrailingZeros().scale() <= 0) {
            return toLong(exact);
        }
        double approx = exact.doubleValue();
        return Double.isFinite(approx) && BigDecimal.valueOf(approx).compareTo(exact) == 0 ? approx : exact;
    }

    /** longValueExact checks the magnitude first, so a huge exponent (1e999999999) costs nothing. */
    private static Number toLong(BigDecimal whole) {
        try {
            return whole.longValueExact();
        } catch (ArithmeticException e) {
            return whole;
        }
    }
}

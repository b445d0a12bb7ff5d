package io.rivulet.wire;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SuperJSON type annotations this decoder understands, and how each turns the plain value
 * found in {@code json} (already decoded) into its Java form. Values come straight from the
 * client, so every type checks the shape of its value rather than trusting it.
 */
enum SuperJsonType {
    /** Drops an object key, becomes null in an array; at the root the payload is absent. */
    UNDEFINED("undefined"),
    /** ISO-8601 string to {@link java.time.Instant}. */
    DATE("Date"),
    /** Decimal string to {@link BigInteger}. */
    BIGINT("bigint"),
    /** The numbers JSON cannot hold ({@code NaN}, {@code Infinity}, {@code -Infinity}, {@code -0}). */
    NUMBER("number"),
    /**
     * JSON array to a List, order kept. Not a Java Set: a JavaScript Set tells objects apart by
     * identity, so set semantics based on equals() could merge elements the client kept apart.
     */
    SET("set"),
    /** Array of {@code [key, value]} pairs to a LinkedHashMap (keys may be any value). */
    MAP("map"),
    /** {@code "/body/flags"}, kept as the string: Java and JavaScript regexes differ anyway. */
    REGEXP("regexp"),
    /** Kept as the string. */
    URL("URL"),
    /** Kept as the map of its properties ({@code name}, {@code message}, ...). */
    ERROR("Error");

    /** Stands for JavaScript {@code undefined} while decoding; {@link SuperJson} never returns it. */
    static final Object ABSENT = new Object();

    /**
     * Longest bigint accepted: converting decimal text to BigInteger is quadratic, and no database
     * value comes anywhere near this.
     */
    private static final int MAX_BIGINT_LENGTH = 4096;

    private final String wireName;

    SuperJsonType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the type with this name in {@code meta.values}, if supported */
    static Optional<SuperJsonType> of(String wireName) {
        for (SuperJsonType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    String wireName() {
        return wireName;
    }

    /**
     * @param value the decoded plain value at the annotated path
     * @param where the path, for error messages
     * @return the typed value, or {@link #ABSENT} for {@code undefined}
     */
    Object apply(Object value, String where) {
        return switch (this) {
            case UNDEFINED -> ABSENT;
            case DATE -> date(string(value, where), where);
            case BIGINT -> bigint(string(value, where), where);
            case NUMBER -> number(string(value, where), where);
            case SET -> list(value, where);
            case MAP -> map(list(value, where), where);
            case REGEXP, URL -> string(value, where);
            case ERROR -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw mismatch("an object", where);
                }
                yield value;
            }
        };
    }

    private Object date(String text, String where) {
        try {
            return IsoInstant.parse(text);
        } catch (DateTimeException e) {
            throw new SuperJsonException("Invalid Date at " + where + ": not an ISO-8601 date-time", e);
        }
    }

    private Object bigint(String text, String where) {
        int start = text.startsWith("-") ? 1 : 0;
        boolean decimal = text.length() > start && text.length() <= MAX_BIGINT_LENGTH;
        for (int i = start; decimal && i < text.length(); i++) {
            decimal = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (!decimal) {
            throw new SuperJsonException("Invalid bigint at " + where + ": not a decimal integer");
        }
        return new BigInteger(text);
    }

    private Object number(String text, String where) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "-0" -> -0.0d;
            default -> throw new SuperJsonException("Invalid number at " + where
                    + ": expected NaN, Infinity, -Infinity or -0");
        };
    }

    private Object map(List<?> pairs, String where) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> entry) || entry.size() != 2) {
                throw new SuperJsonException("Invalid map at " + where + ": entries must be [key, value] arrays");
            }
            // Like a JavaScript Map built from entries: a repeated key keeps its first position, last value.
            map.put(entry.get(0), entry.get(1));
        }
        return map;
    }

    private List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw mismatch("an array", where);
        }
        return list;
    }

    private String string(Object value, String where) {
        if (!(value instanceof String text)) {
            throw mismatch("a string", where);
        }
        return text;
    }

    private SuperJsonException mismatch(String expected, String where) {
        return new SuperJsonException("Invalid " + wireName + " at " + where + ": the json value must be " + expected);
    }
}

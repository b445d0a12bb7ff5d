package io.rivulet.schema;

import io.rivulet.Errors;
import io.rivulet.wire.PlainJson;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts between attribute values (the entity's Java types) and wire values (plain JSON-like
 * Java: String, Long/Integer, Double/BigDecimal, Boolean, Instant, JsonValue). Timestamps are
 * stored as UTC and carry millisecond precision, as JavaScript dates do. A body's text must be
 * well-formed UTF-16: a lone surrogate would be stored changed (JDBC writes it as {@code ?}).
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** An attribute value as it goes on the wire. */
    public static Object toWire(FieldDescriptor field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case TIMESTAMP -> toInstant(value);
            case DATE, STRING -> value.toString();
            case ENUMERATION -> ((Enum<?>) value).name();
            case INTEGER -> value instanceof Short || value instanceof Byte ? ((Number) value).intValue() : value;
            case DECIMAL -> value instanceof Float f ? Double.valueOf(f.toString()) : value;
            default -> value;
        };
    }

    /**
     * A wire value converted to the field's Java type.
     *
     * @param lenient also accept strings for numbers and booleans and scalars for strings
     *                (filters and keys); bodies are strict. Text with a lone surrogate or a NUL, a
     *                timestamp outside {@link #EARLIEST} to {@link #LATEST}, and a number in other
     *                than ASCII digits are refused either way
     * @throws InvalidValueException when the value does not fit
     */
    public static Object fromWire(FieldDescriptor field, Object value, boolean lenient) {
        if (value == null) {
            return null;
        }
        try {
            Object converted = convert(field, value, lenient);
            if (converted == null) {
                throw invalid(field);
            }
            return converted;
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw invalid(field);
        }
    }

    private static Object convert(FieldDescriptor field, Object value, boolean lenient) {
        Class<?> javaType = field.javaType();
        return switch (field.type()) {
            case STRING -> string(javaType, value, lenient);
            case INTEGER, DECIMAL -> number(javaType, value, lenient);
            case BOOLEAN -> value instanceof Boolean b ? b
                    : lenient && ("true".equals(value) || "false".equals(value)) ? Boolean.valueOf((String) value) : null;
            case TIMESTAMP -> fromInstant(javaType, instant(value));
            case DATE -> value instanceof String s ? LocalDate.parse(s) : null;
            case ENUMERATION -> enumeration(javaType, value);
            case JSON -> json(value, lenient);
        };
    }

    private static Object string(Class<?> javaType, Object value, boolean lenient) {
        String text = value instanceof String s ? s
                : lenient && (value instanceof Number || value instanceof Boolean) ? String.valueOf(value) : null;
        if (text == null || !Utf16.isStorable(text)) {
            return null;
        }
        if (javaType == UUID.class) {
            return UUID.fromString(text);
        }
        if (javaType == Character.class) {
            return text.length() == 1 ? text.charAt(0) : null;
        }
        return text;
    }

    private static Object number(Class<?> javaType, Object value, boolean lenient) {
        BigDecimal decimal;
        if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            decimal = new BigDecimal(n.toString());
        } else if (lenient && value instanceof String s && !s.isBlank() && isAsciiNumber(s)) {
            decimal = new BigDecimal(s.trim());
        } else {
            return null;
        }
        if (javaType == Integer.class) {
            return decimal.intValueExact();
        } else if (javaType == Long.class) {
            return decimal.longValueExact();
        } else if (javaType == Short.class) {
            return decimal.shortValueExact();
        } else if (javaType == Byte.class) {
            return decimal.byteValueExact();
        } else if (javaType == BigInteger.class) {
            return decimal.toBigIntegerExact();
        } else if (javaType == Double.class) {
            return decimal.doubleValue();
        } else if (javaType == Float.class) {
            return decimal.floatValue();
        }
        return decimal;
    }

    private static Object enumeration(Class<?> javaType, Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        for (Object constant : javaType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(s)) {
                return constant;
            }
        }
        return null;
    }

    private static Object json(Object value, boolean lenient) {
        JsonValue json = value instanceof JsonValue given ? given
                : value instanceof Map<?, ?> || value instanceof List<?> ? PlainJson.toJsonValue(value) : null;
        return json == null || !Utf16.isStorable(json) ? null : json;
    }

    /**
     * Whether a number written as text uses ASCII only: {@link BigDecimal} also reads other
     * scripts' digits ({@code "١"} is 1), which JavaScript's {@code Number} does not.
     */
    private static boolean isAsciiNumber(String text) {
        return text.chars().allMatch(c -> c <= 0x7f);
    }

    /** The earliest timestamp a client may send: PostgreSQL's first (4714-11-24 BC). */
    public static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");

    /**
     * The latest timestamp a client may send: JavaScript's last Date (8.64e15 ms), within
     * PostgreSQL's range. Outside the two, a value is refused on every database (H2 would store it,
     * PostgreSQL fails, the client cannot read it back).
     */
    public static final Instant LATEST = Instant.ofEpochMilli(8_640_000_000_000_000L);

    /** Accepts Instants (SuperJSON dates), ISO-8601 strings and epoch milliseconds, from {@link #EARLIEST} to {@link #LATEST}. */
    public static Instant instant(Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof String s) {
            instant = OffsetDateTime.parse(s).toInstant();
        } else if (value instanceof Long || value instanceof Integer) {
            instant = Instant.ofEpochMilli(((Number) value).longValue());
        } else {
            throw new NumberFormatException("not a timestamp");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new NumberFormatException("timestamp out of range");
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Object fromInstant(Class<?> javaType, Instant instant) {
        if (javaType == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        } else if (javaType == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        } else if (javaType == ZonedDateTime.class) {
            return instant.atZone(ZoneOffset.UTC);
        } else if (javaType == Timestamp.class) {
            return Timestamp.from(instant);
        } else if (javaType == java.util.Date.class) {
            return java.util.Date.from(instant);
        }
        return instant;
    }

    private static Instant toInstant(Object value) {
        Instant instant;
        if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof java.util.Date d) {
            instant = d.toInstant();
        } else {
            instant = (Instant) value;
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The current time as the Java type of a timestamp field. */
    public static Object now(FieldDescriptor field) {
        return at(field, Instant.now());
    }

    /** An instant (to the millisecond) as the Java type of a timestamp field. */
    public static Object at(FieldDescriptor field, Instant instant) {
        return fromInstant(field.javaType(), instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Whether text can be stored as the client sent it: no lone surrogate, no NUL (e.g. a LIKE pattern). */
    public static boolean isStorable(String text) {
        return Utf16.isStorable(text);
    }

    private static InvalidValueException invalid(FieldDescriptor field) {
        return new InvalidValueException(Errors.Texts.invalidFieldValue(field.name()));
    }
}

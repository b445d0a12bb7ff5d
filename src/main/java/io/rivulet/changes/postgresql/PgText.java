package io.rivulet.changes.postgresql;

import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A column's value in PostgreSQL's text form, as the wire value of its field: first the Java value
 * the JPA provider would have put into the attribute (through the field's {@code @Convert}
 * converter or {@code @Enumerated} mapping), then {@link ValueCodec#toWire}, exactly as a row read
 * through JPA becomes a wire row. So a change from the stream has the same types as one from JPA.
 */
final class PgText {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP_TZ = new DateTimeFormatterBuilder()
            .append(TIMESTAMP).optionalStart().appendOffset("+HH:mm", "+00").optionalEnd()
            .optionalStart().appendOffset("+HH", "+00").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0).toFormatter();
    private static final Map<Class<?>, AttributeConverter<Object, Object>> CONVERTERS = new ConcurrentHashMap<>();

    private PgText() {
    }

    /**
     * @throws IllegalArgumentException when the text is no value of the field's type
     */
    static Object wire(FieldDescriptor field, String text) {
        if (text == null) {
            return null;
        }
        Object value;
        Convert convert = field.access() == null ? null : field.access().annotation(Convert.class);
        if (convert != null && !convert.disableConversion() && convert.converter() != AttributeConverter.class) {
            AttributeConverter<Object, Object> converter = converter(convert.converter());
            value = converter.convertToEntityAttribute(parse(databaseType(convert.converter()), text, field));
        } else {
            value = parse(field.javaType(), text, field);
        }
        return ValueCodec.toWire(field, value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String text, FieldDescriptor field) {
        if (type == String.class || type == Object.class) {
            return text;
        } else if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        } else if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        } else if (type == Short.class || type == short.class) {
            return Short.valueOf(text);
        } else if (type == Byte.class || type == byte.class) {
            return Byte.valueOf(text);
        } else if (type == Boolean.class || type == boolean.class) {
            return "t".equals(text) || "true".equals(text);
        } else if (type == Double.class || type == double.class) {
            return Double.valueOf(text);
        } else if (type == Float.class || type == float.class) {
            return Float.valueOf(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        } else if (type == BigInteger.class) {
            return new BigDecimal(text).toBigInteger();
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == LocalTime.class) {
            return LocalTime.parse(text);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text, TIMESTAMP);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text, TIMESTAMP_TZ);
        } else if (type == Instant.class) {
            return OffsetDateTime.parse(text, TIMESTAMP_TZ).toInstant();
        } else if (type == java.sql.Timestamp.class || type == java.util.Date.class) {
            return java.sql.Timestamp.valueOf(LocalDateTime.parse(text, TIMESTAMP));
        } else if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(LocalDate.parse(text));
        } else if (type.isEnum()) {
            Enumerated enumerated = field.access() == null ? null : field.access().annotation(Enumerated.class);
            if (enumerated != null && enumerated.value() == EnumType.STRING) {
                return Enum.valueOf((Class) type, text);
            }
            return type.getEnumConstants()[Integer.parseInt(text)];
        }
        throw new IllegalArgumentException("Rivulet cannot read a " + type.getName() + " from the stream's text");
    }

    @SuppressWarnings("unchecked")
    private static AttributeConverter<Object, Object> converter(Class<?> type) {
        return CONVERTERS.computeIfAbsent(type, t -> {
            try {
                return (AttributeConverter<Object, Object>) t.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Rivulet cannot instantiate the converter " + t.getName(), e);
            }
        });
    }

    /** {@code Y} of {@code AttributeConverter<X, Y>}; String when the converter does not say it plainly. */
    private static Class<?> databaseType(Class<?> converter) {
        for (Class<?> c = converter; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == AttributeConverter.class
                        && parameterized.getActualTypeArguments()[1] instanceof Class<?> database) {
                    return database;
                }
            }
        }
        return String.class;
    }

}

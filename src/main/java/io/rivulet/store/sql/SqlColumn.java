package io.rivulet.store.sql;

import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import io.rivulet.schema.ValueCodec;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Reads one field's column from a result set as its wire value, as the JPA provider would have
 * read the attribute and {@link ValueCodec#toWire} turned it into a wire value. Only for mappings
 * whose database form is unambiguous: basic types, {@code @Enumerated(STRING)}, and attributes
 * with an explicit {@code @Convert} whose database type is itself basic (the example's JSON
 * column). Anything else ({@code ORDINAL} enums, UUIDs, zoned timestamps) is read through JPA.
 */
@FunctionalInterface
interface SqlColumn {

    Object read(ResultSet rows, int index) throws SQLException;

    /** The reader of a field, or empty when only the JPA provider knows how its column maps. */
    static Optional<SqlColumn> of(FieldDescriptor field) {
        if (field.access() == null) {
            return Optional.empty();
        }
        Convert convert = field.access().annotation(Convert.class);
        if (convert != null) {
            return converted(field, convert.converter());
        }
        Class<?> type = field.javaType();
        if (field.type() == FieldType.ENUMERATION) {
            Enumerated enumerated = field.access().annotation(Enumerated.class);
            return enumerated != null && enumerated.value() == EnumType.STRING
                    ? Optional.of(ResultSet::getString) : Optional.empty();
        }
        return basic(type).map(reader -> reader);
    }

    private static Optional<SqlColumn> basic(Class<?> type) {
        if (type == String.class) {
            return Optional.of(ResultSet::getString);
        } else if (type == Integer.class || type == Short.class || type == Byte.class) {
            return Optional.of((rows, i) -> {
                int value = rows.getInt(i);
                return rows.wasNull() ? null : value;
            });
        } else if (type == Long.class) {
            return Optional.of((rows, i) -> {
                long value = rows.getLong(i);
                return rows.wasNull() ? null : value;
            });
        } else if (type == Boolean.class) {
            return Optional.of((rows, i) -> {
                boolean value = rows.getBoolean(i);
                return rows.wasNull() ? null : value;
            });
        } else if (type == Double.class) {
            return Optional.of((rows, i) -> {
                double value = rows.getDouble(i);
                return rows.wasNull() ? null : value;
            });
        } else if (type == Float.class) {
            return Optional.of((rows, i) -> {
                float value = rows.getFloat(i);
                return rows.wasNull() ? null : Double.valueOf(Float.toString(value));
            });
        } else if (type == BigDecimal.class) {
            return Optional.of(ResultSet::getBigDecimal);
        } else if (type == BigInteger.class) {
            return Optional.of((rows, i) -> {
                BigDecimal value = rows.getBigDecimal(i);
                return value == null ? null : value.toBigInteger();
            });
        } else if (type == LocalDateTime.class) {
            // the column's wall-clock time read as UTC, as the provider reads a LocalDateTime
            // (not getObject(i, LocalDateTime.class): Payara's result set wrapper looks that
            // method up reflectively on every call)
            return Optional.of((rows, i) -> {
                Timestamp value = rows.getTimestamp(i, Utc.CALENDAR.get());
                return value == null ? null : value.toInstant().truncatedTo(ChronoUnit.MILLIS);
            });
        } else if (type == LocalDate.class) {
            return Optional.of((rows, i) -> {
                Date value = rows.getDate(i, Utc.CALENDAR.get());
                return value == null ? null
                        : LocalDate.ofInstant(Instant.ofEpochMilli(value.getTime()), ZoneOffset.UTC).toString();
            });
        }
        return Optional.empty();
    }

    /** A calendar per thread: drivers read it, and calendars are not thread-safe. */
    final class Utc {
        static final ThreadLocal<Calendar> CALENDAR = ThreadLocal.withInitial(() -> {
            // proleptic Gregorian, as java.time counts: no Julian days before 1582
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            calendar.setGregorianChange(new java.util.Date(Long.MIN_VALUE));
            return calendar;
        });

        private Utc() {
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<SqlColumn> converted(FieldDescriptor field, Class<?> converterClass) {
        return PlainConverter.of(converterClass).flatMap(plain -> basic(plain.databaseType()).map(raw -> {
            AttributeConverter converter = plain.converter();
            return (rows, i) -> ValueCodec.toWire(field, converter.convertToEntityAttribute(raw.read(rows, i)));
        }));
    }

    /**
     * An {@code @Convert} converter whose database type is a plain JDBC type (not a date or time,
     * which the provider may bind in its own way), instantiated once.
     */
    record PlainConverter(AttributeConverter<?, ?> converter, Class<?> databaseType) {

        static Optional<PlainConverter> of(Class<?> converterClass) {
            if (!AttributeConverter.class.isAssignableFrom(converterClass)) {
                return Optional.empty();
            }
            Optional<Class<?>> databaseType = SqlColumn.databaseType(converterClass);
            if (databaseType.isEmpty() || databaseType.get() == LocalDateTime.class
                    || databaseType.get() == LocalDate.class) {
                return Optional.empty();
            }
            try {
                return Optional.of(new PlainConverter((AttributeConverter<?, ?>) converterClass.getDeclaredConstructor()
                        .newInstance(), databaseType.get()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code Y} of {@code AttributeConverter<X, Y>}, when the converter says it plainly. */
    static Optional<Class<?>> databaseType(Class<?> converterClass) {
        for (Class<?> c = converterClass; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == AttributeConverter.class
                        && parameterized.getActualTypeArguments()[1] instanceof Class<?> database) {
                    return Optional.of(database);
                }
            }
        }
        return Optional.empty();
    }
}

package io.rivulet.query.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Attribute values (as {@link io.rivulet.schema.ValueCodec#fromWire} makes them) as JDBC parameters. */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * A value ready for {@link java.sql.PreparedStatement#setObject(int, Object)}: enums by
     * {@link Enum#name()} (they are stored as {@code STRING}), a {@link Character} as a one-letter
     * {@link String}, a {@link BigInteger} as a {@link BigDecimal}. Strings, numbers, booleans, UUIDs,
     * {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} and {@code java.sql} values go
     * as they are; a {@link ZonedDateTime} or an {@link Instant} (JDBC 4.2 knows neither) as an
     * {@code OffsetDateTime}, a plain {@link java.util.Date} as a {@link java.sql.Timestamp}.
     */
    public static Object jdbc(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        } else if (value instanceof Character c) {
            return c.toString();
        } else if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        } else if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.util.Date date && !(value instanceof java.sql.Timestamp)
                && !(value instanceof java.sql.Date) && !(value instanceof java.sql.Time)) {
            return new java.sql.Timestamp(date.getTime());
        }
        return value;
    }
}

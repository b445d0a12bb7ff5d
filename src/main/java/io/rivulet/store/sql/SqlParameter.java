package io.rivulet.store.sql;

import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Binds one field's attribute value (its Java type, as on the entity) as a statement parameter,
 * as the JPA provider would bind it: the inverse of {@link SqlColumn}, for the same mappings
 * (basic types, {@code @Enumerated(STRING)}, {@code @Convert} to a basic database type).
 */
@FunctionalInterface
interface SqlParameter {

    void bind(PreparedStatement statement, int index, Object value) throws SQLException;

    /** The binder of a field, or empty when only the JPA provider knows how its column maps. */
    static Optional<SqlParameter> of(FieldDescriptor field) {
        if (field.access() == null) {
            return Optional.empty();
        }
        Convert convert = field.access().annotation(Convert.class);
        if (convert != null) {
            return converted(convert.converter());
        }
        if (field.type() == FieldType.ENUMERATION) {
            Enumerated enumerated = field.access().annotation(Enumerated.class);
            return enumerated != null && enumerated.value() == EnumType.STRING
                    ? Optional.of(nullable(Types.VARCHAR, (s, i, v) -> s.setString(i, ((Enum<?>) v).name())))
                    : Optional.empty();
        }
        return basic(field.javaType());
    }

    private static Optional<SqlParameter> basic(Class<?> type) {
        SqlParameter binder;
        if (type == String.class) {
            binder = nullable(Types.VARCHAR, (s, i, v) -> s.setString(i, (String) v));
        } else if (type == Integer.class) {
            binder = nullable(Types.INTEGER, (s, i, v) -> s.setInt(i, (Integer) v));
        } else if (type == Short.class) {
            binder = nullable(Types.SMALLINT, (s, i, v) -> s.setShort(i, (Short) v));
        } else if (type == Byte.class) {
            binder = nullable(Types.TINYINT, (s, i, v) -> s.setByte(i, (Byte) v));
        } else if (type == Long.class) {
            binder = nullable(Types.BIGINT, (s, i, v) -> s.setLong(i, (Long) v));
        } else if (type == Boolean.class) {
            binder = nullable(Types.BOOLEAN, (s, i, v) -> s.setBoolean(i, (Boolean) v));
        } else if (type == Double.class) {
            binder = nullable(Types.DOUBLE, (s, i, v) -> s.setDouble(i, (Double) v));
        } else if (type == Float.class) {
            binder = nullable(Types.REAL, (s, i, v) -> s.setFloat(i, (Float) v));
        } else if (type == BigDecimal.class) {
            binder = nullable(Types.NUMERIC, (s, i, v) -> s.setBigDecimal(i, (BigDecimal) v));
        } else if (type == BigInteger.class) {
            binder = nullable(Types.NUMERIC, (s, i, v) -> s.setBigDecimal(i, new BigDecimal((BigInteger) v)));
        } else if (type == LocalDateTime.class) {
            // the wall-clock time as it is, as the provider writes a LocalDateTime (JDBC 4.2)
            binder = nullable(Types.TIMESTAMP, (s, i, v) -> s.setObject(i, v));
        } else if (type == LocalDate.class) {
            binder = nullable(Types.DATE, (s, i, v) -> s.setObject(i, v));
        } else {
            return Optional.empty();
        }
        return Optional.of(binder);
    }

    private static SqlParameter nullable(int sqlType, SqlParameter present) {
        return (statement, index, value) -> {
            if (value == null) {
                statement.setNull(index, sqlType);
            } else {
                present.bind(statement, index, value);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<SqlParameter> converted(Class<?> converterClass) {
        return SqlColumn.PlainConverter.of(converterClass).flatMap(plain -> basic(plain.databaseType()).map(raw -> {
            AttributeConverter converter = plain.converter();
            return (statement, index, value) -> raw.bind(statement, index, converter.convertToDatabaseColumn(value));
        }));
    }
}

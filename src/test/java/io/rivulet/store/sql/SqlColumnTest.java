package io.rivulet.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column readers give the wire values JPA and ValueCodec gave, also for dates far from today. */
class SqlColumnTest {

    private static FieldDescriptor field(Class<?> type, FieldType wire) {
        return new FieldDescriptor("f", List.of("f"), type, wire, "f", List.of(), false, false, true, false, false,
                false, io.rivulet.schema.PropertyAccess.of(Holder.class, type == LocalDate.class ? "day" : "at"));
    }

    static final class Holder {
        LocalDateTime at;
        LocalDate day;
    }

    @Test
    void timestampsAndDatesAsJavaTimeCountsThem() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:columns");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (at TIMESTAMP, d DATE)");
            statement.execute("INSERT INTO t VALUES ('0100-03-01 10:00:00.123456', '0100-03-01'), "
                    + "('2024-02-29 23:59:59.999', '2024-02-29'), (NULL, NULL)");
            SqlColumn at = SqlColumn.of(field(LocalDateTime.class, FieldType.TIMESTAMP)).orElseThrow();
            SqlColumn day = SqlColumn.of(field(LocalDate.class, FieldType.DATE)).orElseThrow();
            try (ResultSet rows = statement.executeQuery("SELECT at, d FROM t ORDER BY at NULLS LAST")) {
                rows.next();
                assertEquals(Instant.parse("0100-03-01T10:00:00.123Z"), at.read(rows, 1));
                assertEquals("0100-03-01", day.read(rows, 2));
                rows.next();
                assertEquals(Instant.parse("2024-02-29T23:59:59.999Z"), at.read(rows, 1));
                assertEquals("2024-02-29", day.read(rows, 2));
                rows.next();
                assertEquals(null, at.read(rows, 1));
                assertEquals(null, day.read(rows, 2));
            }
        }
    }
}

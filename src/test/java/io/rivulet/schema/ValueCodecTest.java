package io.rivulet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Body values (strict) as {@link ValueCodec} converts them: text that UTF-8 cannot carry is refused, not changed. */
class ValueCodecTest {

    private static final FieldDescriptor TITLE = field("title", String.class, FieldType.STRING);
    private static final FieldDescriptor INITIAL = field("initial", Character.class, FieldType.STRING);
    private static final FieldDescriptor SETTINGS = field("settings", JsonValue.class, FieldType.JSON);

    private static FieldDescriptor field(String name, Class<?> type, FieldType wire) {
        return new FieldDescriptor(name, List.of(name), type, wire, name, List.of(), false, false, true, false, false,
                false, null);
    }

    private static void assertRefused(FieldDescriptor field, Object wire) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> ValueCodec.fromWire(field, wire, false), () -> String.valueOf(wire));
        assertEquals("Invalid value for field " + field.name(), refused.getMessage());
    }

    @Test
    void wellFormedTextIsKeptAsItIs() {
        assertEquals("caf\u00e9 \uD83D\uDE00", ValueCodec.fromWire(TITLE, "caf\u00e9 \uD83D\uDE00", false));
        assertEquals('x', ValueCodec.fromWire(INITIAL, "x", false));
        assertEquals("{\"a\":[\"\uD83D\uDE00\"]}",
                ValueCodec.fromWire(SETTINGS, Map.of("a", List.of("\uD83D\uDE00")), false).toString());
    }

    @Test
    void aLoneSurrogateInTextIsRefused() {
        for (String text : List.of("\uD800", "\uDFFF", "a\uD800", "\uDC00b", "\uDE00\uD83D", "\uD83D\uD83D")) {
            assertRefused(TITLE, text);
        }
        assertRefused(INITIAL, "\uD800");
    }

    /** PostgreSQL stores no NUL in text or JSON, H2 does: refused everywhere, in bodies and filters alike. */
    @Test
    void aNulIsRefused() {
        assertRefused(TITLE, "a\u0000b");
        assertRefused(SETTINGS, Map.of("a", "\u0000"));
        assertThrows(InvalidValueException.class, () -> ValueCodec.fromWire(TITLE, "\u0000", true));
    }

    @Test
    void timestampsFromPostgresqlsFirstToJavaScriptsLast() {
        FieldDescriptor at = new FieldDescriptor("at", List.of("at"), java.time.LocalDateTime.class,
                FieldType.TIMESTAMP, "at", List.of(), false, false, true, false, false, false, null);
        assertEquals(java.time.LocalDateTime.parse("-4713-11-24T00:00"), ValueCodec.fromWire(at, "-4713-11-24T00:00:00Z", true));
        assertEquals(java.time.LocalDateTime.parse("+275760-09-13T00:00"), ValueCodec.fromWire(at, 8_640_000_000_000_000L, false));
        for (Object outside : List.of("-4713-11-23T23:59:59.999Z", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00.001Z",
                "+294277-01-01T00:00:00Z", 8_640_000_000_000_001L, Long.MAX_VALUE, java.time.Instant.MIN)) {
            assertRefused(at, outside);
        }
    }

    @Test
    void numbersAsTextUseAsciiDigits() {
        FieldDescriptor n = new FieldDescriptor("n", List.of("n"), Integer.class, FieldType.INTEGER, "n", List.of(),
                false, false, true, false, false, false, null);
        assertEquals(1, ValueCodec.fromWire(n, "1", true));
        for (String digits : List.of("\u0661", "\uFF11", "\u0967")) {
            assertThrows(InvalidValueException.class, () -> ValueCodec.fromWire(n, digits, true), digits);
        }
    }

    @Test
    void aLoneSurrogateAnywhereInAJsonValueIsRefused() {
        assertRefused(SETTINGS, Map.of("theme", "\uD800"));
        assertRefused(SETTINGS, Map.of("\uDC00", "dark"));
        assertRefused(SETTINGS, Map.of("sizes", List.of(1, Map.of("name", List.of("ok", "\uD800")))));
        assertRefused(SETTINGS, List.of("\uD800"));
        assertRefused(SETTINGS, jakarta.json.Json.createObjectBuilder().add("a", "\uD800").build());
    }
}

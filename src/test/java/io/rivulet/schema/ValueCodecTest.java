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
        assertEquals("a\u0000b", ValueCodec.fromWire(TITLE, "a\u0000b", false), "a NUL is a character");
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

    @Test
    void aLoneSurrogateAnywhereInAJsonValueIsRefused() {
        assertRefused(SETTINGS, Map.of("theme", "\uD800"));
        assertRefused(SETTINGS, Map.of("\uDC00", "dark"));
        assertRefused(SETTINGS, Map.of("sizes", List.of(1, Map.of("name", List.of("ok", "\uD800")))));
        assertRefused(SETTINGS, List.of("\uD800"));
        assertRefused(SETTINGS, jakarta.json.Json.createObjectBuilder().add("a", "\uD800").build());
    }
}

package io.rivulet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rstore keys (PROTOCOL §2.8): a key text is exactly a key or it is refused, never trimmed into one. */
class KeyCodecTest {

    private static final CollectionDescriptor TODOS = TestCollections.TODOS;
    private static final CollectionDescriptor SLUGS = collection("slugs",
            field("slug", String.class, FieldType.STRING));
    private static final CollectionDescriptor MEMBERS = collection("members",
            field("teamId", Integer.class, FieldType.INTEGER), field("userId", Long.class, FieldType.INTEGER));

    private static FieldDescriptor field(String name, Class<?> type, FieldType wire) {
        return new FieldDescriptor(name, List.of(name), type, wire, name, List.of(), true, false, false, false, false,
                false, null);
    }

    private static CollectionDescriptor collection(String name, FieldDescriptor... key) {
        return new CollectionDescriptor(name, Object.class, name, List.of(key), List.of(key), List.of(), null);
    }

    private static void assertRefused(CollectionDescriptor collection, String key) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> KeyCodec.parse(collection, key), () -> "key " + key.codePoints().boxed().toList());
        assertEquals("Invalid key " + key + " for collection " + collection.name(), refused.getMessage());
    }

    @Test
    void validKeys() {
        assertEquals(List.of(1), KeyCodec.parse(TODOS, "1"));
        assertEquals(List.of(1), KeyCodec.parse(TODOS, "01"), "the same number, as Number('01') is");
        assertEquals(List.of(-7), KeyCodec.parse(TODOS, "-7"));
        assertEquals(List.of(7, 42L), KeyCodec.parse(MEMBERS, "7::42"));
        assertEquals(List.of("a b"), KeyCodec.parse(SLUGS, "a b"));
        assertEquals(List.of(" padded "), KeyCodec.parse(SLUGS, " padded "), "a string key is taken as it is");
        assertEquals(List.of("\uD83D\uDE00"), KeyCodec.parse(SLUGS, "\uD83D\uDE00"), "a surrogate pair is a character");
    }

    @Test
    void aNulIsNeverTrimmedAway() {
        assertRefused(TODOS, "1\u0000");
        assertRefused(TODOS, "\u00001");
        assertRefused(MEMBERS, "7\u0000::42");
        assertRefused(MEMBERS, "7::42\u0000");
        assertRefused(SLUGS, "a\u0000");
    }

    @Test
    void aNumberKeyWithSpaceOrControlCharactersIsRefused() {
        for (String key : List.of(" 1", "1 ", "1\t", "\n1", "1\r\n", "1\u001f", "\u00a01", "1\u2003")) {
            assertRefused(TODOS, key);
        }
        assertRefused(MEMBERS, "7:: 42");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertRefused(SLUGS, "\uD800");
        assertRefused(SLUGS, "a\uDC00b");
    }
}

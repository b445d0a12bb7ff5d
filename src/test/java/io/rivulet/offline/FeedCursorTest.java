package io.rivulet.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rivulet.RstoreException;
import io.rivulet.store.ItemVersions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed's opaque cursor, and the tags of If-Match / If-None-Match. */
class FeedCursorTest {

    @Test
    void aCursorReadsBackAsHandedOut() {
        for (FeedCursor cursor : new FeedCursor[] {
                new FeedCursor("e1", "abc", 42, Optional.empty()),
                new FeedCursor("e1", "abc", 0, Optional.of("")),
                new FeedCursor("e1", "abc", 7, Optional.of("7::a.b::ü")) }) {
            assertEquals(cursor, FeedCursor.decode(cursor.encode()));
        }
    }

    @Test
    void anythingElseIsInvalid() {
        for (String bad : new String[] {"", "nonsense", "MS4u", "%%%", "x".repeat(10_000),
                java.util.Base64.getUrlEncoder().encodeToString("1.e.s.-3".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("2.e.s.3".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("1.e.s.3.x".getBytes())}) {
            RstoreException e = assertThrows(RstoreException.class, () -> FeedCursor.decode(bad), bad);
            assertEquals(400, e.status());
            assertEquals("Invalid cursor", e.statusMessage());
        }
    }

    @Test
    void tagsMatchByValueWeakOrStrongAndStarMatchesAnyRow() {
        Optional<String> tag = Optional.of("\"3\"");
        assertEquals(true, ItemVersions.matches("\"3\"", tag));
        assertEquals(true, ItemVersions.matches("W/\"3\"", tag));
        assertEquals(true, ItemVersions.matches("\"1\", \"3\"", tag));
        assertEquals(true, ItemVersions.matches("*", tag));
        assertEquals(false, ItemVersions.matches("\"2\"", tag));
        assertEquals(false, ItemVersions.matches("3", tag));
        assertEquals(false, ItemVersions.matches("\"3\"", Optional.empty()));
    }
}

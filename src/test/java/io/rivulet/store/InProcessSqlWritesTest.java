package io.rivulet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.RstoreException;
import io.rivulet.wire.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Creates written as one plain SQL insert ({@link CollectionStore#createWithSql}), in process on
 * H2: the same rows, keys and refusals as the JPA create, read back through JPA and plain SQL.
 */
class InProcessSqlWritesTest extends InProcessTier {


    private static Optional<Map<String, Object>> create(String collection, Map<String, Object> body) {
        return db.reading(em -> db.sqlWritingStore(em).createWithSql(db.collection(collection), body, row -> null, Optional.empty()));
    }

    @Test
    void aCreateTakesItsKeyFromTheSequenceAndReadsBackAsWritten() {
        Map<String, Object> created = create("teams", Map.of("name", "Written as SQL")).orElseThrow();
        assertInstanceOf(Integer.class, created.get("id"), "the key drawn from teams_id_seq");
        assertInstanceOf(java.time.Instant.class, created.get("createdAt"));
        assertEquals(JsonWriter.write(created), readBack("teams", created.get("id")));
        Map<String, Object> next = create("teams", Map.of("name", "And another")).orElseThrow();
        assertTrue((Integer) next.get("id") > (Integer) created.get("id"), "one sequence, ascending");
    }

    @Test
    void everyMappingOfTheExampleWritesAsTheProviderWould() {
        Map<String, Object> created = create("users", Map.of("name", "Dee", "email", "dee@example.com", "mood", "sad",
                "settings", Map.of("theme", "light", "sizes", List.of(1, 2)))).orElseThrow();
        assertEquals(JsonWriter.write(created), readBack("users", created.get("id")), "enum, JSON column, defaults");
        Map<String, Object> todo = create("todos", Map.of("title", "Plain")).orElseThrow();
        assertEquals(false, todo.get("completed"), "the entity's default");
        assertEquals(JsonWriter.write(todo), readBack("todos", todo.get("id")));
    }

    @Test
    void aCompoundClientKeyIsWrittenAsGivenAndTwiceIsA409() {
        Map<String, Object> created = create("teamsToUsers", Map.of("teamId", 602, "userId", 103)).orElseThrow();
        assertEquals("member", created.get("role"));
        RstoreException again = assertThrows(RstoreException.class,
                () -> create("teamsToUsers", Map.of("teamId", 602, "userId", 103)));
        assertEquals(409, again.status());
    }

    @Test
    void aClientValueForAGeneratedKeyIsLeftToTheProvider() {
        assertEquals(Optional.empty(), create("todos", Map.of("id", 4711, "title", "Offline")),
                "EclipseLink keeps it, Hibernate refuses it: JPA decides");
    }

    @Test
    void refusalsAreTheSameAsThroughJpa() {
        RstoreException unique = assertThrows(RstoreException.class,
                () -> create("users", Map.of("name", "Ann again", "email", "ann@example.com")));
        assertEquals("Duplicate value for unique field email in collection users", unique.statusMessage());
        RstoreException parent = assertThrows(RstoreException.class,
                () -> create("comments", Map.of("postId", 999, "authorId", 101, "body", "Orphan")));
        assertEquals(409, parent.status());
        assertEquals("Foreign key constraint violated in collection comments", parent.statusMessage());
        RstoreException missing = assertThrows(RstoreException.class, () -> create("teams", Map.of()));
        assertEquals(400, missing.status());
        long orphans = db.reading(em -> em.createQuery("select count(c) from comments c where c.body = 'Orphan'",
                Long.class).getSingleResult());
        assertEquals(0, orphans, "nothing written");
    }

    @Test
    void aLoneSurrogateIsRefusedAsThroughJpa() {
        long before = db.reading(em -> em.createQuery("select count(t) from teams t", Long.class).getSingleResult());
        RstoreException refused = assertThrows(RstoreException.class, () -> create("teams", Map.of("name", "\uD800")));
        assertEquals(400, refused.status());
        assertEquals("Invalid value for field name in collection teams", refused.statusMessage());
        long after = db.reading(em -> em.createQuery("select count(t) from teams t", Long.class).getSingleResult());
        assertEquals(before, after, "nothing written");
    }

    private static String readBack(String name, Object key) {
        return InProcessTier.readBack(db.collection(name), key);
    }
}

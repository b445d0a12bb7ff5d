package io.rivulet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.RstoreException;
import io.rivulet.example.User;
import io.rivulet.plan.ReadPlan;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.store.sql.SqlRowReader;
import io.rivulet.wire.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

/**
 * Writes through {@link CollectionStore} in process: each in a resource-local transaction, then
 * read back through both read back ends.
 */
class InProcessWritesTest extends InProcessTier {

    private static final SqlRowReader SQL = new SqlRowReader();


    @Test
    void theRealtimeListenerIsNotPartOfTheUnit() {
        Session session = db.entityManagerFactory().unwrap(Session.class);
        assertTrue(session.getDescriptor(User.class).getEventManager().getDefaultEventListeners().isEmpty(),
                "no default entity listener (META-INF/rivulet-orm.xml needs CDI)");
    }

    @Test
    void createThenReadBack() {
        CollectionDescriptor todos = db.collection("todos");
        Map<String, Object> created = db.inTransaction(em -> InProcessStore.store(em)
                .create(todos, Map.of("title", "Written in process")));
        assertInstanceOf(Integer.class, created.get("id"), "a generated key");
        assertEquals("Written in process", created.get("title"));
        assertEquals(false, created.get("completed"), "the entity's default");
        // set by the server (two clock reads: createdAt and updatedAt may differ by a millisecond)
        assertInstanceOf(java.time.Instant.class, created.get("createdAt"));
        assertInstanceOf(java.time.Instant.class, created.get("updatedAt"));
        String row = JsonWriter.write(created);
        assertEquals(row, readBack(todos, created.get("id")), "the created row as it reads back");
    }

    @Test
    void createKeepsAClientChosenKey() {
        CollectionDescriptor posts = db.collection("posts");
        Map<String, Object> created = db.inTransaction(em -> InProcessStore.store(em)
                .create(posts, Map.of("id", 290, "authorId", 103, "title", "Offline post")));
        assertEquals(290, created.get("id"));
        assertEquals(JsonWriter.write(created), readBack(posts, 290));
    }

    @Test
    void createOfADuplicateUniqueValueIsA409() {
        CollectionDescriptor users = db.collection("users");
        RstoreException refused = assertThrows(RstoreException.class, () -> db.inTransaction(em -> InProcessStore
                .store(em).create(users, Map.of("name", "Ann again", "email", "ann@example.com"))));
        assertEquals(409, refused.status());
        assertEquals("Duplicate value for unique field email in collection users", refused.statusMessage());
    }

    @Test
    void createOfAnExistingKeyIsA409() {
        CollectionDescriptor todos = db.collection("todos");
        RstoreException refused = assertThrows(RstoreException.class, () -> db.inTransaction(em -> InProcessStore
                .store(em).create(todos, Map.of("id", 401, "title", "Again"))));
        assertEquals(409, refused.status());
    }

    @Test
    void aDeferredCreateIsWrittenByTheCommit() {
        CollectionDescriptor todos = db.collection("todos");
        Map<String, Object> created = db.inTransaction(em -> InProcessStore.store(em)
                .create(todos, Map.of("title", "Written at commit"), true));
        Object id = created.get("id");
        assertEquals(List.of(created), SQL.read(db.dataSource(), new io.rivulet.plan.ReadPlan(todos,
                todos.visibleFields(), java.util.Optional.empty(), List.of(List.of(id)), List.of(), 0, 1,
                List.of())));
    }

    @Test
    void aDeferredCreateTheDatabaseRefusesIsTheSame409AtTheCommit() {
        CollectionDescriptor comments = db.collection("comments");
        RuntimeException failed = assertThrows(RuntimeException.class, () -> db.inTransaction(em -> InProcessStore
                .store(em).create(comments, Map.of("postId", 999, "authorId", 101, "body", "Orphan"), true)));
        RstoreException refused = ConstraintViolations.toClientError(failed, "comments").orElseThrow();
        assertEquals(409, refused.status());
        assertEquals("Foreign key constraint violated in collection comments", refused.statusMessage());
    }

    @Test
    void createWithAMissingParentIsAForeignKey409() {
        CollectionDescriptor comments = db.collection("comments");
        RstoreException refused = assertThrows(RstoreException.class, () -> db.inTransaction(em -> InProcessStore
                .store(em).create(comments, Map.of("postId", 999, "authorId", 101, "body", "Orphan"))));
        assertEquals(409, refused.status());
        assertEquals("Foreign key constraint violated in collection comments", refused.statusMessage());
    }

    @Test
    void patchAndDelete() {
        CollectionDescriptor todos = db.collection("todos");
        Map<String, Object> created = db.inTransaction(em -> InProcessStore.store(em)
                .create(todos, Map.of("title", "To patch")));
        List<Object> key = List.of(created.get("id"));
        CollectionStore.Change change = db.inTransaction(em -> InProcessStore.store(em)
                .patch(todos, key, Map.of("completed", true), List.of(), ItemVersions.Precondition.NONE).orElseThrow());
        assertEquals(false, change.previous().get("completed"));
        assertEquals(true, change.current().get("completed"));
        assertEquals(JsonWriter.write(change.current()), readBack(todos, key.get(0)));
        Map<String, Object> deleted = db.inTransaction(em -> InProcessStore.store(em)
                .delete(todos, key, List.of(), ItemVersions.Precondition.NONE).orElseThrow());
        assertEquals(change.current(), deleted, "the pre-image");
        assertEquals("null", readBack(todos, key.get(0)));
    }

    /** A lone surrogate has no UTF-8 form: the write is refused, never stored changed (as {@code ?}). */
    @Test
    void aLoneSurrogateIsRefusedAndNothingIsWritten() {
        CollectionDescriptor todos = db.collection("todos");
        CollectionDescriptor users = db.collection("users");
        String todo = readBack(todos, 402);
        String user = readBack(users, 102);
        long count = todoCount();
        for (boolean deferFlush : new boolean[] {false, true}) {
            assertInvalid("Invalid value for field title in collection todos", () -> db.inTransaction(em ->
                    InProcessStore.store(em).create(todos, Map.of("title", "\uD800"), deferFlush)));
        }
        assertInvalid("Invalid value for field title in collection todos", () -> db.inTransaction(em ->
                InProcessStore.store(em).patch(todos, List.of(402), Map.of("title", "a\uDC00b"), List.of(), ItemVersions.Precondition.NONE)));
        assertInvalid("Invalid value for field settings in collection users", () -> db.inTransaction(em ->
                InProcessStore.store(em).patch(users, List.of(102), Map.of("settings", Map.of("theme", "\uD800")),
                        List.of(), ItemVersions.Precondition.NONE)));
        assertInvalid("Invalid value for field settings in collection users", () -> db.inTransaction(em ->
                InProcessStore.store(em).create(users, Map.of("name", "Lone", "email", "lone@example.com",
                        "settings", Map.of("\uDFFF", List.of())))));
        assertEquals(todo, readBack(todos, 402), "the todo unchanged");
        assertEquals(user, readBack(users, 102), "the user unchanged");
        assertEquals(count, todoCount(), "no todo written");
    }

    private static void assertInvalid(String message, org.junit.jupiter.api.function.Executable write) {
        RstoreException refused = assertThrows(RstoreException.class, write);
        assertEquals(400, refused.status());
        assertEquals(message, refused.statusMessage());
    }

    private static long todoCount() {
        return db.reading(em -> em.createQuery("select count(t) from todos t", Long.class).getSingleResult());
    }
}

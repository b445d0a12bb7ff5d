package io.rivulet.schema;

import static io.rivulet.schema.Descriptions.client;
import static io.rivulet.schema.Descriptions.remove;
import static io.rivulet.schema.Descriptions.server;
import static io.rivulet.schema.Descriptions.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The structural rules of SCHEMA.md §3, one client edit at a time against the same server. */
class SchemaCompatibilityTest {

    private static Arguments compatible(String name, UnaryOperator<Map<String, Object>> edit) {
        return Arguments.of(name, edit, List.of());
    }

    private static Arguments refused(String name, UnaryOperator<Map<String, Object>> edit, String... differences) {
        return Arguments.of(name, edit, List.of(differences));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                compatible("identical", d -> d),
                compatible("client lacks a collection", d -> remove(d, "posts")),
                compatible("client lacks an optional field", d -> remove(d, "users.columns.mood")),
                compatible("client lacks a field with a default", d -> remove(d, "todos.columns.completed")),
                compatible("client lacks a server-default field", d -> remove(d, "todos.columns.createdAt")),
                compatible("client lacks a generated key", d -> remove(d, "todos.columns.id")),
                compatible("client lacks a read-only field", d -> remove(d, "users.columns.role")),
                compatible("client lacks an enumeration value",
                        d -> set(d, "users.columns.mood.values", "['happy','sad']")),
                compatible("client lacks a relationship", d -> remove(d, "users.relationships.posts")),
                compatible("client holds an optional field as optional, server made it required with a default",
                        d -> set(d, "todos.columns.completed.optional", "true")),
                compatible("client gives no format", d -> remove(d, "todos.columns.createdAt.format")),
                compatible("database names are not compared",
                        d -> set(set(d, "todos.from", "'tasks'"), "todos.columns.title.from", "'t'")),
                refused("removed collection", d -> set(d, "archives", "{'primaryKey':['id'],'columns':{}}"),
                        "collection-missing archives"),
                refused("removed column", d -> set(d, "todos.columns.priority", "{'type':'number','optional':true}"),
                        "field-missing todos.priority"),
                refused("changed type", d -> set(d, "todos.columns.title.type", "'number'"),
                        "type-changed todos.title"),
                refused("string and enumeration differ", d -> set(d, "users.columns.mood",
                        "{'type':'string','optional':true}"), "type-changed users.mood"),
                refused("enumeration value removed on the server",
                        d -> set(d, "users.columns.mood.values", "['happy','sad','taco','meh']"),
                        "enumeration-values-missing users.mood"),
                refused("new required column", d -> remove(d, "todos.columns.title"),
                        "new-required-column todos.title"),
                refused("client may leave out a field the server requires",
                        d -> set(d, "todos.columns.title.optional", "true"), "required-on-insert todos.title"),
                refused("client thinks the server generates a value", d -> set(d, "users.columns.name.generated", "true"),
                        "required-on-insert users.name"),
                refused("server may return null", d -> set(d, "users.columns.mood.optional", "false"),
                        "may-be-null users.mood"),
                refused("changed format", d -> set(d, "todos.columns.createdAt.format", "'date'"),
                        "format-changed todos.createdAt"),
                refused("became read-only", d -> remove(d, "users.columns.role.readOnly"),
                        "read-only users.role"),
                refused("primary key changed", d -> set(d, "todos.primaryKey", "['id','title']"),
                        "primary-key-changed todos"),
                refused("relationship removed", d -> set(d, "posts.relationships.comments",
                        "{'kind':'many','hops':[{'sourceField':['id'],'destField':['postId'],'destSchema':'comments'}]}"),
                        "relationship-missing posts.comments"),
                refused("relationship kind changed", d -> set(d, "users.relationships.posts.kind", "'one'"),
                        "relationship-changed users.posts"),
                refused("relationship hops changed",
                        d -> set(d, "posts.relationships.author.hops", "[{'sourceField':['id'],'destField':['id'],"
                                + "'destSchema':'users'}]"), "relationship-changed posts.author"),
                refused("several at once", d -> set(remove(d, "todos.columns.title"), "users.columns.name.type",
                        "'boolean'"), "new-required-column todos.title", "type-changed users.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void clientAgainstServer(String name, UnaryOperator<Map<String, Object>> edit, List<String> expected) {
        List<SchemaDifference> differences = SchemaCompatibility.compare(edit.apply(client("c")), server());
        assertEquals(expected, differences.stream().map(SchemaCompatibilityTest::summary).toList(), name);
        differences.forEach(d -> assertTrue(d.detail().contains(d.collection()), d.detail()));
    }

    private static String summary(SchemaDifference d) {
        String member = d.field() != null ? "." + d.field() : d.relationship() != null ? "." + d.relationship() : "";
        return d.kind().wireName() + " " + d.collection() + member;
    }

    @Test
    void differencesOnTheWire() {
        var difference = SchemaCompatibility.compare(remove(client("c"), "todos.columns.title"), server()).get(0);
        assertEquals(Map.of("kind", "new-required-column", "collection", "todos", "field", "title", "detail",
                difference.detail()), difference.toMap());
        assertTrue(difference.detail().startsWith("Field \"todos.title\" is required on insert"), difference.detail());
    }

    @Test
    void malformedDescriptionsAreRefusedWithAReason() {
        assertEquals("the description must be an object", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare("x", server())).getMessage());
        assertEquals("collections must be an object", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare(Map.of("version", "v"), server())).getMessage());
        assertEquals("todos.columns.title.type must be a string", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare(set(client("c"), "todos.columns.title.type", "1"), server()))
                .getMessage());
        assertEquals("todos.primaryKey must be an array", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare(remove(client("c"), "todos.primaryKey"), server())).getMessage());
        assertEquals("users.columns.mood.optional must be a boolean", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare(set(client("c"), "users.columns.mood.optional", "'yes'"), server()))
                .getMessage());
        assertEquals("version must be a string", assertThrows(MalformedSchemaException.class,
                () -> SchemaCompatibility.compare(Map.of("version", 1, "collections", Map.of()), server())).getMessage());
    }
}

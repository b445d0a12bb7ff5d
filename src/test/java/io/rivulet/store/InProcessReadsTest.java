package io.rivulet.store;

import io.rivulet.query.QueryLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.plan.Include;
import io.rivulet.plan.ReadPlan;
import io.rivulet.query.SearchQuery;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.KeyCodec;
import io.rivulet.store.sql.SqlRowReader;
import io.rivulet.wire.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads of the example data set in process ({@link InProcessStore}), through both read back ends:
 * plain SQL ({@link SqlRowReader} over the H2 datasource) and JPA Criteria ({@link CollectionStore}
 * with a {@code transformQuery} that restricts nothing, so {@link RowQuery} and {@link IncludeLoader}).
 * Each read is checked against the exact JSON the server writes ({@link JsonWriter}: fields in
 * declaration order, relations after them), and the two back ends against each other.
 */
class InProcessReadsTest extends InProcessTier {

    /** One reader per class: it keeps what it learnt of its database (PostgreSQL or not, indexes). */
    private static SqlRowReader SQL;

    @BeforeAll
    static void newReader() {
        SQL = new SqlRowReader();
    }


    // the seed's rows as the server writes them
    private static final String ANN = "{\"id\":101,\"name\":\"Ann\",\"email\":\"ann@example.com\",\"nickName\":null,"
            + "\"mood\":\"happy\",\"settings\":{\"theme\":\"dark\"},\"createdAt\":\"2024-01-01T00:01:00.000Z\","
            + "\"updatedAt\":\"2024-01-01T00:01:00.000Z\"";
    private static final String BOB = "{\"id\":102,\"name\":\"Bob\",\"email\":\"bob@example.com\","
            + "\"nickName\":\"bobby\",\"mood\":null,\"settings\":null,\"createdAt\":\"2024-01-01T00:02:00.000Z\","
            + "\"updatedAt\":\"2024-01-01T00:02:00.000Z\"";
    private static final String CY = "{\"id\":103,\"name\":\"Cy\",\"email\":\"cy@example.com\",\"nickName\":null,"
            + "\"mood\":\"taco\",\"settings\":null,\"createdAt\":\"2024-01-01T00:03:00.000Z\","
            + "\"updatedAt\":\"2024-01-01T00:03:00.000Z\"";

    @Test
    void listWithWhereOrderByAndLimit() {
        String expected = "[" + post(204, 102, "Bob writes", true, 7) + "}," + post(201, 101, "Hello Rivulet", true, 4)
                + "}]";
        assertEquals(expected, list("posts", Map.of(
                "where", Map.of("field", "published", "operator", "eq", "value", true),
                "orderBy", List.of("title.asc"), "limit", 2)));
    }

    @Test
    void listWithOffsetAndCompoundCondition() {
        // approved comments, or those of post 202; newest first; the first one skipped
        String expected = "[" + comment(306, 204, 101, null, "Welcome, Bob", true, 14) + "},"
                + comment(305, 203, 103, null, "Third!", true, 13) + "}]";
        assertEquals(expected, list("comments", Map.of(
                "where", Map.of("operator", "and", "conditions", List.of(
                        Map.of("operator", "or", "conditions", List.of(
                                Map.of("field", "approved", "operator", "eq", "value", true),
                                Map.of("field", "postId", "operator", "eq", "value", 202))),
                        Map.of("field", "body", "operator", "notIlike", "value", "%too%"))),
                "orderBy", List.of("createdAt.desc"), "offset", 1, "limit", 2)));
    }

    @Test
    void listByKeys() {
        assertEquals("[" + ANN + "}," + CY + "}]", list("users", Map.of("keys", List.of("103", "101"))));
    }

    @Test
    void getByKey() {
        CollectionDescriptor users = db.collection("users");
        ReadPlan plan = new ReadPlan(users, users.visibleFields(), Optional.empty(), List.of(List.of(102)), List.of(),
                0, 1, List.of());
        String sql = JsonWriter.write(SQL.read(db.dataSource(), plan).stream().findFirst().orElse(null));
        String criteria = db.reading(em -> JsonWriter.write(InProcessStore.store(em)
                .get(users, List.of(102), Map.of(), List.of(), List.of(InProcessStore.NO_OP)).orElse(null)));
        assertEquals(BOB + "}", sql);
        assertEquals(sql, criteria, "Criteria agrees with plain SQL");
    }

    @Test
    void getOfAMissingKey() {
        CollectionDescriptor users = db.collection("users");
        ReadPlan plan = new ReadPlan(users, users.visibleFields(), Optional.empty(), List.of(List.of(999)), List.of(),
                0, 1, List.of());
        assertTrue(SQL.read(db.dataSource(), plan).isEmpty());
        assertTrue(db.reading(em -> InProcessStore.store(em)
                .get(users, List.of(999), Map.of(), List.of(), List.of(InProcessStore.NO_OP))).isEmpty());
    }

    @Test
    void twoLevelIncludeWithPerParentLimits() {
        String expected = "["
                + ANN + ",\"posts\":["
                + post(203, 101, "Third time", true, 6) + ",\"comments\":["
                + comment(305, 203, 103, null, "Third!", true, 13) + "}]},"
                + post(202, 101, "Second thoughts", false, 5) + ",\"comments\":["
                + comment(304, 202, 102, null, "Hmm", false, 12) + "}]}]},"
                + BOB + ",\"posts\":["
                + post(204, 102, "Bob writes", true, 7) + ",\"comments\":["
                + comment(307, 204, 103, 306, "Seconded", true, 15) + "}]}]},"
                + CY + ",\"posts\":["
                + post(205, 103, "Cy drafts", false, 8) + ",\"comments\":[]}]}"
                + "]";
        assertEquals(expected, list("users", Map.of("orderBy", List.of("id.asc"), "include", Map.of(
                "posts", Map.of("orderBy", List.of("id.desc"), "limit", 2, "include", Map.of(
                        "comments", Map.of("orderBy", List.of("id.desc"), "limit", 1)))))));
    }

    @Test
    void includesWithWhereColumnsAndToOne() {
        // to-many with a where and columns (the key and the join field stay), to-one (author) with columns
        String expected = "["
                + post(201, 101, "Hello Rivulet", true, 4) + ",\"comments\":["
                + "{\"id\":301,\"postId\":201,\"body\":\"Nice!\"},{\"id\":303,\"postId\":201,\"body\":\"Me too\"}],"
                + "\"author\":{\"id\":101,\"name\":\"Ann\"}},"
                + post(202, 101, "Second thoughts", false, 5) + ",\"comments\":[],"
                + "\"author\":{\"id\":101,\"name\":\"Ann\"}}"
                + "]";
        Map<String, Object> include = new LinkedHashMap<>();
        include.put("comments", Map.of("where", Map.of("field", "approved", "operator", "eq", "value", true),
                "columns", Map.of("body", true)));
        include.put("author", Map.of("columns", Map.of("name", true)));
        assertEquals(expected, list("posts", Map.of(
                "where", Map.of("field", "id", "operator", "inArray", "value", List.of(201, 202)),
                "include", include)));
    }

    @Test
    void perParentLimitWithWhereAndColumns() {
        // the first approved comment of each post, newest first, only its body (the key and the join field stay)
        Map<String, Object> include = Map.of("comments", Map.of("orderBy", List.of("id.desc"), "limit", 1,
                "where", Map.of("field", "approved", "operator", "eq", "value", true), "columns", Map.of("body", true)));
        String expected = "["
                + post(201, 101, "Hello Rivulet", true, 4) + ",\"comments\":[" + body(303, 201, "Me too") + "]},"
                + post(202, 101, "Second thoughts", false, 5) + ",\"comments\":[]},"
                + post(203, 101, "Third time", true, 6) + ",\"comments\":[" + body(305, 203, "Third!") + "]},"
                + post(204, 102, "Bob writes", true, 7) + ",\"comments\":[" + body(307, 204, "Seconded") + "]},"
                + post(205, 103, "Cy drafts", false, 8) + ",\"comments\":[]}"
                + "]";
        assertEquals(expected, list("posts", Map.of("orderBy", List.of("id.asc"), "include", include)));
    }

    /**
     * What batch folding ({@code batch.FoldedReads}) relies on: one list by the distinct keys, with
     * the shared include, holds for each key exactly the row its own get would return.
     */
    @Test
    void aFoldedReadByKeysHoldsEachGetsRow() {
        CollectionDescriptor posts = db.collection("posts");
        Map<String, Object> include = Map.of("comments", Map.of("orderBy", List.of("id.desc"), "limit", 1));
        List<String> keys = List.of("203", "201", "999");
        String folded = list("posts", Map.of("keys", keys, "limit", keys.size(), "include", include));
        // the folded list is in key order, not request order: 201 before 203
        String expected = "[" + post(201, 101, "Hello Rivulet", true, 4) + ",\"comments\":["
                + comment(303, 201, 103, null, "Me too", true, 11) + "}]},"
                + post(203, 101, "Third time", true, 6) + ",\"comments\":["
                + comment(305, 203, 103, null, "Third!", true, 13) + "}]}]";
        assertEquals(expected, folded);
        List<Include> includes = db.includes("posts", include);
        SearchQuery byKeys = new SearchQueryParser(QueryLimits.DEFAULT).parse(Map.of("keys", keys));
        Map<String, String> foldedRows = new LinkedHashMap<>();
        db.reading(em -> InProcessStore.store(em).list(posts, byKeys, keys.size(), includes, List.of()))
                .forEach(row -> foldedRows.put(KeyCodec.format(posts, row), JsonWriter.write(row)));
        for (String key : keys) {
            String get = db.reading(em -> JsonWriter.write(InProcessStore.store(em).get(posts,
                    KeyCodec.parse(posts, key), Map.of(), includes, List.of(InProcessStore.NO_OP)).orElse(null)));
            assertEquals(foldedRows.getOrDefault(key, "null"), get, "the row of key " + key);
        }
    }

    @Test
    void manyToManyIsReadThroughCriteriaOnly() {
        // posts.labels goes through the postLabels junction (two hops): plain SQL does not serve it
        CollectionDescriptor posts = db.collection("posts");
        List<Include> includes = db.includes("posts", Map.of("labels", Map.of("orderBy", List.of("name.asc"))));
        ReadPlan plan = new ReadPlan(posts, posts.visibleFields(), Optional.empty(), List.of(List.of(201)), List.of(),
                0, 1, includes);
        assertTrue(!SQL.supports(plan), "two hops are JPA's");
        String criteria = db.reading(em -> JsonWriter.write(InProcessStore.store(em)
                .get(posts, List.of(201), Map.of(), includes, List.of(InProcessStore.NO_OP)).orElse(null)));
        assertEquals(post(201, 101, "Hello Rivulet", true, 4) + ",\"labels\":["
                + "{\"id\":502,\"name\":\"howto\"" + timestamps(20) + "},"
                + "{\"id\":501,\"name\":\"news\"" + timestamps(19) + "}]}", criteria);
    }

    /**
     * A list through both back ends, as the client sends it (the decoded superjson search
     * query): plain SQL and Criteria must write the same bytes; returns them.
     */
    private static String list(String collection, Map<String, Object> search) {
        CollectionDescriptor c = db.collection(collection);
        SearchQuery query = new SearchQueryParser(QueryLimits.DEFAULT).parse(search);
        List<Include> includes = query.include().map(i -> db.includes(collection, i)).orElse(List.of());
        int limit = query.limit().orElse(1000);
        List<List<Object>> keys = query.keys().stream().map(k -> KeyCodec.parse(c, k)).toList();
        ReadPlan plan = new ReadPlan(c, c.visibleFields(), query.where(), keys, query.orderBy(), query.offset(), limit,
                includes);
        assertTrue(SQL.supports(plan), "plain SQL serves the plan");
        String sql = JsonWriter.write(SQL.read(db.dataSource(), plan));
        String criteria = db.reading(em -> JsonWriter.write(InProcessStore.store(em)
                .list(c, query, limit, includes, List.of(InProcessStore.NO_OP))));
        assertEquals(sql, criteria, "Criteria agrees with plain SQL");
        return sql;
    }

    /** A comment with only its key, its post and its body. */
    private static String body(int id, int postId, String body) {
        return "{\"id\":" + id + ",\"postId\":" + postId + ",\"body\":\"" + body + "\"}";
    }

    /** A post row, without its closing brace (relations may follow). */
    private static String post(int id, int authorId, String title, boolean published, int minute) {
        return "{\"id\":" + id + ",\"authorId\":" + authorId + ",\"title\":\"" + title + "\",\"published\":" + published
                + timestamps(minute);
    }

    private static String comment(int id, int postId, int authorId, Integer parentId, String body, boolean approved,
            int minute) {
        return "{\"id\":" + id + ",\"postId\":" + postId + ",\"authorId\":" + authorId + ",\"parentId\":" + parentId
                + ",\"body\":\"" + body + "\",\"approved\":" + approved + timestamps(minute);
    }

    private static String timestamps(int minute) {
        return ",\"createdAt\":\"" + InProcessStore.at(minute) + "\",\"updatedAt\":\"" + InProcessStore.at(minute) + "\"";
    }
}

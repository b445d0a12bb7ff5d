package io.rivulet.store.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.store.InProcessStore;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which indexes give one parent's rows in an order, on the example's schema as the provider creates it. */
class SqlOrderedIndexesTest {

    private static final SqlOrderedIndexes.Column ID = new SqlOrderedIndexes.Column("id", false);
    private static final SqlOrderedIndexes.Column ID_DESC = new SqlOrderedIndexes.Column("id", true);

    @Test
    void theExamplesForeignKeyIndexesServeTheirParentsInKeyOrderEitherWay() throws Exception {
        for (InProcessStore db : new InProcessStore[] {new InProcessStore().seed(),
                InProcessStore.onPostgresql("rivulet_inprocess_indexes").seed()}) {
            try (db; Connection connection = db.dataSource().getConnection()) {
                SqlOrderedIndexes indexes = new SqlOrderedIndexes();
                // comments (post_id, id)
                assertTrue(indexes.serves(connection, "comments", "post_id", List.of(ID)));
                assertTrue(indexes.serves(connection, "comments", "post_id", List.of(ID_DESC)), "read backwards");
                assertTrue(indexes.serves(connection, "comments", "post_id", List.of()));
                assertFalse(indexes.serves(connection, "comments", "post_id",
                        List.of(new SqlOrderedIndexes.Column("created_at", true), ID)), "another order");
                assertFalse(indexes.serves(connection, "comments", "body", List.of(ID)), "no index");
                assertFalse(indexes.serves(connection, "no_such_table", "id", List.of()));
            }
        }
    }
}

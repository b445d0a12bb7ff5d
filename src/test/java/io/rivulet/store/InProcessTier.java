package io.rivulet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.plan.ReadPlan;
import io.rivulet.query.SearchQuery;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.store.sql.SqlRowReader;
import io.rivulet.wire.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The in-process tier's classes: one seeded database per class, closed after it. */
public abstract class InProcessTier {

    protected static InProcessStore db;

    @BeforeAll
    protected static void start() {
        db = new InProcessStore().seed();
    }

    @AfterAll
    protected static void stop() {
        db.close();
    }

    /** The row of a key through plain SQL and through Criteria (which must agree), as JSON; "null" when none. */
    protected static String readBack(CollectionDescriptor collection, Object key) {
        ReadPlan plan = new ReadPlan(collection, collection.visibleFields(), Optional.empty(), List.of(List.of(key)),
                List.of(), 0, 1, List.of());
        String sql = JsonWriter.write(new SqlRowReader().read(db.dataSource(), plan).stream().findFirst().orElse(null));
        String criteria = db.reading(em -> JsonWriter.write(InProcessStore.store(em)
                .get(collection, List.of(key), Map.of(), List.of(), List.of(InProcessStore.NO_OP)).orElse(null)));
        assertEquals(sql, criteria, "Criteria agrees with plain SQL");
        // and the list of the whole collection through Criteria holds it too
        db.reading(em -> InProcessStore.store(em).list(collection, SearchQuery.EMPTY, 1000, List.of(),
                List.of(InProcessStore.NO_OP)));
        return sql;
    }
}

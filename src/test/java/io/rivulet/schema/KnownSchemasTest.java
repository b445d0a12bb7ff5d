package io.rivulet.schema;

import static io.rivulet.schema.Descriptions.client;
import static io.rivulet.schema.Descriptions.remove;
import static io.rivulet.schema.Descriptions.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.schema.SchemaDifference.Kind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Descriptions the server has been shown, by version: what a version-only announcement is judged by. */
class KnownSchemasTest {

    private final KnownSchemas known = new KnownSchemas(DescribedSchema.read(server()), 3);
    private final String serverVersion = (String) server().get("version");

    private static DescribedSchema incompatible(String version) {
        return DescribedSchema.read(remove(client(version), "todos.columns.title"));
    }

    @Test
    void theServersOwnVersionIsAlwaysKnown() {
        SchemaVerdict verdict = known.judge(serverVersion);
        assertTrue(verdict.compatible());
        assertEquals(serverVersion, verdict.clientVersion());
        assertTrue(known.judgeAnnounced(Map.of("version", serverVersion)).compatible(), "{version} form");
        assertTrue(known.judgeAnnounced(serverVersion).compatible(), "string form");
        assertTrue(known.judgeAnnounced(server()).compatible(), "full form");
    }

    @Test
    void anUnknownVersionIsRefusedWithADifferenceSayingSo() {
        SchemaVerdict verdict = known.judge("abc");
        assertFalse(verdict.compatible());
        assertEquals(Kind.UNKNOWN_VERSION, verdict.differences().get(0).kind());
        assertEquals(Map.of("serverVersion", serverVersion, "clientVersion", "abc", "differences",
                List.of(verdict.differences().get(0).toMap())), verdict.data());
        assertEquals(409, verdict.refusal().status());
        assertEquals("SchemaVersionNotSupported", verdict.refusal().statusMessage());
    }

    @Test
    void aDescriptionShownOnceJudgesItsVersionLater() {
        assertTrue(known.judge(DescribedSchema.read(remove(client("subset"), "posts"))).compatible());
        assertTrue(known.judge("subset").compatible());
        SchemaVerdict refused = known.judge(incompatible("old"));
        assertEquals(List.of(Kind.NEW_REQUIRED_COLUMN), refused.differences().stream().map(SchemaDifference::kind)
                .toList());
        assertEquals(refused, known.judge("old"), "the same verdict, by version only");
    }

    @Test
    void aDescriptionStatingNoVersionIsKnownByItsContentsVersion() {
        DescribedSchema unnamed = incompatible(null);
        SchemaVerdict verdict = known.judge(unnamed);
        assertEquals(unnamed.contentVersion(), verdict.clientVersion());
        assertFalse(known.judge(unnamed.contentVersion()).compatible());
        assertEquals(Kind.NEW_REQUIRED_COLUMN, known.judge(unnamed.contentVersion()).differences().get(0).kind());
    }

    @Test
    void noDescriptionTakesOverTheServersVersionOrAnAuthenticOne() {
        assertFalse(known.judge(incompatible(serverVersion)).compatible(), "judged by its content");
        assertTrue(known.judge(serverVersion).compatible(), "the server's version still means the server's schema");
        DescribedSchema authentic = incompatible(null);
        String hash = authentic.contentVersion();
        known.judge(DescribedSchema.read(client(hash)));
        assertEquals(List.of(), known.judge(hash).differences(), "a label nobody owns: the last shown");
        known.judge(authentic);
        known.judge(DescribedSchema.read(client(hash)));
        assertEquals(Kind.NEW_REQUIRED_COLUMN, known.judge(hash).differences().get(0).kind(),
                "a version that is the hash of its content sticks");
    }

    @Test
    void boundedLeastRecentlyUsedFirst() {
        for (String version : List.of("a", "b", "c")) {
            known.judge(incompatible(version));
        }
        known.judge("a");
        known.judge(incompatible("d"));
        assertEquals(3, known.size());
        assertEquals(Kind.UNKNOWN_VERSION, known.judge("b").differences().get(0).kind(), "the least recently used");
        for (String version : List.of("a", "c", "d")) {
            assertEquals(Kind.NEW_REQUIRED_COLUMN, known.judge(version).differences().get(0).kind(), version);
        }
    }

    @Test
    void malformedAnnouncements() {
        assertThrows(MalformedSchemaException.class, () -> known.judgeAnnounced(42L));
        assertThrows(MalformedSchemaException.class, () -> known.judgeAnnounced(Map.of("version", 1L)));
        assertThrows(MalformedSchemaException.class, () -> known.judgeAnnounced(Map.of("version", "v", "x", 1L)));
        assertThrows(MalformedSchemaException.class, () -> known.judgeAnnounced(List.of()));
    }

    @Test
    void threadSafe() throws Exception {
        KnownSchemas shared = new KnownSchemas(DescribedSchema.read(server()), 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String version = "v" + (i % 80);
                results.add(pool.submit(() -> !shared.judge(incompatible(version)).compatible()
                        && !shared.judge(version).compatible()));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(50, shared.size());
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The unchanged published offline client (PROTOCOL §6: {@code @rstore/offline} 0.8.4 with
 * {@code @rstore/nuxt-drizzle} 0.8.4's plugins, in Node with fake-indexeddb) against the
 * deployed WAR: {@code src/test/ts/offline/published-client-sync.mjs}. A client holding 10,000
 * rows sends all their keys in its deletion check; the sync must not fail (before issue #15 it
 * got {@code 400 Too many keys (max 1000)}, and a failed pull cancels the replay of its queue too).
 * On PostgreSQL, the real database (RestRoutesIT reads long key lookups on H2 as well).
 */
@RivuletIT
@OncePerSuite.OnPostgresql
class OfflineClientIT extends DeployedRivulet {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @Test
    void aClientHolding10000RowsSyncsAndReplaysItsQueue() throws Exception {
        TypeScriptCheck.installPackages();
        var run = TypeScriptCheck.run(TypeScriptCheck.SOURCES, 300, "node", "--import", "./offline/nuxt-shims.mjs",
                "offline/published-client-sync.mjs", base.toString(), "10000", "20");
        String output = run.output();
        String last = output.lines().filter(l -> l.startsWith("{\"rows\"")).reduce((a, b) -> b).orElse("{}");
        JsonObject result = Json.createReader(new StringReader(last)).readObject();
        assertEquals(0, run.exitCode(), output);
        assertEquals("null", String.valueOf(result.get("startupSyncError")), output);
        assertEquals("null", String.valueOf(result.get("syncError")), output);
        assertEquals(10_000 - 20, result.getInt("heldAfterSync"),
                "the 20 rows deleted on the server, and the one deleted offline, are gone; the one created offline is there");
        assertEquals(0, result.getInt("missingLocally"), output);
        assertEquals(0, result.getInt("deletedStillLocal"), output);
        assertEquals(true, result.getBoolean("replayedCreate"), output);
        assertEquals(true, result.getBoolean("replayedUpdate"), output);
        assertEquals(true, result.getBoolean("replayedDelete"), output);
    }
}

package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The offline client with Rivulet's changes feed (issue #15, part 3): {@code clients/rstore-offline}'s
 * plugin in place of {@code @rstore/nuxt-drizzle}'s offline plugin, with the published
 * {@code @rstore/vue} 0.8.4, {@code @rstore/offline} 0.8.4 and nuxt-drizzle 0.8.4's REST plugin, in
 * Node with fake-indexeddb, against the deployed WAR: {@code src/test/ts/offline/feed-client-sync.mjs}.
 * The plugin is built first with its own lock file and {@code tsc} (strict), as its README says.
 * A client syncs 10,000 rows, 500 of them deleted on the server, without sending its keys; misses
 * nothing with its clock 5 minutes off either way; gets a 3,000-row delta in pages; converges after
 * a reset and after a damaged cursor; ends a replayed stale update of a {@code reject-stale} note
 * with the server's row and an empty queue; and still replays an offline create, update and
 * delete. On PostgreSQL, like OfflineClientIT.
 */
@RivuletIT
@OncePerSuite.OnPostgresql
class OfflineFeedClientIT extends DeployedRivulet {

    /** The plugin's package (its own package.json and lock file). */
    private static final Path PLUGIN = Path.of("clients", "rstore-offline");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet();
    }

    @Test
    void theFeedPluginSyncsWithoutKeysOrClockAndResolvesStaleReplays() throws Exception {
        TypeScriptCheck.installPackages();
        buildPlugin();
        var run = TypeScriptCheck.run(TypeScriptCheck.SOURCES, 300, "node", "--import", "./offline/feed-shims.mjs",
                "offline/feed-client-sync.mjs", base.toString(), "10000", "500", "3000");
        String output = run.output();
        String last = output.lines().filter(l -> l.startsWith("{\"feed\"")).reduce((a, b) -> b).orElse("{}");
        System.out.println("feed-client-sync.mjs: " + last); // the syncs' requests and milliseconds
        JsonObject result = Json.createReader(new StringReader(last)).readObject();
        assertEquals(0, run.exitCode(), output);
        assertEquals(0, result.getJsonArray("failures").size(), output);

        // a. the first sync and the deletion of 500 rows: the client holds the server's rows, no keys sent
        String[] syncs = {"firstSync", "deleteSync", "deltaSync", "resetSync", "damagedSync", "finalSync"};
        for (String sync : syncs) {
            JsonObject s = result.getJsonObject(sync);
            assertEquals(false, s.getBoolean("keysSent"), sync + ": " + s);
            assertTrue(s.getInt("longestUrl") <= 2000, sync + ": " + s);
        }
        assertTrue(result.getJsonObject("afterFirst").getInt("held") >= 10_000, output);
        assertConverged(result.getJsonObject("afterDelete"), output);
        assertEquals(1, result.getJsonObject("deleteSync").getInt("changesRequests"), "500 deletions are one page");

        // b. the client's clock 5 minutes ahead and behind (nuxt-drizzle's pull would miss them when ahead)
        JsonObject ahead = result.getJsonObject("skewed").getJsonObject("ahead");
        JsonObject behind = result.getJsonObject("skewed").getJsonObject("behind");
        assertEquals(50, ahead.getInt("received"), output);
        assertEquals(0, ahead.getInt("publishedPullWouldGet"), output);
        assertEquals(50, behind.getInt("received"), output);

        // c. 3,000 changes in pages of 1,000
        assertTrue(result.getJsonObject("deltaSync").getInt("changesRequests") >= 3, output);
        assertConverged(result.getJsonObject("afterDelta"), output);

        // d. a rejected cursor (one 409 reset), then a damaged one (400): the snapshot, and the client converges
        assertEquals(1, result.getJsonObject("resetSync").getInt("resets"), output);
        assertConverged(result.getJsonObject("afterReset"), output);
        assertEquals(1, result.getJsonObject("damagedSync").getInt("invalidCursors"), output);
        assertConverged(result.getJsonObject("afterDamaged"), output);

        // e. the stale replayed update of a reject-stale note: the server's row, nothing queued
        JsonObject notes = result.getJsonObject("notes");
        assertEquals(1, notes.getInt("conflicts"), output);
        assertEquals(0, notes.getInt("queued"), output);
        assertEquals(notes.getJsonArray("versions").getInt(2), notes.getJsonObject("heldA").getInt("version"), output);

        // f. offline create, update and delete replay; in the end the client holds the server's rows
        JsonObject replayed = result.getJsonObject("replayed");
        for (String op : new String[] {"create", "update", "delete", "heldCreated"}) {
            assertEquals(true, replayed.getBoolean(op), op + ": " + replayed);
        }
        assertConverged(result.getJsonObject("final").getJsonObject("todos"), output);
        assertConverged(result.getJsonObject("final").getJsonObject("notes"), output);
    }

    private static void assertConverged(JsonObject comparison, String output) {
        assertEquals(0, comparison.getInt("missing"), output);
        assertEquals(0, comparison.getInt("extra"), output);
        assertEquals(0, comparison.getInt("stale"), output);
        assertEquals(comparison.getInt("server"), comparison.getInt("held"), output);
    }

    /**
     * {@code npm ci} in the plugin's package when its node_modules is missing or older than its lock
     * file (from npm's cache when it has the packages), then {@code tsc}: type-checks (strict) and
     * writes {@code dist/}, which the script loads.
     */
    private static void buildPlugin() throws IOException, InterruptedException {
        Path installed = PLUGIN.resolve("node_modules/.package-lock.json");
        Path lock = PLUGIN.resolve("package-lock.json");
        if (!Files.exists(installed) || !Files.exists(PLUGIN.resolve("node_modules/typescript/bin/tsc"))
                || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
            var npm = TypeScriptCheck.run(PLUGIN, 600, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
            assertEquals(0, npm.exitCode(), "npm ci in " + PLUGIN + ":\n" + npm.output());
        }
        var tsc = TypeScriptCheck.run(PLUGIN, 180, "node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json",
                "--pretty", "false");
        assertEquals(0, tsc.exitCode(), "tsc in " + PLUGIN + ":\n" + tsc.output());
    }
}

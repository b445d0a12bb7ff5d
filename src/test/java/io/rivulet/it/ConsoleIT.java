package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The web console (README, "Web console") in a real browser: {@code src/test/ts/console/console-e2e.mjs}
 * drives Debian's chromium with playwright-core. It loads the console, filters todos with the
 * builder, sorts, edits a title (the REST API then has it), shows a server error as the server sent
 * it, sees a change and a create made through REST appear live, creates and deletes a row, pages,
 * and reads related rows through {@code include}; the page is saved as {@code target/console.png}. An
 * allow-list is set: the console is a client of the public API like any other, so it shows only the
 * allowed collections, and no hidden field.
 */
@OncePerSuite.OnH2
@RivuletIT
class ConsoleIT extends DeployedRivulet {

    private static final Path CHROMIUM = Path.of(System.getProperty("rivulet.it.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOT = Path.of("target", "console.png");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rivulet(Map.of("rivulet.allow-tables", "todos,users,posts"));
    }

    @Test
    void filtersEditsAndSeesChangesLiveInChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        assertEquals(200, rstore.getRaw("rivulet/console/").status(), "the WAR holds no console: was it built without Node?");
        TypeScriptCheck.installPackages();
        Files.deleteIfExists(SCREENSHOT);
        var run = TypeScriptCheck.run(TypeScriptCheck.SOURCES, 180, "node", "console/console-e2e.mjs",
                rstore.uri("").toString(), SCREENSHOT.toAbsolutePath().toString());
        String output = run.output();
        String last = output.lines().filter(l -> l.startsWith("{\"result\"")).reduce((a, b) -> b).orElse("{}");
        JsonObject result = Json.createReader(new StringReader(last)).readObject().getJsonObject("result");
        assertEquals(0, run.exitCode(), output);
        String tag = result.getString("run");

        assertEquals(List.of("posts", "todos", "users"), strings(result, "collections"), "only the allow-list's collections");
        assertEquals("realtime: connected", result.getString("connection"));
        assertEquals(List.of("alpha " + tag, "beta " + tag, "delta " + tag), strings(result, "filteredTitles"),
                "title like '%" + tag + "' and not completed = true");
        assertEquals(List.of("delta " + tag, "beta " + tag, "alpha " + tag), strings(result, "sortedTitles"));

        assertEquals("edited " + tag, result.getString("editedCell"));
        var edited = rstore.get("api/rstore/todos/" + result.getInt("editedKey"), null);
        assertEquals("edited " + tag, edited.object().getString("title"), "the REST API has the console's edit");

        assertEquals("PATCH " + rstore.uri("api/rstore/todos/" + result.getInt("editedKey"))
                + " → 400 Field title of collection todos cannot be null", result.getString("errorTitle"));
        JsonObject error = Json.createReader(new StringReader(result.getString("errorBody"))).readObject();
        assertEquals("Field title of collection todos cannot be null", error.getString("statusMessage"),
                "the error body as the server sent it");

        assertEquals("live " + tag, result.getString("liveCell"), "a change made through REST, live on screen");
        assertTrue(result.getInt("liveMs") < 10_000);
        assertEquals(1, result.getInt("createdThroughConsole"));
        assertTrue(result.getBoolean("deletedThroughConsole"));
        JsonObject paging = result.getJsonObject("paging");
        int total = paging.getInt("total");
        assertEquals("page 1, rows 1–10", paging.getString("first"));
        assertEquals("page 2, rows 11–" + Math.min(20, total), paging.getString("second"));
        assertEquals(total <= 20, paging.getBoolean("nextDisabled"), paging.toString());
        assertEquals("2 rows", result.getString("includedPosts"));
        assertFalse(strings(result, "userColumns").contains("passwordHash"), "a hidden field");
        // Chromium logs every failed request; the one 400 above is expected, nothing else
        assertEquals(List.of(), strings(result, "consoleErrors").stream()
                .filter(e -> !e.contains("status of 400 (Field title of collection todos cannot be null)")).toList(),
                "the browser logged errors");
        assertTrue(Files.size(SCREENSHOT) > 10_000, "the screenshot " + SCREENSHOT);
    }

    @Test
    void theRootOfTheExampleIsTheConsole() throws Exception {
        HttpResponse<Void> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rstore.uri("")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("location").orElse("").endsWith("/rivulet/console/"), root.headers().toString());
        var index = rstore.getRaw("rivulet/console/");
        assertTrue(index.contentType().startsWith("text/html"), index.contentType());
        assertTrue(index.body().contains("<div id=\"app\">"), index.body());
    }

    private static List<String> strings(JsonObject result, String name) {
        return result.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

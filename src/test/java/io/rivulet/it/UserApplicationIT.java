package io.rivulet.it;

import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Rivulet in an application of its own (README, "Use Rivulet in your application"): the small
 * application under {@code src/test/userapp} (one entity, {@code products}; one before hook; its
 * own {@code persistence.xml}, unit {@code inventory}) is compiled here against the Jakarta EE and
 * MicroProfile Config APIs and the engine jar only (target/rivulet-engine.jar, the artifact with
 * classifier {@code engine}), and packaged as {@code inventory.war} with the engine and its
 * runtime libraries in {@code WEB-INF/lib}, as Maven packages a WAR that depends on it. Served:
 * its collection and nothing of the example, over REST and realtime, with its hook firing.
 */
@OncePerSuite.OnPostgresql
@RivuletIT
class UserApplicationIT extends DeployedRivulet {

    private static final Path SOURCES = Path.of("src", "test", "userapp");
    private static final File ENGINE = new File("target/rivulet-engine.jar");

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        Path classes = compile();
        WebArchive war = ShrinkWrap.create(WebArchive.class, "inventory.war");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                war.add(new FileAsset(file.toFile()), "WEB-INF/classes/" + classes.relativize(file).toString().replace('\\', '/'));
            }
        }
        war.addAsResource(SOURCES.resolve("resources/META-INF/persistence.xml").toFile(), "META-INF/persistence.xml");
        war.addAsWebInfResource(SOURCES.resolve("webapp/WEB-INF/beans.xml").toFile(), "beans.xml");
        war.addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, ENGINE));
        // the engine's own dependencies, which Maven brings along (those the example WAR has)
        WebArchive example = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("rivulet.it.war", "target/rivulet.war")));
        for (var entry : example.getContent().entrySet()) {
            String path = entry.getKey().get();
            // the runtime libraries; the console comes with the engine jar
            if (path.startsWith("/WEB-INF/lib/") && path.endsWith(".jar") && !path.contains("rivulet-console")) {
                Node node = entry.getValue();
                war.add(node.getAsset(), path);
            }
        }
        war.as(ZipExporter.class).exportTo(new File("target/inventory.war"), true); // to look at, or deploy by hand
        return war;
    }

    /** The application's sources, compiled with nothing of Rivulet's but the engine jar. */
    private static Path compile() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(Path.of("target", "userapp-classes"));
        List<String> apis = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(jar -> jar.contains("jakarta.jakartaee-api") || jar.contains("microprofile-config-api")
                        || jar.contains("jakarta.persistence-api") || jar.contains("jakarta.enterprise.cdi-api")
                        || jar.contains("jakarta.inject-api") || jar.contains("jakarta.annotation-api")
                        || jar.contains("jakarta.interceptor-api") || jar.contains("jakarta.el-api"))
                .collect(Collectors.toCollection(ArrayList::new));
        apis.add(ENGINE.getPath());
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-classpath", String.join(File.pathSeparator, apis)));
        try (Stream<Path> sources = Files.walk(SOURCES.resolve("java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("src/test/userapp does not compile against the engine jar " + ENGINE
                    + " and the APIs " + apis);
        }
        return out;
    }

    @Test
    void servesTheApplicationsCollectionAndNothingOfTheExample() {
        JsonObject schema = rstore.getRaw("api/rstore/_schema").object();
        String collections = schema.toString();
        assertTrue(collections.contains("\"products\""), collections);
        assertFalse(collections.contains("\"todos\""), "nothing of the example domain: " + collections);
        RstoreClient.assertError(rstore.getRaw("api/rstore/todos"), 404, "Table not found for collection todos");
    }

    @Test
    void theOpenApiDocumentDescribesTheApplicationsCollection() throws Exception {
        assertEquals(java.util.Set.of("products"), ServedOpenApi.of(base).collections(),
                "the engine jar's OpenAPI filter, on the application's unit");
    }

    @Test
    void theEngineJarServesTheConsole() {
        // META-INF/resources/rivulet/console/ of the engine jar in WEB-INF/lib, behind its ConsoleFilter
        var page = rstore.getRaw("rivulet/console/");
        assertEquals(200, page.status(), "the engine jar was built without the console (no Node?): " + page);
        assertTrue(page.body().contains("<div id=\"app\">"), page.body());
        String script = page.body().replaceAll("(?s).*src=\"\\./(assets/[^\"]+\\.js)\".*", "$1");
        assertEquals(200, rstore.getRaw("rivulet/console/" + script).status(), script);
        assertEquals(404, rstore.getRaw("").status(), "the application's root is its own, not redirected");
    }

    @Test
    void restWithTheApplicationsHook() {
        var created = rstore.sendJson("POST", "api/rstore/products", sj("{\"name\":\"bolt\",\"stock\":12}"));
        assertEquals(200, created.status(), created.toString());
        int id = created.object().getInt("id");
        var fetched = rstore.getRaw("api/rstore/products/" + id);
        assertEquals(200, fetched.status(), fetched.toString());
        assertEquals("bolt", fetched.object().getString("name"));

        RstoreClient.assertError(rstore.sendJson("POST", "api/rstore/products", sj("{\"name\":\"nut\",\"stock\":-1}")),
                400, "Stock must not be negative");
        String all = rstore.getRaw("api/rstore/products").body();
        assertFalse(all.contains("\"nut\""), "the hook's refusal wrote nothing: " + all);
    }

    @Test
    void realtimeFramesOfTheApplicationsCollection() throws Exception {
        try (WsClient ws = new WsClient(base)) {
            ws.send("{\"init\":{\"clientId\":\"inventory-peer\",\"v\":2}}");
            assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next());
            ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"products\"}}").sync();

            var created = rstore.sendJson("POST", "api/rstore/products", sj("{\"name\":\"washer\",\"stock\":3}"));
            assertEquals(200, created.status(), created.toString());
            int id = created.object().getInt("id");
            JsonObject frame = ws.nextJson().getJsonObject("update");
            assertEquals("created", frame.getString("type"));
            assertEquals(String.valueOf(id), frame.getString("key"));

            var patched = rstore.sendJson("PATCH", "api/rstore/products/" + id, sj("{\"stock\":4}"));
            assertEquals(200, patched.status(), patched.toString());
            frame = ws.nextJson().getJsonObject("update");
            assertEquals("updated", frame.getString("type"), "a JPA write, through the engine's entity listener");
            assertEquals(4, frame.getJsonObject("record").getInt("stock"), frame.toString());
            assertEquals(4, rstore.getRaw("api/rstore/products/" + id).object().getInt("stock"),
                    "the PATCH is stored: the unit keeps EclipseLink's woven change tracking on");

            assertEquals(200, rstore.send("DELETE", "api/rstore/products/" + id, null).status());
            frame = ws.nextJson().getJsonObject("update");
            assertEquals("deleted", frame.getString("type"));
            assertNull(ws.quiet(200), "nothing else");
        }
    }
}

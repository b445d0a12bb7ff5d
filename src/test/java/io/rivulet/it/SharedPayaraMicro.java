package io.rivulet.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Runs the Payara Micro ITs' deployments, as Arquillian's managed adapter did but without a boot
 * per class: an IT class declares its WAR in a static {@link Deployment} method, and gets the
 * deployment's URL in its {@link ArquillianResource} {@code URL} fields. Classes whose WAR (byte
 * for byte) and {@link ServerProperties} are the same share one Payara Micro in this test JVM; a
 * boot is most of an IT class's time (25–30 s of 35 on two busy cores), and most classes deploy
 * the same WAR; a class marked {@link OwnServer} has one of its own. Each server has a database of its own: a fresh PostgreSQL or MariaDB database on
 * those runs, its own H2 otherwise.
 *
 * <p>So a class must not assume the database holds only the seed: it finds the rows it needs, or
 * writes its own. Within one JVM the classes run one after another, never two on one server. At
 * most {@link #LIVE} servers stay up (the least recently used one is stopped); all stop when the
 * JVM's tests end, and the processes are killed if the JVM ends first. A server's log is
 * {@code target/nodes/<class>.log}, named after the first class that started it.
 */
final class SharedPayaraMicro implements BeforeAllCallback, TestInstancePostProcessor, AfterAllCallback {

    /** Servers kept up at once per test JVM: the common WAR's, and a few of classes with their own configuration. */
    private static final int LIVE = 3;

    /** Up servers by the hash of what they run, least recently used first. */
    private static final Map<String, Server> SERVERS = new LinkedHashMap<>(4, 0.75f, true);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedPayaraMicro::stopAll, "stop shared Payara Micro"));
    }

    private record Server(PayaraNode node, TestEnvironment.Database database) {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> test = context.getRequiredTestClass();
        WebArchive war = deployment(test);
        ServerProperties declared = test.getAnnotation(ServerProperties.class);
        List<String> properties = declared == null ? List.of() : List.of(declared.value());
        String key = hash(war, properties, test.isAnnotationPresent(OwnServer.class) ? test.getName() : "");
        Server server = server(key, test, war, properties);
        TestEnvironment.use(server.database());
        ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(SharedPayaraMicro.class));
        store.put(URL.class, server.node().url());
        store.put(String.class, key);
    }

    /** A class's own server ({@link OwnServer}) stops with it: no other class will use it. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(OwnServer.class)) {
            String key = context.getStore(ExtensionContext.Namespace.create(SharedPayaraMicro.class)).get(String.class,
                    String.class);
            synchronized (SharedPayaraMicro.class) {
                Server server = SERVERS.remove(key);
                if (server != null) {
                    server.node().stop();
                }
            }
        }
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        URL url = context.getStore(ExtensionContext.Namespace.create(SharedPayaraMicro.class)).get(URL.class, URL.class);
        for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(ArquillianResource.class) && field.getType() == URL.class) {
                    field.setAccessible(true);
                    field.set(instance, url);
                }
            }
        }
    }

    private static synchronized Server server(String key, Class<?> test, WebArchive war, List<String> properties)
            throws IOException, SQLException, InterruptedException {
        Server up = SERVERS.get(key);
        if (up != null && up.node().isAlive()) {
            return up;
        }
        if (up != null) {
            SERVERS.remove(key);
        }
        while (SERVERS.size() >= LIVE) {
            Iterator<Server> eldest = SERVERS.values().iterator();
            eldest.next().node().stop();
            eldest.remove();
        }
        Path dir = Files.createDirectories(Path.of("target", "deployments", key.substring(0, 16)));
        Path file = dir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        String contextRoot = "/" + war.getName().replaceFirst("\\.war$", "");
        TestEnvironment.Database database = TestEnvironment.databaseOfRun();
        Server server = new Server(PayaraNode.start(test.getSimpleName(), file, contextRoot, database, properties)
                .awaitUp(), database);
        SERVERS.put(key, server);
        return server;
    }

    /** Stops every server (the end of the JVM's tests: {@link TestEnvironment}). */
    static synchronized void stopAll() {
        SERVERS.values().forEach(server -> server.node().stop());
        SERVERS.clear();
    }

    private static WebArchive deployment(Class<?> test) throws ReflectiveOperationException {
        for (Class<?> type = test; type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())) {
                    method.setAccessible(true);
                    return (WebArchive) method.invoke(null);
                }
            }
        }
        throw new IllegalStateException(test.getName() + " declares no static @Deployment method");
    }

    /** A hash of every entry of the WAR (by path), of the server's properties, and of the owning class ({@link OwnServer}). */
    private static String hash(WebArchive war, List<String> properties, String owner) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<String, Node> entries = new TreeMap<>();
            for (Map.Entry<ArchivePath, Node> entry : war.getContent().entrySet()) {
                entries.put(entry.getKey().get(), entry.getValue());
            }
            for (Map.Entry<String, Node> entry : entries.entrySet()) {
                digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (entry.getValue().getAsset() != null) {
                    try (InputStream in = entry.getValue().getAsset().openStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
                digest.update((byte) 0);
            }
            digest.update(war.getName().getBytes(StandardCharsets.UTF_8));
            List<String> sorted = new ArrayList<>(properties);
            sorted.sort(null);
            digest.update(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
            digest.update(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.rivulet.it;

import io.rivulet.it.probe.ConditionProbe;
import io.rivulet.it.probe.GuardedProbe;
import io.rivulet.it.probe.HookRecorder;
import io.rivulet.it.probe.HookRecorderResource;
import io.rivulet.it.probe.ProgrammaticAllowList;
import io.rivulet.it.probe.PublishResource;
import io.rivulet.it.probe.RealtimeGate;
import io.rivulet.it.probe.SecretRef;
import io.rivulet.it.probe.StatementCountResource;
import io.rivulet.it.probe.StatementCounter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments of the integration tests, all made from the WAR Maven built: {@link #rivulet}
 * for Payara Micro, with the test-only classes the suites use (a probe collection for the
 * condition table, hook recorder, guarded collections, an EclipseLink statement counter), and
 * {@link #portable} for any server, with nothing provider-specific.
 */
public final class Deployments {

    private static final String PERSISTENCE_XML = "WEB-INF/classes/META-INF/persistence.xml";
    private static final String CONFIG_PROPERTIES = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() {
    }

    public static WebArchive rivulet() {
        return rivulet(Map.of());
    }

    /** @param config MicroProfile Config properties of this deployment */
    public static WebArchive rivulet(Map<String, String> config) {
        WebArchive archive = portable("rivulet.war", config, ConditionProbe.class, StatementCounter.class,
                StatementCountResource.class, GuardedProbe.class, SecretRef.class, HookRecorder.class,
                HookRecorderResource.class, ProgrammaticAllowList.class, RealtimeGate.class, PublishResource.class);
        // the counter takes the place of the unit's own customizer, which it extends
        String own = io.rivulet.store.eclipselink.FailFastSession.class.getName();
        String persistence = read(archive, PERSISTENCE_XML);
        if (!persistence.contains("value=\"" + own + "\"")) {
            throw new IllegalStateException("persistence.xml no longer names " + own);
        }
        persistence = persistence.replace("value=\"" + own + "\"", "value=\"" + StatementCounter.class.getName() + "\"");
        archive.delete(PERSISTENCE_XML);
        archive.add(new StringAsset(persistence), PERSISTENCE_XML);
        return archive;
    }

    /**
     * The WAR as a user deploys it, plus the given test-only classes and MicroProfile Config
     * properties; the archive name is the context root ({@code rivulet-a.war} → {@code /rivulet-a}).
     * The WildFly ITs use it rather than {@link #rivulet}: Hibernate would ignore the EclipseLink
     * property, but the statement counter links against EclipseLink, which WildFly does not have
     * (its resource fails with NoClassDefFoundError), and the other probes are not needed there.
     */
    public static WebArchive portable(String name, Map<String, String> config, Class<?>... classes) {
        File war = new File(System.getProperty("rivulet.it.war", "target/rivulet.war"));
        WebArchive archive = ShrinkWrap.create(WebArchive.class, name)
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                .addClasses(classes);
        if (!config.isEmpty()) {
            // after the WAR's own properties (mp.openapi.filter), which the test's may override
            String own = archive.contains(CONFIG_PROPERTIES) ? read(archive, CONFIG_PROPERTIES) + "\n" : "";
            archive.delete(CONFIG_PROPERTIES);
            archive.add(new StringAsset(own + config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n"))), CONFIG_PROPERTIES);
        }
        return archive;
    }

    private static String read(WebArchive archive, String path) {
        ArchivePath archivePath = ArchivePaths.create(path);
        try (InputStream in = archive.get(archivePath).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.rivulet.it;

import io.rivulet.it.probe.ConditionProbe;
import io.rivulet.it.probe.StatementCountResource;
import io.rivulet.it.probe.StatementCounter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the integration tests: the WAR Maven built, plus test-only classes (a
 * probe collection for the condition table, a statement counter and its resource).
 */
public final class Deployments {

    private static final String PERSISTENCE_XML = "WEB-INF/classes/META-INF/persistence.xml";

    private Deployments() {
    }

    public static WebArchive rivulet() {
        File war = new File(System.getProperty("rivulet.it.war", "target/rivulet.war"));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(ConditionProbe.class, StatementCounter.class, StatementCountResource.class);
        String persistence = read(archive, PERSISTENCE_XML).replace("<properties>", "<properties>\n"
                + "      <property name=\"eclipselink.session.customizer\" value=\"" + StatementCounter.class.getName()
                + "\"/>");
        archive.delete(PERSISTENCE_XML);
        archive.add(new StringAsset(persistence), PERSISTENCE_XML);
        return archive;
    }

    private static String read(WebArchive archive, String path) {
        ArchivePath archivePath = org.jboss.shrinkwrap.api.ArchivePaths.create(path);
        try (InputStream in = archive.get(archivePath).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

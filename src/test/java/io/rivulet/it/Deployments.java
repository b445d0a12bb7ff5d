package io.rivulet.it;

import io.rivulet.it.probe.ConditionProbe;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment of the integration tests: the WAR Maven built, plus test-only classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive rivulet() {
        File war = new File(System.getProperty("rivulet.it.war", "target/rivulet.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClass(ConditionProbe.class);
    }
}

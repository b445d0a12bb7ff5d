package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An IT class that also runs in the MariaDB pass (the pom's {@code it-mariadb} execution selects
 * this tag): the subset of the suite that keeps MariaDB tested in about two minutes, without a third
 * full pass — the condition cases, the REST routes, batch and the drift check (README, "Test it";
 * {@code -Drivulet.it.mariadb.groups=payara} runs all the others there too).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("mariadb")
public @interface OnMariadb {
}

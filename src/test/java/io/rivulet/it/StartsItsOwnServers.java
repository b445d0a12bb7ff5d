package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts Payara Micro processes itself ({@link PayaraNode}) on a PostgreSQL
 * database it prepares. Tagged {@code nodes}: only the PostgreSQL execution selects that tag (and
 * the MariaDB one selects those also marked {@link OnMariadb}, on MariaDB).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("nodes")
public @interface StartsItsOwnServers {
}

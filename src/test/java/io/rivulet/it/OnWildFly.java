package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WildFly integration test class ({@code *WildFlyIT}, run by {@code mvn -Pwildfly}): Arquillian
 * deploys to the WildFly full that the {@code it-wildfly} execution starts, with WildFly's own
 * default datasource (H2). Tagged {@code wildfly}: only the {@code it-wildfly} execution selects
 * that tag (a JUnit tag filter holds even when {@code -Dit.test} overrides includes and excludes).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("wildfly")
@ExtendWith(ArquillianExtension.class)
public @interface OnWildFly {
}

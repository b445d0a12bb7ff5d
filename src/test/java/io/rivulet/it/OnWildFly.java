package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WildFly integration test class ({@code *WildFlyIT}, run by {@code mvn -Pwildfly}): Arquillian
 * deploys to the WildFly full that the {@code it-wildfly} execution starts, with WildFly's own
 * default datasource (H2). Skipped anywhere else, e.g. when {@code -Dit.test} names it in a
 * Payara Micro run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly",
        disabledReason = "a WildFly IT: runs with mvn -Pwildfly")
@ExtendWith(ArquillianExtension.class)
public @interface OnWildFly {
}

package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test class: a fresh database, then Arquillian deploys Rivulet on Payara Micro.
 * Skipped in the WildFly run ({@link OnWildFly}), e.g. when {@code -Pwildfly -Dit.test} names it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly",
        disabledReason = "a Payara Micro IT: the WildFly run has its own (*WildFlyIT)")
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
public @interface RivuletIT {
}

package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test class: a fresh database, then Arquillian deploys Rivulet on Payara Micro.
 * Tagged {@code payara}: the H2 and PostgreSQL executions select that tag, the WildFly one does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("payara")
@ExtendWith(TestEnvironment.class)
@ExtendWith(ArquillianExtension.class)
public @interface RivuletIT {
}

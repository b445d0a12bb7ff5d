package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test class on Payara Micro: its static {@code @Deployment} WAR runs on a Payara
 * Micro that it shares with the other classes of the same WAR ({@link SharedPayaraMicro}).
 * Tagged {@code payara}: the H2 and PostgreSQL executions select that tag, the WildFly one does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("payara")
@ExtendWith(SharedPayaraMicro.class)
public @interface RivuletIT {
}

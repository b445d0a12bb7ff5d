package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Payara Server integration test class ({@code *PayaraServerIT}, run by {@code mvn
 * -Ppayara-server}): the WAR on the Payara Server 6 domain that {@link PayaraServerEnvironment}
 * sets up with asadmin, without Arquillian. Tagged {@code payara-server}: only the
 * {@code it-payara-server} execution selects that tag.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("payara-server")
@ExtendWith(PayaraServerEnvironment.class)
public @interface OnPayaraServer {
}

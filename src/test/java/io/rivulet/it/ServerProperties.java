package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * JVM system properties of the Payara Micro an IT class runs on ({@code name=value}), as a user
 * passes {@code -Dname=value}: set with a pre-boot {@code create-system-properties} command.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerProperties {

    String[] value();
}

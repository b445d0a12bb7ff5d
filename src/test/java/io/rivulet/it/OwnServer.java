package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link RivuletIT} class that does not share its Payara Micro ({@link SharedPayaraMicro}): its
 * cases need a database that holds only what they write (fixed keys of captured traffic, "no
 * such row", "nothing was written").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OwnServer {
}

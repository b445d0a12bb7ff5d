package io.rivulet.hooks.fire;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link HookInterceptor} to the collection operations: methods whose first parameter is
 * the operation's {@link io.rivulet.hooks.CollectionEvent}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FiresHooks {
}

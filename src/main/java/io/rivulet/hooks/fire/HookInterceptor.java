package io.rivulet.hooks.fire;

import io.rivulet.hooks.CollectionEvent;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs an operation between its hooks, in the fixed order of the rstore server: the before hooks,
 * the allow-list, the operation, the after hooks (whose result replaces the operation's). Its
 * priority puts it inside {@code @Transactional}, so all of it is one transaction.
 */
@FiresHooks
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class HookInterceptor {

    @Inject
    HookFirer hooks;

    @AroundInvoke
    public Object around(InvocationContext invocation) throws Exception {
        if (invocation.getParameters().length == 0
                || !(invocation.getParameters()[0] instanceof CollectionEvent event)) {
            return invocation.proceed();
        }
        hooks.before(event);
        invocation.proceed();
        hooks.after(event);
        return event.result();
    }
}

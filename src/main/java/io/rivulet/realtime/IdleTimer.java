package io.rivulet.realtime;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * The scheduler of the container's idle timeout, made cheap. Tyrus (Payara, GlassFish) re-arms a
 * session's idle timeout on every frame in and out by scheduling a task on the server's managed
 * scheduler, which captures the application's context each time (class loader look-ups): about
 * half of the server's CPU under fan-out load in a JFR profile (docs/benchmarks.md). Here the
 * session's scheduler becomes a plain one, where re-arming is a heap insertion and removal; the
 * timeout and what it does stay the container's. Other containers, or a Tyrus without that
 * field: nothing changes.
 */
final class IdleTimer {

    private static final Logger LOG = Logger.getLogger(IdleTimer.class.getName());
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";

    private final ScheduledThreadPoolExecutor scheduler;
    /** Tyrus' field, looked up on the first session; empty when the container is not Tyrus. */
    private volatile Optional<Field> field;

    IdleTimer(ThreadFactory threads) {
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    private static Optional<Field> tyrusSchedulerField(Class<?> session) {
        for (Class<?> type = session; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TYRUS_SESSION)) {
                try {
                    Field service = type.getDeclaredField("service");
                    if (service.getType() == ScheduledExecutorService.class) {
                        service.setAccessible(true);
                        return Optional.of(service);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.fine(() -> "the container's idle timer stays: " + e);
                }
            }
        }
        return Optional.empty();
    }

    void takeOver(Session session) {
        if (field == null) {
            field = tyrusSchedulerField(session.getClass());
        }
        if (field.isEmpty() || !field.get().getDeclaringClass().isInstance(session)) {
            return;
        }
        try {
            field.get().set(session, scheduler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "the container's idle timer stays: " + e);
        }
    }

    void stop() {
        scheduler.shutdownNow();
    }
}

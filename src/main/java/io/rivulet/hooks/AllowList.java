package io.rivulet.hooks;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which collections are exposed (rstore's {@code allowTables}). By default all are; once
 * {@link #allow} has been called — from code at startup, or by the config key
 * {@code rivulet.allow-tables} (comma-separated names) — only the listed ones, for the life of
 * the server: calls accumulate and there is no way back. Every other collection answers
 * {@code 403 Collection "<name>" is not allowed.} on every route and inside includes.
 * <pre>
 * void expose(&#64;Observes &#64;Initialized(ApplicationScoped.class) Object start, AllowList allowList) {
 *     allowList.allow("todos", "users");
 * }
 * </pre>
 */
@ApplicationScoped
public class AllowList {

    private static final Logger LOG = Logger.getLogger(AllowList.class.getName());

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private volatile boolean active;

    @Inject
    @ConfigProperty(name = "rivulet.allow-tables")
    Optional<String> configured;

    @PostConstruct
    void fromConfiguration() {
        configured.map(String::trim).filter(s -> !s.isEmpty()).ifPresent(list -> {
            allow(Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new));
            LOG.info(() -> "Rivulet allow-list from rivulet.allow-tables: " + allowed);
        });
    }

    /** Adds collections by name and activates the list. */
    public void allow(String... collections) {
        allowed.addAll(Arrays.asList(collections));
        active = true;
    }

    /** Adds collections by entity class ({@code @Entity(name)}, else the simple class name). */
    public void allow(Class<?>... entities) {
        allow(Arrays.stream(entities).map(AllowList::collectionName).toArray(String[]::new));
    }

    public boolean isActive() {
        return active;
    }

    public boolean isAllowed(String collection) {
        return !active || allowed.contains(collection);
    }

    /** @throws RstoreException 403 when the collection is not allowed */
    public void check(String collection) {
        if (!isAllowed(collection)) {
            throw Errors.collectionNotAllowed(collection);
        }
    }

    private static String collectionName(Class<?> entity) {
        Entity annotation = entity.getAnnotation(Entity.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : entity.getSimpleName();
    }
}

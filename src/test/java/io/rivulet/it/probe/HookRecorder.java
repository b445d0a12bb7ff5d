package io.rivulet.it.probe;

import io.rivulet.RstoreException;
import io.rivulet.example.User;
import io.rivulet.hooks.After;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.ForEntity;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.store.CollectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test only: observes every hook and records what it saw; request headers ({@code x-test-*})
 * make it abort, fail, replace results, scope queries (as Criteria, or also in memory) or write
 * in an after hook. Realtime fires the before hooks with a WebSocket handshake's headers.
 */
@ApplicationScoped
public class HookRecorder {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Inject
    CollectionStore store;

    @Inject
    CollectionRegistry registry;

    void before(@Observes @Before CollectionEvent event) {
        // a scope that restricts nothing: the read goes through JPA Criteria instead of plain SQL
        event.request().header("x-test-criteria").ifPresent(on -> event.transformQuery((cb, root, query) -> cb.and()));
        // the same restriction as x-test-scope, also in memory (realtime then checks rows without a query)
        event.request().header("x-test-memory-scope").ifPresent(prefix -> event.transformQuery(
                (cb, root, query) -> cb.like(root.get("title"), prefix + "%"),
                row -> row.get("title") instanceof String title && title.startsWith(prefix)));
        if (!event.request().header("x-test-record").isPresent()) {
            return;
        }
        SEEN.add("global " + describe(event, "before"));
        event.meta().put("token", event.request().header("x-test-record").get());
        event.request().header("x-test-abort").ifPresent(message -> {
            throw new RstoreException(409, message);
        });
        if (event.request().header("x-test-fail").isPresent()) {
            throw new IllegalStateException("internal details that must not leak");
        }
        event.request().header("x-test-scope").ifPresent(prefix -> event.transformQuery(
                (cb, root, query) -> cb.like(root.get("title"), prefix + "%")));
    }

    void after(@Observes @After CollectionEvent event) {
        if (!event.request().header("x-test-record").isPresent()) {
            return;
        }
        SEEN.add("global " + describe(event, "after") + " meta=" + event.meta().get("token")
                + " result=" + (event.result() instanceof List<?> ? "list"
                : event.result() == null ? "null" : "row") + " previous=" + event.previousRecord().isPresent());
        if (event.request().header("x-test-replace").isPresent()) {
            event.setResult(Map.of("replaced", true));
        }
        event.request().header("x-test-after-write").ifPresent(name -> store.create(
                registry.find("labels").orElseThrow(), Map.of("name", name)));
    }

    void afterAgain(@Observes @After @ForCollection("todos") CollectionEvent event) {
        if (event.request().header("x-test-after-fail").isPresent()) {
            throw new RstoreException(422, "A later hook failed");
        }
    }

    void todosOnly(@Observes @Before @ForCollection("todos") CollectionEvent event) {
        if (event.request().header("x-test-record").isPresent()) {
            SEEN.add("todos-only " + describe(event, "before"));
        }
    }

    void usersOnly(@Observes @Before @ForEntity(User.class) CollectionEvent event) {
        if (event.request().header("x-test-record").isPresent()) {
            SEEN.add("users-only " + describe(event, "before"));
        }
    }

    private static String describe(CollectionEvent event, String phase) {
        return event.operation().hookName() + "." + phase + " " + event.collection()
                + " key=" + event.key().orElse("-") + " body=" + event.body().map(Map::keySet).orElse(null)
                + " entity=" + event.entityClass().map(Class::getSimpleName).orElse("-");
    }
}

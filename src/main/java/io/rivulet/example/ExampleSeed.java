package io.rivulet.example;

import io.rivulet.hooks.RivuletStarted;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.store.CollectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seed data for the run command ({@code rivulet.example.seed=true}): a handful of rows in every
 * collection, written once into an empty database through Rivulet's own store. Tests and
 * benchmarks create their own data.
 */
@ApplicationScoped
public class ExampleSeed {

    private static final Logger LOG = Logger.getLogger(ExampleSeed.class.getName());

    @Inject
    @ConfigProperty(name = "rivulet.example.seed", defaultValue = "false")
    boolean enabled;

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionStore store;

    @Inject
    ExampleSeed self;

    void onStartup(@Observes RivuletStarted started) {
        if (enabled) {
            self.seed();
        }
    }

    @Transactional
    public void seed() {
        if (!store.list(collection("todos"), io.rivulet.query.SearchQuery.EMPTY, 1, List.of(), List.of()).isEmpty()) {
            return;
        }
        for (String title : List.of("Try Rivulet", "Point rstore at /api/rstore", "Subscribe to realtime")) {
            create("todos", Map.of("title", title, "completed", title.startsWith("Try")));
        }
        Object ann = create("users", Map.of("name", "Ann", "email", "ann@example.com", "mood", "happy")).get("id");
        Object bob = create("users", Map.of("name", "Bob", "email", "bob@example.com", "nickName", "bobby")).get("id");
        Object post = create("posts", Map.of("authorId", ann, "title", "Hello Rivulet", "published", true)).get("id");
        create("posts", Map.of("authorId", bob, "title", "Draft", "published", false));
        Object comment = create("comments", Map.of("postId", post, "authorId", bob, "body", "Nice!", "approved", true))
                .get("id");
        create("comments", Map.of("postId", post, "authorId", ann, "parentId", comment, "body", "Thanks"));
        Object label = create("labels", Map.of("name", "news")).get("id");
        create("postLabels", Map.of("postId", post, "labelId", label));
        Object team = create("teams", Map.of("name", "Core")).get("id");
        create("teamsToUsers", Map.of("teamId", team, "userId", ann, "role", "owner"));
        create("teamsToUsers", Map.of("teamId", team, "userId", bob));
        Object project = create("projects", Map.of("teamId", team, "name", "Rivulet")).get("id");
        create("assignments", Map.of("projectId", project, "teamId", team, "userId", ann));
        create("secrets", Map.of("ownerId", ann, "value", "s3cr3t"));
        LOG.info("Rivulet example: seed data written");
    }

    private Map<String, Object> create(String collection, Map<String, Object> body) {
        return store.create(collection(collection), body);
    }

    private CollectionDescriptor collection(String name) {
        return registry.find(name).orElseThrow();
    }
}

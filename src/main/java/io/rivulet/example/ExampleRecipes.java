package io.rivulet.example;

import io.rivulet.RstoreException;
import io.rivulet.hooks.After;
import io.rivulet.hooks.Before;
import io.rivulet.hooks.CollectionEvent;
import io.rivulet.hooks.ForEntity;
import io.rivulet.hooks.On;
import io.rivulet.hooks.Operation;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.store.CollectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The three recipes of the rstore hooks documentation as CDI observers, switched on with
 * {@code rivulet.example.recipes=true}. The caller is {@link ExampleCaller}: the container's
 * authenticated caller, or the {@code X-Example-User} header (a user id) for trying it out.
 */
@ApplicationScoped
public class ExampleRecipes {

    private static final Set<Operation> SCOPED = Set.of(Operation.INDEX_GET, Operation.ITEM_GET,
            Operation.ITEM_PATCH, Operation.ITEM_DELETE);

    @Inject
    @ConfigProperty(name = "rivulet.example.recipes", defaultValue = "false")
    boolean enabled;

    @PersistenceContext(unitName = "rivulet")
    EntityManager entityManager;

    @Inject
    CollectionRegistry registry;

    @Inject
    CollectionStore store;

    /** Permission check with a query: only members of a team create projects for it. */
    void onlyMembersCreateProjects(@Observes @Before @On(Operation.INDEX_POST) @ForEntity(Project.class)
            CollectionEvent event) {
        if (!enabled) {
            return;
        }
        int user = ExampleCaller.require(event);
        Object teamId = event.body().map(body -> body.get("teamId")).orElse(null);
        long memberships = entityManager.createQuery(
                "select count(m) from teamsToUsers m where m.teamId = :team and m.userId = :user", Long.class)
                .setParameter("team", teamId instanceof Number n ? n.intValue() : -1)
                .setParameter("user", user)
                .getSingleResult();
        if (memberships == 0) {
            throw new RstoreException(403, "You are not a member of this team");
        }
    }

    /** Implicit permission: projects are visible (and changeable) only in the caller's teams. */
    void projectsOfMyTeams(@Observes @Before @ForEntity(Project.class) CollectionEvent event) {
        if (!enabled || !SCOPED.contains(event.operation())) {
            return;
        }
        int user = ExampleCaller.require(event);
        event.transformQuery((cb, project, query) -> {
            Subquery<Integer> myTeams = query.subquery(Integer.class);
            Root<TeamMembership> membership = myTeams.from(TeamMembership.class);
            myTeams.select(membership.get("teamId")).where(cb.equal(membership.get("userId"), user));
            return project.get("teamId").in(myTeams);
        });
    }

    /** Automatic query: whoever creates a team becomes its member, in the same transaction. */
    void creatorJoinsTeam(@Observes @After @On(Operation.INDEX_POST) @ForEntity(Team.class) CollectionEvent event) {
        if (!enabled) {
            return;
        }
        int user = ExampleCaller.require(event);
        Object team = ((Map<?, ?>) event.result()).get("id");
        store.create(registry.find("teamsToUsers").orElseThrow(), Map.of("teamId", team, "userId", user,
                "role", "owner"));
    }
}

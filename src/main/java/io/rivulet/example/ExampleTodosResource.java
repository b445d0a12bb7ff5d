package io.rivulet.example;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * An ordinary application endpoint that writes with plain JPA, not through Rivulet: its changes
 * still reach realtime subscribers (entity listeners), once the transaction commits.
 * {@code POST /api/example/todos/{id}/complete} ({@code ?fail=true} rolls back after the change).
 */
@Path("example/todos/{id}/complete")
@RequestScoped
public class ExampleTodosResource {

    @PersistenceContext(unitName = "rivulet")
    EntityManager entityManager;

    @POST
    @Transactional
    public Response complete(@PathParam("id") int id, @QueryParam("fail") boolean fail) {
        Todo todo = entityManager.find(Todo.class, id);
        if (todo == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        todo.complete();
        entityManager.flush();
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
        return Response.noContent().build();
    }
}

package io.rivulet.it.probe;

import io.rivulet.realtime.RealtimePublisher;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** Test only: a change made "outside JPA", published through the public API. */
@Path("test/publish/{id}")
@RequestScoped
public class PublishResource {

    @Inject
    RealtimePublisher publisher;

    @POST
    public void publish(@PathParam("id") int id) {
        publisher.publish("todos", "updated", Map.of("id", id, "title", "from native SQL", "completed", true), null);
    }
}

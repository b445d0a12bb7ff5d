package io.rivulet.it.probe;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test only: {@code GET /api/test/hooks} lists what {@link HookRecorder} saw (a line each), {@code DELETE} clears. */
@Path("test/hooks")
public class HookRecorderResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String seen() {
        return String.join("\n", HookRecorder.SEEN);
    }

    @DELETE
    public void clear() {
        HookRecorder.SEEN.clear();
    }
}

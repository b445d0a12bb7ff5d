package io.rivulet.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root: the rstore routes live under {@code /api/rstore}. */
@ApplicationPath("/api")
public class RivuletApplication extends Application {
}

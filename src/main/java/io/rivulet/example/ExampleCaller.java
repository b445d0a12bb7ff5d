package io.rivulet.example;

import io.rivulet.RstoreException;
import io.rivulet.hooks.CollectionEvent;
import java.security.Principal;

/**
 * Who is calling, for the example recipes: the container's authenticated caller (Jakarta
 * Security; its name is a user id), else the {@code X-Example-User} header. A real application
 * uses only the first.
 */
final class ExampleCaller {

    static final String HEADER = "x-example-user";

    private ExampleCaller() {
    }

    /** @throws RstoreException 401 when nobody is calling */
    static int require(CollectionEvent event) {
        String id = event.request().caller().map(Principal::getName)
                .or(() -> event.request().header(HEADER))
                .orElseThrow(() -> new RstoreException(401, "Unauthorized"));
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw new RstoreException(401, "Unauthorized");
        }
    }
}

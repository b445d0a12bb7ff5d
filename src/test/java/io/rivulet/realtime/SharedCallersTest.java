package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rivulet.hooks.RequestInfo;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedCallersTest {

    /** A principal without equals, as containers may hand each connection its own. */
    private record Named(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private static RequestInfo caller(String user, String team) {
        return new RequestInfo(Map.of("x-team", List.of(team)), Optional.of(new Named(user)), "/api/rstore-realtime/ws");
    }

    @Test
    void peersOfOneCallerShareOneCopyEvenWithTheirOwnPrincipalObjects() {
        SharedCallers callers = new SharedCallers();
        SharedCallers.Caller first = callers.share(caller("ann", "a"));
        assertSame(first, callers.share(caller("ann", "a")));
        assertSame(first.info(), callers.share(caller("ann", "a")).info());
        assertNotSame(first, callers.share(caller("bob", "a")), "another principal");
        assertNotSame(first, callers.share(caller("ann", "b")), "other headers");
    }
}

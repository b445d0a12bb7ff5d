package io.rivulet.it.probe;

import io.rivulet.hooks.RealtimeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test only: the realtime.authorize hook refuses subscriptions to {@code secrets}. */
@ApplicationScoped
public class RealtimeGate {

    void authorize(@Observes RealtimeEvent event) {
        if (event.kind() == RealtimeEvent.Kind.AUTHORIZE && "secrets".equals(event.collection())) {
            event.reject("not-for-you");
        }
    }
}

package io.rivulet.it.probe;

import io.rivulet.hooks.RealtimeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test only: the realtime.authorize hook refuses subscriptions to {@code secrets}; the
 * realtime.filter hook keeps rows titled {@code filtered-out} from every peer.
 */
@ApplicationScoped
public class RealtimeGate {

    void authorize(@Observes RealtimeEvent event) {
        if (event.kind() == RealtimeEvent.Kind.AUTHORIZE && "secrets".equals(event.collection())) {
            event.reject("not-for-you");
        }
        if (event.kind() == RealtimeEvent.Kind.FILTER
                && event.record().map(r -> "filtered-out".equals(r.get("title"))).orElse(false)) {
            event.reject();
        }
    }
}

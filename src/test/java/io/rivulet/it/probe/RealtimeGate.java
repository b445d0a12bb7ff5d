package io.rivulet.it.probe;

import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.Realtime;
import io.rivulet.hooks.RealtimeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test only: the realtime.authorize hook refuses subscriptions to {@code secrets}; the
 * realtime.filter hook keeps rows titled {@code filtered-out} from every peer.
 */
@ApplicationScoped
public class RealtimeGate {

    /** Selected by its qualifiers: only subscriptions to {@code secrets}. */
    void authorize(@Observes @Realtime(RealtimeEvent.Kind.AUTHORIZE) @ForCollection("secrets") RealtimeEvent event) {
        event.reject("not-for-you");
    }

    /** Without qualifiers, as observers were written before them: it sees both kinds. */
    void filter(@Observes RealtimeEvent event) {
        if (event.kind() == RealtimeEvent.Kind.FILTER
                && event.record().map(r -> "filtered-out".equals(r.get("title"))).orElse(false)) {
            event.reject();
        }
    }
}

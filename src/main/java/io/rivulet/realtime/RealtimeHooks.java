package io.rivulet.realtime;

import io.rivulet.hooks.ForCollection;
import io.rivulet.hooks.Realtime;
import io.rivulet.hooks.RealtimeEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fires the realtime hooks with the qualifiers observers select by ({@link Realtime},
 * {@link ForCollection}), and only where one observes: observers are fixed when the application
 * starts, so whether a kind is observed on a collection is resolved once. The fan-out asks for
 * every matching peer of every change, so a collection without a filter hook costs nothing.
 */
final class RealtimeHooks {

    private record Selection(RealtimeEvent.Kind kind, String collection) {
    }

    private static final RealtimeEvent PROBE = new RealtimeEvent(RealtimeEvent.Kind.FILTER, "", null, null, null, null,
            null);

    private final Event<RealtimeEvent> events;
    private final BeanManager beans;
    private final Map<Selection, Event<RealtimeEvent>> observed = new ConcurrentHashMap<>();
    private final Map<Selection, Boolean> any = new ConcurrentHashMap<>();

    RealtimeHooks(Event<RealtimeEvent> events, BeanManager beans) {
        this.events = events;
        this.beans = beans;
    }

    /** Whether an observer sees this kind of hook on this collection. */
    boolean observed(RealtimeEvent.Kind kind, String collection) {
        return any.computeIfAbsent(new Selection(kind, collection),
                s -> !beans.resolveObserverMethods(PROBE, qualifiers(s)).isEmpty());
    }

    /** Fires the hook to its observers, if it has any. */
    void fire(RealtimeEvent event) {
        Selection selection = new Selection(event.kind(), event.collection());
        if (observed(event.kind(), event.collection())) {
            observed.computeIfAbsent(selection, s -> events.select(qualifiers(s))).fire(event);
        }
    }

    private static Annotation[] qualifiers(Selection selection) {
        return new Annotation[] {Realtime.Literal.of(selection.kind()), ForCollection.Literal.of(selection.collection())};
    }
}

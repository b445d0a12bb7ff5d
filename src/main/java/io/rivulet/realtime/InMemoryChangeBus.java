package io.rivulet.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one-node adapter of {@link ChangeBus}: changes go straight to this node's receivers. Also
 * the local half of the JMS adapter. Chosen by {@code io.rivulet.realtime.wiring.ChangeBuses}.
 */
public class InMemoryChangeBus implements ChangeBus {

    private final List<Consumer<Change>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Change change) {
        receivers.forEach(receiver -> receiver.accept(change));
    }

    @Override
    public void onChange(Consumer<Change> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void onGap(Runnable listener) {
        gapListeners.add(listener);
    }

    /** Runs the gap listeners: nothing was lost on the way, but at the source. */
    @Override
    public void refresh() {
        gapListeners.forEach(Runnable::run);
    }
}

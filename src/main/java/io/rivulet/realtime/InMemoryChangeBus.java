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

    @Override
    public void publish(Change change) {
        receivers.forEach(receiver -> receiver.accept(change));
    }

    @Override
    public void onChange(Consumer<Change> receiver) {
        receivers.add(receiver);
    }
}

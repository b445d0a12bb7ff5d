package io.rivulet.realtime;

import java.util.function.Consumer;

/**
 * The port through which committed changes reach the subscribers of every node. The in-memory
 * adapter serves one node; the JMS adapter ({@code io.rivulet.realtime.jms.JmsChangeBus}) fans
 * out across nodes through a topic.
 */
public interface ChangeBus {

    /**
     * Publishes a committed change to this node's receivers and, depending on the adapter, to
     * other nodes. Never blocks on the network: it is called right after a commit.
     */
    void publish(Change change);

    /** Registers the receiver of every published change (this node's fan-out). */
    void onChange(Consumer<Change> receiver);

    /**
     * Registers what to do when changes of other nodes may have been missed (the broker was away,
     * or a node dropped changes): the adapter delivers at most once, so this node's clients must
     * refresh. A one-node bus never misses anything.
     */
    default void onGap(Runnable listener) {
    }

    /**
     * Changes may have been missed at the source (the PostgreSQL change source found its slot
     * invalidated): the clients of every node must refresh, as after a gap. Runs this node's gap
     * listeners; the JMS adapter also makes the other nodes see a gap.
     */
    default void refresh() {
    }

    /** Whether changes reach the other nodes right now (readiness); a one-node bus always does. */
    default boolean isConnected() {
        return true;
    }
}

package io.rivulet.realtime;

import java.util.function.Consumer;

/**
 * The port through which committed changes reach the subscribers of every node. The in-memory
 * adapter serves one node; a JMS adapter fans out across nodes.
 */
public interface ChangeBus {

    /** Publishes a committed change (to this node's and, depending on the adapter, other nodes' peers). */
    void publish(Change change);

    /** Registers the receiver of every published change (this node's fan-out). */
    void onChange(Consumer<Change> receiver);
}

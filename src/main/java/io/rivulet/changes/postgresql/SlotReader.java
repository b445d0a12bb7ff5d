package io.rivulet.changes.postgresql;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The reading loop, on its own thread: takes the reader lock (or waits and tries again, so a node
 * takes over when the reader dies: its session, and with it the lock, ends), makes sure the
 * publication and the slot exist, then streams from the slot's confirmed position. Each committed
 * transaction goes to the {@link Handler}; only when it returns is the transaction's end confirmed
 * to PostgreSQL. Any failure (PostgreSQL restarting, the network) closes both connections and
 * starts over after a back-off, so reading resumes by itself from the confirmed position.
 */
final class SlotReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(SlotReader.class.getName());
    private static final long MAX_BACK_OFF_MS = 30_000;

    /** Takes a committed transaction; when it returns, the transaction counts as handed on. */
    interface Handler {

        /**
         * This node is about to read (again): reload what an earlier reader handed on, or, for a
         * new slot, forget it (its positions are not comparable: a restored database).
         */
        void reading(boolean newSlot) throws SQLException;

        void accept(StreamTransaction transaction) throws SQLException;
    }

    private final ReaderConnections connections;
    private final SlotSetup setup;
    private final String slot;
    private final String publication;
    private final Handler handler;
    private final Runnable lost;
    private final long retryMs;
    private volatile boolean running = true;
    private volatile boolean reading;
    private volatile Connection replication;
    private volatile Connection lock;

    SlotReader(ReaderConnections connections, SlotSetup setup, String slot, String publication, Handler handler,
            Runnable lost, long retryMs) {
        this.connections = connections;
        this.setup = setup;
        this.slot = slot;
        this.publication = publication;
        this.handler = handler;
        this.lost = lost;
        this.retryMs = retryMs;
    }

    /** Whether this node reads the slot right now. */
    boolean reading() {
        return reading;
    }

    @Override
    public void run() {
        long backOff = retryMs;
        boolean waitingLogged = false;
        while (running) {
            try (Connection lockConnection = connections.lock()) {
                lock = lockConnection;
                if (!setup.tryLock(lockConnection)) {
                    if (!waitingLogged) {
                        LOG.info(() -> "Rivulet's PostgreSQL change source: another node reads the slot " + slot
                                + "; this node takes over when that one stops");
                        waitingLogged = true;
                    }
                    backOff = retryMs;
                    pause(retryMs);
                    continue;
                }
                waitingLogged = false;
                setup.publication(lockConnection);
                SlotSetup.SlotState slotState = setup.slot(lockConnection);
                handler.reading(slotState != SlotSetup.SlotState.RESUMED);
                if (slotState == SlotSetup.SlotState.LOST) {
                    lost.run();
                }
                stream();
                backOff = retryMs;
            } catch (SQLException | RuntimeException e) {
                reading = false;
                if (!running) {
                    break;
                }
                long wait = backOff;
                LOG.log(Level.WARNING, "Rivulet's PostgreSQL change source lost its connection to " + connections
                        + "; trying again in " + wait + " ms: " + e);
                LOG.log(Level.FINE, "the failure", e);
                pause(wait);
                backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
            } finally {
                reading = false;
                lock = null;
            }
        }
    }

    private void stream() throws SQLException {
        try (Connection connection = connections.replication()) {
            replication = connection;
            PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
                    .logical().withSlotName(slot)
                    .withSlotOption("proto_version", "1")
                    .withSlotOption("publication_names", publication)
                    .withSlotOption("messages", "true")
                    .withStatusInterval(5, TimeUnit.SECONDS)
                    .start();
            reading = true;
            LOG.info(() -> "Rivulet's PostgreSQL change source reads the slot " + slot + " (publication " + publication + ")");
            TransactionAssembler assembler = new TransactionAssembler();
            try {
                while (running) {
                    ByteBuffer buffer = stream.read();
                    if (buffer == null) {
                        continue;
                    }
                    var done = assembler.accept(PgOutputDecoder.decode(buffer));
                    if (done.isPresent()) {
                        handler.accept(done.get());
                        LogSequenceNumber end = LogSequenceNumber.valueOf(done.get().endLsn());
                        stream.setAppliedLSN(end);
                        stream.setFlushedLSN(end);
                        stream.forceUpdateStatus(); // a node taking over replays as little as possible
                    }
                }
            } finally {
                reading = false;
            }
        } finally {
            replication = null;
        }
    }

    /** Ends the loop: closes the connections, which ends a blocked read. */
    void stop() {
        running = false;
        for (Connection connection : new Connection[] {replication, lock}) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException | RuntimeException e) {
                    LOG.fine(() -> "closing a change source connection: " + e);
                }
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

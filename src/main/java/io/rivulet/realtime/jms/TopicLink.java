package io.rivulet.realtime.jms;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread holding one connection to the topic, reconnecting with exponential backoff for as
 * long as the bus runs. The broker being away never reaches the caller: it only delays this
 * thread's work, and the first failure of an outage is logged once.
 */
abstract class TopicLink {

    private static final Logger LOG = Logger.getLogger(TopicLink.class.getName());
    private static final long FIRST_DELAY_MS = 100;

    private final String name;
    private final String impact;
    private final TopicSource source;
    private final long maxDelayMs;
    private volatile boolean running = true;
    private volatile boolean connected;
    /** Set by the connection's exception listener where the container allows one. */
    private volatile boolean failed;
    private Thread thread;

    /** @param impact what an outage means for this direction, for the log */
    TopicLink(String name, String impact, TopicSource source, long maxDelayMs) {
        this.name = name;
        this.impact = impact;
        this.source = source;
        this.maxDelayMs = Math.max(FIRST_DELAY_MS, maxDelayMs);
    }

    void start(ThreadFactory threads) {
        thread = threads.newThread(this::run);
        thread.setName("rivulet-jms-" + name);
        thread.start();
    }

    /** Stops the thread; waits at most {@code waitMs} for it (a dead broker must not hold up shutdown). */
    void stop(long waitMs) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    TopicSource source() {
        return source;
    }

    boolean isConnected() {
        return connected;
    }

    /**
     * Sets up consumers or producers on a fresh connection.
     *
     * @param afterOutage an earlier connection or attempt failed
     */
    abstract void connected(JMSContext context, boolean afterOutage);

    /** One round of work; throws a {@link JMSRuntimeException} when the connection broke. */
    abstract void work(JMSContext context) throws InterruptedException;

    /** The connection was lost (before the next attempt). */
    void disconnected() {
    }

    private void run() {
        long delay = FIRST_DELAY_MS;
        // any connection after a failed attempt may have missed changes of other nodes
        boolean missedSome = false;
        boolean outageLogged = false;
        while (running) {
            JMSContext context = null;
            try {
                context = source.open();
                failed = false;
                listenForFailure(context);
                connected(context, missedSome);
                connected = true;
                if (outageLogged) {
                    LOG.info(() -> "Rivulet realtime: the " + name + " reached " + source.describe() + " again");
                }
                outageLogged = false;
                delay = FIRST_DELAY_MS;
                while (running) {
                    if (failed) {
                        throw new JMSRuntimeException("the connection failed");
                    }
                    work(context);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (JMSRuntimeException | IllegalStateException e) {
                if (running && !outageLogged) {
                    LOG.log(Level.WARNING, "Rivulet realtime: the " + name + " cannot reach " + source.describe()
                            + "; retrying (" + impact + " meanwhile): " + e);
                    outageLogged = true;
                }
            } finally {
                if (connected) {
                    connected = false;
                    disconnected();
                }
                closeQuietly(context);
            }
            missedSome = true;
            if (running && !sleep(delay)) {
                break;
            }
            delay = Math.min(delay * 2, maxDelayMs);
        }
    }

    private void listenForFailure(JMSContext context) {
        try {
            context.setExceptionListener(e -> failed = true);
        } catch (JMSRuntimeException | IllegalStateException e) {
            // Jakarta EE containers refuse exception listeners on their own factories; failures
            // then surface as exceptions of receive and send
        }
    }

    private static boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a broken JMS connection", e);
            }
        }
    }
}

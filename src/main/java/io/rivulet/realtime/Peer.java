package io.rivulet.realtime;

import io.rivulet.hooks.RequestInfo;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One WebSocket connection: its client id and protocol version, its subscriptions, and a bounded
 * queue of frames sent asynchronously one at a time on the peer's lane ({@link SendLanes}) — a
 * slow peer only fills its own queue, and one that falls too far behind is closed (policy
 * violation); the client reconnects and refreshes. Updates that queue up while a frame is on its
 * way go out together to a v2 peer, as one {@code {"updates":[…]}} frame (PROTOCOL §7.4); v1
 * peers get them one by one.
 */
final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class.getName());

    /** Updates sent at most as one {@code updates} frame. */
    private static final int MAX_BATCHED = 64;
    /**
     * How much more of an oversized message Rivulet reads (and drops) before it closes with 1009.
     * It reads such a message to its end first: a socket closed while the client is still sending
     * holds unread data, and TCP then resets the connection, which can lose the close frame on its
     * way to the client (it sees 1006 instead of 1009).
     */
    private static final long MAX_DROPPED = 32L * 1024 * 1024;

    final Session session;
    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(2);
    volatile String clientId;
    /** The caller as the read hooks see it: from the WebSocket handshake. */
    final RequestInfo caller;
    /** Equal for peers whose hooks see the same caller: they share one scope check per change. */
    final Object scopeIdentity;
    /** 0 until init (a published 0.8.4 client never sends one), else the negotiated version. */
    volatile int version;
    private final int maxQueued;
    private final Runnable onOverflow;
    private final Executor lane;
    private final Queue<String> queue = new ArrayDeque<>(2);
    /**
     * The frames the queue will be sent as, which the limit counts: a v2 peer's run of queued
     * updates goes out as one frame per {@link #MAX_BATCHED}.
     */
    private int queuedFrames;
    /** The updates at the queue's tail that will go out in one frame with the next one. */
    private int tailRun;
    private boolean sending;
    private boolean closed;
    /** A close that waits for the frames queued before it (an init refusal, then its close code). */
    private CloseReason closeWhenSent;
    /** The parts of a client message received so far (the container calls one at a time per session). */
    private StringBuilder incoming;
    private long incomingBytes;
    /** Bytes of an oversized frame read and dropped so far; -1 when none is being dropped. */
    private long dropped = -1;
    /** When the client's frames would have been sent at exactly the allowed rate (GCRA), in nanos. */
    private long frameSchedule = Long.MIN_VALUE;

    Peer(Session session, String clientId, RequestInfo caller, int maxQueued, Executor lane, Runnable onOverflow) {
        this(session, clientId, new SharedCallers.Caller(caller, identity(caller)), maxQueued, lane, onOverflow);
    }

    /** @param onOverflow drops the peer's state at once (the close handshake may never finish) */
    Peer(Session session, String clientId, SharedCallers.Caller caller, int maxQueued, Executor lane,
            Runnable onOverflow) {
        this.session = session;
        this.lane = lane;
        this.clientId = clientId;
        this.caller = caller.info();
        this.scopeIdentity = caller.identity();
        this.maxQueued = maxQueued;
        this.onOverflow = onOverflow;
    }

    /**
     * Everything of the caller that hooks can read: the principal (by type and name: principals
     * need not implement {@code equals}), the headers and the URL.
     */
    static Object identity(RequestInfo caller) {
        return List.of(caller.caller().map(p -> p.getClass().getName() + ":" + p.getName()).orElse(""),
                caller.headers(), caller.url());
    }

    void send(String frame) {
        boolean overflow;
        synchronized (this) {
            if (closed || closeWhenSent != null) {
                return;
            }
            overflow = queuedFrames >= maxQueued;
            if (overflow) {
                closed = true;
                queue.clear();
            } else {
                enqueue(frame);
                if (sending) {
                    return;
                }
                sending = true;
            }
        }
        if (overflow) {
            onOverflow.run();
            close(CloseReason.CloseCodes.VIOLATED_POLICY, "too slow: send queue full");
            return;
        }
        lane.execute(this::sendNext);
    }

    /** Holding the lock. */
    private void enqueue(String frame) {
        queue.add(frame);
        boolean batchable = version >= 2 && Frames.isUpdate(frame);
        if (batchable && tailRun > 0 && tailRun < MAX_BATCHED) {
            tailRun++;
        } else {
            queuedFrames++;
            tailRun = batchable ? 1 : 0;
        }
    }

    /** Sends what is queued, then closes. */
    void closeAfterQueued(CloseReason.CloseCode code, String reason) {
        synchronized (this) {
            if (sending) {
                closeWhenSent = new CloseReason(code, reason);
                return;
            }
        }
        close(code, reason);
    }

    private void sendNext() {
        String frame;
        CloseReason closing = null;
        synchronized (this) {
            frame = closed ? null : queue.poll();
            if (frame == null) {
                sending = false;
                queuedFrames = 0;
                tailRun = 0;
                closing = closed ? null : closeWhenSent;
            } else {
                queuedFrames = Math.max(0, queuedFrames - 1);
                if (version >= 2 && Frames.isUpdate(frame) && Frames.isUpdate(queue.peek())) {
                    frame = batch(frame);
                }
                if (queue.isEmpty()) {
                    tailRun = 0;
                }
            }
        }
        if (frame == null) {
            if (closing != null) {
                close(closing.getCloseCode(), closing.getReasonPhrase());
            }
            return;
        }
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                if (result.isOK()) {
                    lane.execute(this::sendNext);
                } else {
                    // the container refused the write (e.g. its own pending-write limit): drop the peer
                    onOverflow.run();
                    close(CloseReason.CloseCodes.VIOLATED_POLICY, "send failed");
                }
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                sending = false;
            }
        }
    }

    /** The queued updates after {@code first}, as far as they go, joined into one frame (holding the lock). */
    private String batch(String first) {
        List<String> updates = new ArrayList<>();
        updates.add(first);
        while (updates.size() < MAX_BATCHED && Frames.isUpdate(queue.peek())) {
            updates.add(queue.poll());
        }
        return Frames.updates(updates);
    }

    /**
     * Joins a client message that arrives in parts. Rivulet enforces the frame limit itself, the
     * same on every container (whether and how a container closes on its own buffer limit differs:
     * Tyrus closes with 1009, Undertow reports an error and keeps the connection open).
     *
     * @param maxBytes the largest message in UTF-8 bytes; 0 or less: no limit
     * @return the whole message after its last part; null before it, and null once the message
     *         outgrew the limit, which closes the connection (1009) once its last part has been read
     *         and dropped (or {@link #MAX_DROPPED} more chars of it)
     */
    String assemble(String part, boolean last, int maxBytes) {
        synchronized (this) {
            if (closed) {
                return null;
            }
        }
        if (dropped >= 0) {
            dropped += part.length();
            if (last || dropped > MAX_DROPPED) {
                close(CloseReason.CloseCodes.TOO_BIG, "frame too large");
            }
            return null;
        }
        incomingBytes += utf8Length(part);
        if (maxBytes > 0 && incomingBytes > maxBytes) {
            incoming = null;
            if (last) {
                close(CloseReason.CloseCodes.TOO_BIG, "frame too large");
            } else {
                dropped = 0;
            }
            return null;
        }
        if (!last) {
            incoming = incoming == null ? new StringBuilder(part) : incoming.append(part);
            return null;
        }
        String text = incoming == null ? part : incoming.append(part).toString();
        incoming = null;
        incomingBytes = 0;
        return text;
    }

    /**
     * Whether one more client frame fits the allowed rate and burst (the generic cell rate
     * algorithm: one number per peer). Called one frame at a time, as {@link #assemble}.
     *
     * @param perSecond the average rate; 0 or less: no limit
     */
    boolean frameAllowed(long now, int perSecond, int burst) {
        if (perSecond <= 0) {
            return true;
        }
        long interval = 1_000_000_000L / perSecond;
        long schedule = Math.max(frameSchedule, now) + interval;
        if (schedule - now > interval * Math.max(burst, 1)) {
            return false;
        }
        frameSchedule = schedule;
        return true;
    }

    private static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    void close(CloseReason.CloseCode code, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "closing a peer failed: " + e);
        }
    }
}

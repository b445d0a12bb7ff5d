package io.rivulet.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One WebSocket connection: its client id and protocol version, its subscriptions, and a bounded
 * queue of frames sent asynchronously one at a time — a slow peer only fills its own queue, and
 * one that falls too far behind is closed (policy violation); the client reconnects and refreshes.
 */
final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class.getName());

    final Session session;
    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    volatile String clientId;
    /** 0 until init (a published 0.8.4 client never sends one), else the negotiated version. */
    volatile int version;
    private final int maxQueued;
    private final Runnable onOverflow;
    private final Queue<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    /** @param onOverflow drops the peer's state at once (the close handshake may never finish) */
    Peer(Session session, String clientId, int maxQueued, Runnable onOverflow) {
        this.session = session;
        this.clientId = clientId;
        this.maxQueued = maxQueued;
        this.onOverflow = onOverflow;
    }

    void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= maxQueued) {
                closed = true;
                queue.clear();
            } else {
                queue.add(frame);
                if (sending) {
                    return;
                }
                sending = true;
            }
        }
        if (closed) {
            onOverflow.run();
            close(CloseReason.CloseCodes.VIOLATED_POLICY, "too slow: send queue full");
            return;
        }
        sendNext();
    }

    private void sendNext() {
        String frame;
        synchronized (this) {
            frame = queue.poll();
            if (frame == null || closed) {
                sending = false;
                return;
            }
        }
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                if (result.isOK()) {
                    sendNext();
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

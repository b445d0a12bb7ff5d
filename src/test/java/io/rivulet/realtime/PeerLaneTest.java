package io.rivulet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.hooks.RequestInfo;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A peer's frames leave in order on its lane, one at a time; v2 peers get the backlog as one batch. */
class PeerLaneTest {

    private static final RequestInfo CALLER = new RequestInfo(Map.of(), Optional.empty(), "/ws");

    /** Frames the container was asked to send, and the completions it has not reported yet. */
    private final List<String> sent = new ArrayList<>();
    private final Queue<SendHandler> inFlight = new ArrayDeque<>();
    private final Queue<Runnable> lane = new ArrayDeque<>();

    private Peer peer(int version) {
        return peer(version, 100);
    }

    private Peer peer(int version, int maxQueued) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        sent.add((String) args[0]);
                        inFlight.add((SendHandler) args[1]);
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        sent.add("close " + ((jakarta.websocket.CloseReason) args[0]).getCloseCode().getCode());
                    }
                    return method.getName().equals("getAsyncRemote") ? remote : null;
                });
        Peer peer = new Peer(session, "c", CALLER, maxQueued, lane::add, () -> { });
        peer.version = version;
        return peer;
    }

    private void runLane() {
        for (Runnable task; (task = lane.poll()) != null; ) {
            task.run();
        }
    }

    private void completeOne() {
        inFlight.remove().onResult(new SendResult());
        runLane();
    }

    private static String update(String key) {
        return Frames.update(new Change("todos", Change.UPDATED, key, Map.of("id", key), null, null));
    }

    @Test
    void theWriteHappensOnTheLaneNotOnTheCaller() {
        Peer peer = peer(2);
        peer.send(update("1"));
        assertEquals(List.of(), sent);
        runLane();
        assertEquals(List.of(update("1")), sent);
    }

    @Test
    void aV2PeerGetsTheUpdatesThatQueuedWhileAFrameWasOnItsWayAsOneBatch() {
        Peer peer = peer(2);
        peer.send(update("1"));
        runLane();
        peer.send(update("2"));
        peer.send(update("3"));
        peer.send("pong");
        peer.send(update("4"));
        completeOne();
        completeOne();
        completeOne();
        assertEquals(List.of(update("1"), Frames.updates(List.of(update("2"), update("3"))), "pong", update("4")), sent);
        assertEquals("{\"updates\":[{\"collection\":\"todos\",\"type\":\"updated\",\"key\":\"2\",\"record\":{\"id\":\"2\"}},"
                + "{\"collection\":\"todos\",\"type\":\"updated\",\"key\":\"3\",\"record\":{\"id\":\"3\"}}]}", sent.get(1));
    }

    @Test
    void theQueueLimitCountsFramesAsTheyWillBeSent() {
        Peer v2 = peer(2, 3);
        for (int i = 1; i <= 20; i++) {
            v2.send(update(String.valueOf(i)));
        }
        runLane();
        completeOne();
        assertEquals(1, sent.size(), "20 updates are one frame for a v2 peer, under a limit of 3");
        assertEquals(20, sent.get(0).split("\"type\"").length - 1);
        sent.clear();
        inFlight.clear();
        Peer v1 = peer(1, 3);
        for (int i = 1; i <= 5; i++) {
            v1.send(update(String.valueOf(i)));
        }
        assertEquals("close 1008", sent.get(sent.size() - 1), "a v1 peer 3 frames behind is closed");
    }

    @Test
    void aCloseAfterQueuedFramesWaitsForThem() {
        Peer peer = peer(2);
        peer.send("{\"init\":{\"ok\":false}}");
        peer.closeAfterQueued(jakarta.websocket.CloseReason.CloseCodes.PROTOCOL_ERROR, "unsupported-version");
        assertEquals(List.of(), sent);
        runLane();
        completeOne();
        assertEquals(List.of("{\"init\":{\"ok\":false}}", "close 1002"), sent);
    }

    @Test
    void aV1PeerGetsSingleFramesInOrder() {
        Peer peer = peer(1);
        for (int i = 1; i <= 4; i++) {
            peer.send(update(String.valueOf(i)));
        }
        runLane();
        for (int i = 0; i < 3; i++) {
            completeOne();
        }
        assertEquals(List.of(update("1"), update("2"), update("3"), update("4")), sent);
    }

    @Test
    void manyPeersOnTwoRealLanesEachKeepTheirOrder() throws Exception {
        SendLanes lanes = new SendLanes(2, Thread::new);
        int peers = 50;
        int frames = 200;
        List<Queue<String>> received = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(peers);
        List<Peer> all = new ArrayList<>();
        for (int p = 0; p < peers; p++) {
            Queue<String> mine = new ConcurrentLinkedQueue<>();
            received.add(mine);
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        mine.add((String) args[0]);
                        if (((String) args[0]).contains("\"" + (frames - 1) + "\"")) {
                            done.countDown();
                        }
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    });
            Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> method.getName().equals("getAsyncRemote") ? remote : null);
            all.add(new Peer(session, "c" + p, CALLER, frames + 1, lanes.assign(), () -> { }));
        }
        for (int f = 0; f < frames; f++) {
            for (Peer peer : all) {
                peer.send(update(String.valueOf(f)));
            }
        }
        try {
            assertEquals(true, done.await(10, TimeUnit.SECONDS));
            for (Queue<String> mine : received) {
                List<String> expected = new ArrayList<>();
                for (int f = 0; f < frames; f++) {
                    expected.add(update(String.valueOf(f)));
                }
                assertEquals(expected, List.copyOf(mine));
            }
        } finally {
            lanes.stop();
        }
    }
}

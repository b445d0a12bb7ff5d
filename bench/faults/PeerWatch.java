import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Realtime peers through a server restart: PEERS WebSocket clients subscribe to todos, as the
 * rstore client does (init v2, then subscribe); when the server closes a socket, the close code is
 * counted and the peer reconnects every 500 ms, as the client's autoReconnect does, until it is
 * acknowledged again or WAIT_S seconds pass.
 *
 *   java PeerWatch.java WS_URL PEERS WAIT_S      # prints READY, then the close codes and reconnects
 */
public class PeerWatch {

    static final Map<Integer, AtomicInteger> CLOSES = new ConcurrentHashMap<>();
    static final AtomicInteger FRAMES = new AtomicInteger();
    static final AtomicInteger RECONNECTED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int peers = Integer.parseInt(args[1]);
        long waitMs = Long.parseLong(args[2]) * 1000;
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch opened = new CountDownLatch(peers);
        CountDownLatch back = new CountDownLatch(peers);
        for (int i = 0; i < peers; i++) {
            connect(http, uri, opened, back, false);
        }
        opened.await(30, TimeUnit.SECONDS);
        System.out.println("READY");
        System.out.flush();
        back.await(waitMs, TimeUnit.MILLISECONDS);
        Map<Integer, Integer> closes = new TreeMap<>();
        CLOSES.forEach((code, n) -> closes.put(code, n.get()));
        System.out.println("close codes received " + closes + " (-1: the socket was dropped without a close frame)");
        System.out.println("peers reconnected and acknowledged again: " + RECONNECTED.get() + " of " + peers);
        System.out.println("frames received: " + FRAMES.get());
        System.exit(0);
    }

    static void connect(HttpClient http, URI uri, CountDownLatch opened, CountDownLatch back, boolean again) {
        http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket ws) {
                // one send at a time: the JDK client refuses a send while one is pending
                ws.sendText("{\"init\":{\"clientId\":\"" + java.util.UUID.randomUUID() + "\",\"v\":2}}", true)
                        .thenCompose(w -> w.sendText("{\"subscription\":{\"action\":\"subscribe\",\"collection\":"
                                + "\"todos\"}}", true));
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                FRAMES.incrementAndGet();
                if (data.toString().contains("\"ok\":true")) {
                    if (again) {
                        RECONNECTED.incrementAndGet();
                        back.countDown();
                    } else {
                        opened.countDown();
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                CLOSES.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                reconnect(http, uri, opened, back);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                CLOSES.computeIfAbsent(-1, c -> new AtomicInteger()).incrementAndGet();
                reconnect(http, uri, opened, back);
            }
        }).exceptionally(e -> {
            if (again) {
                reconnect(http, uri, opened, back);
            }
            return null;
        });
    }

    static void reconnect(HttpClient http, URI uri, CountDownLatch opened, CountDownLatch back) {
        java.util.concurrent.CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                .execute(() -> connect(http, uri, opened, back, true));
    }
}

package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (JDK) collecting the text frames Rivulet sends. A v2 batch
 * ({@code {"updates":[…]}}, PROTOCOL §7.4) is taken apart into its {@code {"update":…}} frames,
 * in order, as the rstore client handles it; {@link #batches} counts them.
 */
final class WsClient implements AutoCloseable {

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
    private final WebSocket socket;

    WsClient(URL deployment, String... headers) throws Exception {
        this(deployment, false, headers);
    }

    /** A v2 peer, its {@code init} acknowledged, subscribed to a whole collection. */
    static WsClient subscribed(URL deployment, String clientId, String collection) throws Exception {
        WsClient ws = new WsClient(deployment).send("{\"init\":{\"clientId\":\"" + clientId + "\",\"v\":2}}");
        org.junit.jupiter.api.Assertions.assertEquals("{\"init\":{\"ok\":true,\"v\":2}}", ws.next());
        return ws.send("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"" + collection + "\"}}").sync();
    }

    /** @param stalled reads one frame, then never reads again (TCP backpressure reaches the server) */
    WsClient(URL deployment, boolean stalled, String... headers) throws Exception {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + deployment.getPort() + path
                + "api/rstore-realtime/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received(text.toString());
                            text.setLength(0);
                        }
                        if (!stalled) {
                            webSocket.request(1);
                        }
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    private void received(String frame) {
        if (!frame.startsWith("{\"updates\":")) {
            frames.add(frame);
            return;
        }
        batches.incrementAndGet();
        try (var reader = jakarta.json.Json.createReader(new StringReader(frame))) {
            reader.readObject().getJsonArray("updates").forEach(update -> frames.add("{\"update\":" + update + "}"));
        }
    }

    WsClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    WsClient sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
        return this;
    }

    /** The next frame, within 5 s. */
    String next() throws InterruptedException {
        String frame = frames.poll(5, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within 5 s");
        return frame;
    }

    JsonObject nextJson() throws InterruptedException {
        try (var reader = jakarta.json.Json.createReader(new StringReader(next()))) {
            return reader.readObject();
        }
    }

    /** Waits a little and returns whatever arrived (to assert that nothing did). */
    String quiet(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** A round trip: once pong is back, every frame sent before it was handled. */
    WsClient sync() throws InterruptedException {
        send("ping");
        String frame;
        while (!"pong".equals(frame = next())) {
            frames.add(frame);
        }
        return this;
    }

    @Override
    public void close() {
        socket.abort();
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Realtime benchmark client: N WebSocket peers (rstore protocol v2) subscribed to one todo; W
 * sequential REST updates of that todo; for every (update, peer) pair the time from the start of
 * the write to the frame's arrival. Prints p50/p99/max.
 * Run: java bench/realtime/RealtimeBench.java PORT N W [WRITE_PORT] — the peers connect to PORT, the
 * writes go to WRITE_PORT (another node of a cluster) or PORT. With {@code -Djdbc=<url>} (and pgjdbc
 * on the class path) the updates are plain SQL, auto-committed, outside Rivulet: the time from the
 * start of the SQL statement (its commit included) to the frame, for the PostgreSQL change source
 * (bench/pg-changes.sh).
 */
public class RealtimeBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int peers = Integer.parseInt(args[1]);
        int writes = Integer.parseInt(args[2]);
        int writePort = args.length > 3 ? Integer.parseInt(args[3]) : port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + writePort + "/api/rstore/todos";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"json\":{\"title\":\"bench\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        AtomicLong writeStart = new AtomicLong();
        AtomicReference<CountDownLatch> arrivals = new AtomicReference<>(new CountDownLatch(peers));
        long[] latencies = new long[peers * writes];
        AtomicLong samples = new AtomicLong();
        CountDownLatch subscribed = new CountDownLatch(peers);
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient wsClient = HttpClient.newHttpClient();
        long openStart = System.nanoTime();
        for (int i = 0; i < peers; i++) {
            WebSocket socket = wsClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/rstore-realtime/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            String text = data.toString();
                            if (text.startsWith("{\"update\"") && writeStart.get() != 0) { // not the create's frame
                                long index = samples.getAndIncrement();
                                if (index < latencies.length) {
                                    latencies[(int) index] = System.nanoTime() - writeStart.get();
                                }
                                arrivals.get().countDown();
                            } else if (text.equals("pong")) {
                                subscribed.countDown();
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            socket.sendText("{\"init\":{\"clientId\":\"bench-" + i + "\",\"v\":2}}", true).join();
            socket.sendText("{\"subscription\":{\"action\":\"subscribe\",\"collection\":\"todos\",\"key\":" + id + "}}", true)
                    .join();
            socket.sendText("ping", true).join();
            sockets.add(socket);
        }
        if (!subscribed.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every peer subscribed");
        }
        System.out.printf("%d peers connected and subscribed in %.1f s%n", peers,
                (System.nanoTime() - openStart) / 1e9);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.getLong("settle", 5000)); // lets the runner read the server's memory
        String jdbc = System.getProperty("jdbc");
        java.sql.Connection sql = jdbc == null ? null : java.sql.DriverManager.getConnection(jdbc, "postgres", "");
        java.sql.PreparedStatement update = sql == null ? null
                : sql.prepareStatement("UPDATE todos SET title = ? WHERE id = " + Long.parseLong(id));
        for (int w = 0; w < writes; w++) {
            arrivals.set(new CountDownLatch(peers));
            writeStart.set(System.nanoTime());
            if (update != null) {
                update.setString(1, "bench " + w);
                update.executeUpdate();
                awaitArrivals(arrivals.get(), w);
                continue;
            }
            http.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).header("content-type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"json\":{\"title\":\"bench " + w + "\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (!arrivals.get().await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("write " + w + " did not reach every peer");
            }
        }
        long[] all = Arrays.copyOf(latencies, (int) Math.min(samples.get(), latencies.length));
        Arrays.sort(all);
        System.out.printf("%d writes x %d peers = %d frames: write->frame p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                writes, peers, all.length, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                all[all.length - 1] / 1e6);
        sockets.forEach(WebSocket::abort);
        System.exit(0);
    }

    private static void awaitArrivals(CountDownLatch arrivals, int write) throws InterruptedException {
        if (!arrivals.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("write " + write + " did not reach every peer");
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realtime fan-out benchmark client for any rstore realtime server (Rivulet or the rstore 0.8.4
 * Nuxt server): the same frames, the same REST writes. Prints one JSON line per scenario.
 *
 * <pre>
 * java bench/realtime/FanOutBench.java LABEL BASE_URL W1 PEERS WRITES     N peers on one row (key subscription)
 * java bench/realtime/FanOutBench.java LABEL BASE_URL W2 PEERS WRITES     one matching peer among N with distinct eq-id filters
 * java bench/realtime/FanOutBench.java LABEL BASE_URL W3 PEERS SECONDS    16 writers, PEERS subscribers, ~50 per row
 * </pre>
 *
 * Every write carries a unique title, so each frame is matched to its write: latency is from the
 * write's start to the frame's arrival; a frame never seen is lost, one seen twice by a peer is
 * duplicated. Prints READY once every peer is subscribed, then waits {@code -Dsettle} ms so that
 * the runner can read the server's memory. Client CPU is this JVM's CPU time over the measured
 * phase, in % of one core.
 */
public class FanOutBench {

    private static final Pattern TITLE = Pattern.compile("\"title\":\"([^\"]*)\"");
    private static final int WRITERS = 16;
    private static final int PEERS_PER_ROW = 50;

    private final String label;
    private final String api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Long> writeStarts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final long[] latencies = new long[8_000_000];
    private final AtomicLong samples = new AtomicLong();
    private final List<WebSocket> sockets = new ArrayList<>();

    FanOutBench(String label, String base) {
        this.label = label;
        this.api = base + "/api/rstore";
    }

    public static void main(String[] args) throws Exception {
        FanOutBench bench = new FanOutBench(args[0], args[1]);
        int peers = Integer.parseInt(args[3]);
        int amount = Integer.parseInt(args[4]);
        switch (args[2]) {
            case "W1" -> bench.oneRow(peers, amount);
            case "W2" -> bench.distinctFilters(peers, amount);
            case "W3" -> bench.concurrentWriters(peers, amount);
            default -> throw new IllegalArgumentException(args[2]);
        }
        bench.sockets.forEach(WebSocket::abort);
        System.exit(0);
    }

    /** W1: every peer subscribes to the key of one row; sequential writes of it. */
    void oneRow(int peers, int writes) throws Exception {
        String id = create("w1");
        connect(peers, "ws-w1", i -> "{\"collection\":\"todos\",\"key\":\"" + id + "\"}");
        measure("W1-" + peers + "-peers-one-row", writes, (long) writes * peers, () -> {
            for (int w = 0; w < writes; w++) {
                patchAndWait(id, "w1-" + w, peers);
            }
        });
    }

    /** W2: peer 0 filters on the row's id, every other peer on an id no row has. */
    void distinctFilters(int peers, int writes) throws Exception {
        long id = Long.parseLong(create("w2"));
        connect(peers, "ws-w2", i -> "{\"collection\":\"todos\",\"where\":{\"operator\":\"eq\",\"field\":\"id\",\"value\":"
                + (i == 0 ? id : id + 1_000_000 + i) + "}}");
        measure("W2-1-of-" + peers + "-where-eq", writes, writes, () -> {
            for (int w = 0; w < writes; w++) {
                patchAndWait(String.valueOf(id), "w2-" + w, 1);
            }
        });
    }

    /** W3: rows of 50 subscribers each; 16 writers PATCH random rows for the given seconds. */
    void concurrentWriters(int peers, int seconds) throws Exception {
        int rows = Math.max(1, peers / PEERS_PER_ROW);
        String[] ids = new String[rows];
        for (int r = 0; r < rows; r++) {
            ids[r] = create("w3-" + r);
        }
        connect(peers, "ws-w3", i -> "{\"collection\":\"todos\",\"key\":\"" + ids[i % rows] + "\"}");
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] expected = new long[1];
        measure("W3-" + WRITERS + "-writers-" + peers + "-peers-" + seconds + "s", () -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int writer = t;
                Thread thread = new Thread(() -> {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        String title = "w3-" + writer + "-" + n;
                        try {
                            if (patch(ids[ThreadLocalRandom.current().nextInt(rows)], title)) {
                                acknowledged.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            expected[0] = acknowledged.get() * (peers / rows);
        }, () -> String.format(",\"writes\":%d,\"failedWrites\":%d,\"writesPerSec\":%.0f", acknowledged.get(),
                failed.get(), acknowledged.get() / (double) seconds),
                () -> expected[0], seconds);
    }

    interface Phase {
        void run() throws Exception;
    }

    private void measure(String scenario, int writes, long expectedFrames, Phase phase) throws Exception {
        measure(scenario, phase, () -> ",\"writes\":" + writes, () -> expectedFrames, 0);
    }

    private void measure(String scenario, Phase phase, java.util.function.Supplier<String> extra,
            java.util.function.LongSupplier expected, int seconds) throws Exception {
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.getLong("settle", 6000));
        samples.set(0);
        frames.set(0);
        long cpu0 = cpu();
        long start = System.nanoTime();
        phase.run();
        long written = System.nanoTime();
        // the frames still on their way
        long want = expected.getAsLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        while (frames.get() < want && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (frames.get() == last && System.nanoTime() > written + TimeUnit.SECONDS.toNanos(20)) {
                break;
            }
            last = frames.get();
        }
        Thread.sleep(500); // late duplicates
        long drained = System.nanoTime();
        long cpu = cpu() - cpu0;
        double wall = (drained - start) / 1e9;
        long[] all = Arrays.copyOf(latencies, (int) Math.min(samples.get(), latencies.length));
        Arrays.sort(all);
        long got = frames.get();
        double activeSeconds = seconds > 0 ? seconds : (written - start) / 1e9;
        System.out.printf("{\"label\":\"%s\",\"scenario\":\"%s\",\"peers\":%d%s,\"frames\":%d,\"expectedFrames\":%d,"
                + "\"lost\":%d,\"duplicated\":%d,\"framesPerSec\":%.0f,\"p50ms\":%.1f,\"p99ms\":%.1f,"
                + "\"maxms\":%.1f,\"drainSec\":%.1f,\"clientCpuPct\":%.0f}%n",
                label, scenario, sockets.size(), extra.get(), got, want, Math.max(0, want - got), duplicated.get(),
                got / activeSeconds, pct(all, 0.50), pct(all, 0.99), pct(all, 1.0),
                (drained - written) / 1e9, 100.0 * cpu / (drained - start));
        System.out.flush();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static long cpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private String create(String title) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api + "/todos"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"json\":{\"title\":\"" + title + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    private boolean patch(String id, String title) throws Exception {
        writeStarts.put(title, System.nanoTime());
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/todos/" + id))
                .header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"json\":{\"title\":\"" + title + "\"}}")).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    private void patchAndWait(String id, String title, int frames) throws Exception {
        received.put(title, new AtomicLong());
        patch(id, title);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get(title).get() < frames && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(0, 100_000);
        }
    }

    private void connect(int peers, String clientPrefix, java.util.function.IntFunction<String> subscription)
            throws Exception {
        HttpClient ws = HttpClient.newHttpClient();
        CountDownLatch subscribed = new CountDownLatch(peers);
        Semaphore opening = new Semaphore(64);
        long start = System.nanoTime();
        String url = api.replace("http", "ws").replace("/api/rstore", "/api/rstore-realtime/ws");
        for (int i = 0; i < peers; i++) {
            opening.acquire();
            int peer = i;
            WebSocket socket = ws.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(URI.create(url), new Listener(subscribed, opening)).get(60, TimeUnit.SECONDS);
            String subscribe = "{\"subscription\":{\"action\":\"subscribe\"," + subscription.apply(peer).substring(1) + "}";
            // one send at a time per socket (java.net.http)
            socket.sendText("{\"init\":{\"clientId\":\"" + clientPrefix + "-" + peer + "\",\"v\":2}}", true)
                    .thenCompose(s -> s.sendText(subscribe, true)).thenCompose(s -> s.sendText("ping", true));
            sockets.add(socket);
        }
        if (!subscribed.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every peer subscribed: " + subscribed.getCount() + " missing");
        }
        System.err.printf("%s: %d peers connected and subscribed in %.1f s%n", label, peers, (System.nanoTime() - start) / 1e9);
    }

    /** One peer's frames; the client calls it one frame at a time per socket. */
    private final class Listener implements WebSocket.Listener {
        private final CountDownLatch subscribed;
        private final Semaphore opening;
        private final Set<String> seen = new HashSet<>();
        private final StringBuilder parts = new StringBuilder();
        private boolean ponged;

        Listener(CountDownLatch subscribed, Semaphore opening) {
            this.subscribed = subscribed;
            this.opening = opening;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                if (Boolean.getBoolean("debug")) {
                    System.err.println("frame: " + text);
                }
                if (text.equals("pong")) {
                    if (!ponged) {
                        ponged = true;
                        opening.release();
                        subscribed.countDown();
                    }
                } else if (text.startsWith("{\"update")) {
                    Matcher title = TITLE.matcher(text);
                    while (title.find()) {
                        frame(title.group(1), now);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        private void frame(String title, long now) {
            Long start = writeStarts.get(title);
            if (start == null) {
                return;
            }
            if (!seen.add(title)) {
                duplicated.incrementAndGet();
                return;
            }
            frames.incrementAndGet();
            AtomicLong count = received.get(title);
            if (count != null) {
                count.incrementAndGet();
            }
            long index = samples.getAndIncrement();
            if (index < latencies.length) {
                latencies[(int) index] = now - start;
            }
        }
    }
}

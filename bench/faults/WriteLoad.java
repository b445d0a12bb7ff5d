import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write load for the fault scripts: W writers, each creating todos and patching its own earlier
 * ones for S seconds, and afterwards a check of the database against what the server acknowledged.
 *
 *   java WriteLoad.java load BASE_URL WRITERS SECONDS ACKS_FILE     # prints a status timeline
 *                                                                   # and ACKS_FILE.requests
 *   java WriteLoad.java verify ACKS_FILE DB_DUMP                    # DB_DUMP: "id|title" lines
 *
 * Every request has a client time-out (TIMEOUT_MS, default 10,000); a request that reaches it
 * counts as a hang. The acknowledgement file holds, per 200 answer, "create|patch id title"; an
 * attempted patch that got no 200 is written as "try id title", since it may still have committed.
 */
public class WriteLoad {

    static final long TIMEOUT_MS = Long.getLong("timeoutMs", 10_000);
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    record Outcome(long sentEpochMs, long atMs, String kind, int status, long tookMs) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("verify")) {
            System.exit(verify(Path.of(args[1]), Path.of(args[2])));
        }
        load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
    }

    static void load(String base, int writers, int seconds, Path acks) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(TIMEOUT_MS)).build();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Map<Integer, String> firstBodies = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.currentTimeMillis();
        long end = start + seconds * 1000L;
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.currentTimeMillis() < end) {
                    long n = sequence.incrementAndGet();
                    boolean patch = !mine.isEmpty() && n % 2 == 0;
                    long id = patch ? mine.get((int) (n % mine.size())) : -1;
                    String title = "w" + writer + "-" + n;
                    HttpRequest.Builder request = HttpRequest.newBuilder()
                            .timeout(Duration.ofMillis(TIMEOUT_MS))
                            .header("content-type", "application/json");
                    String body = "{\"json\":{\"title\":\"" + title + "\"}}";
                    request = patch
                            ? request.uri(URI.create(base + "/api/rstore/todos/" + id))
                                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                            : request.uri(URI.create(base + "/api/rstore/todos"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body));
                    long sent = System.currentTimeMillis();
                    int status;
                    String answer = "";
                    try {
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        answer = response.body();
                    } catch (java.net.http.HttpTimeoutException e) {
                        status = -1; // hang: the client's time-out
                    } catch (IOException e) {
                        status = 0; // refused or reset
                        sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long took = System.currentTimeMillis() - sent;
                    if (status != 200) {
                        firstBodies.putIfAbsent(status, answer.length() > 160 ? answer.substring(0, 160) + "…" : answer);
                    }
                    outcomes.add(new Outcome(sent, sent - start, patch ? "patch" : "create", status, took));
                    if (status == 200) {
                        if (patch) {
                            acknowledged.add("patch " + id + " " + title);
                        } else {
                            Matcher m = ID.matcher(answer);
                            if (m.find()) {
                                long created = Long.parseLong(m.group(1));
                                mine.add(created);
                                acknowledged.add("create " + created + " " + title);
                            }
                        }
                    } else if (patch) {
                        acknowledged.add("try " + id + " " + title);
                    }
                    if (status == 503) {
                        sleep(100);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Files.write(acks, acknowledged);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(acks + ".requests")))) {
            outcomes.forEach(o -> out.println(o.sentEpochMs() + " " + o.tookMs() + " " + o.kind() + " " + o.status()));
        }
        report(outcomes);
        firstBodies.forEach((status, body) -> System.out.println("first body of a " + status + ": " + body.replace('\n', ' ')));
    }

    /** Per second: answers by status; then the totals, hangs and the slowest request. */
    static void report(Iterable<Outcome> outcomes) {
        TreeMap<Long, TreeMap<Integer, Integer>> bySecond = new TreeMap<>();
        TreeMap<Integer, Integer> total = new TreeMap<>();
        long slowest = 0;
        for (Outcome o : outcomes) {
            bySecond.computeIfAbsent(o.atMs() / 1000, s -> new TreeMap<>()).merge(o.status(), 1, Integer::sum);
            total.merge(o.status(), 1, Integer::sum);
            slowest = Math.max(slowest, o.tookMs());
        }
        bySecond.forEach((second, statuses) -> System.out.println("t=" + second + "s " + statuses));
        System.out.println("statuses " + total + " (-1 = client time-out of " + TIMEOUT_MS + " ms, 0 = connection refused)");
        System.out.println("slowest request " + slowest + " ms");
    }

    /** Every acknowledged create is there; each row patched holds its last acknowledged title or a later try. */
    static int verify(Path acks, Path dump) throws IOException {
        Map<Long, String> stored = new HashMap<>();
        for (String line : Files.readAllLines(dump)) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                stored.put(Long.parseLong(line.substring(0, bar)), line.substring(bar + 1));
            }
        }
        Map<Long, List<String>> allowed = new HashMap<>();
        int creates = 0;
        int patches = 0;
        List<String> lost = new ArrayList<>();
        for (String line : Files.readAllLines(acks)) {
            String[] p = line.split(" ", 3);
            long id = Long.parseLong(p[1]);
            switch (p[0]) {
                case "create" -> {
                    creates++;
                    if (!stored.containsKey(id)) {
                        lost.add("created row " + id + " missing");
                    }
                    allowed.computeIfAbsent(id, k -> new ArrayList<>()).add(p[2]);
                }
                case "patch" -> {
                    patches++;
                    allowed.computeIfAbsent(id, k -> new ArrayList<>()).add(p[2]);
                }
                default -> allowed.computeIfAbsent(id, k -> new ArrayList<>()).add(p[2]);
            }
        }
        for (String line : Files.readAllLines(acks)) {
            String[] p = line.split(" ", 3);
            if (p[0].equals("patch")) {
                long id = Long.parseLong(p[1]);
                List<String> titles = allowed.get(id);
                String title = stored.get(id);
                // titles carry the writer's sequence number: the stored one may not be older than an acknowledged one
                if (title == null || sequenceOf(title) < sequenceOf(p[2]) || !titles.contains(title)) {
                    lost.add("row " + id + " holds " + title + ", acknowledged " + p[2]);
                }
            }
        }
        System.out.println("acknowledged creates " + creates + ", patches " + patches + ", lost " + lost.size());
        lost.stream().limit(20).forEach(System.out::println);
        return lost.isEmpty() ? 0 : 1;
    }

    static long sequenceOf(String title) {
        return Long.parseLong(title.substring(title.lastIndexOf('-') + 1));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read scope under load (issue #13): CALLERS users in TEAMS teams, PEERS_PER_CALLER WebSocket
 * peers per user (upgraded as that user: X-Example-User), all subscribed to projects, with the
 * example recipes on (a project is visible only to its team's members). WRITES renames, one project
 * at a time, round-robin over the teams: every peer of the project's team must get the update, no
 * other peer may get anything. Prints the write-to-frame latency of the peers in scope and what
 * leaked (must be 0).
 *
 *   java ScopeBench.java BASE_URL CALLERS TEAMS PEERS_PER_CALLER WRITES
 */
public class ScopeBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern NAME = Pattern.compile("\"name\":\"w(\\d+)-(\\d+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int callers = Integer.parseInt(args[1]);
        int teams = Integer.parseInt(args[2]);
        int perCaller = Integer.parseInt(args[3]);
        int writes = Integer.parseInt(args[4]);
        List<Integer> users = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            users.add(id(post(base, "users", "{\"name\":\"scope-" + i + "\",\"email\":\"scope-" + i + "-"
                    + System.nanoTime() + "@x.io\"}", null)));
        }
        List<Integer> projects = new ArrayList<>();
        Map<Integer, Integer> teamOfUser = new ConcurrentHashMap<>();
        for (int t = 0; t < teams; t++) {
            int owner = users.get(t);
            int team = id(post(base, "teams", "{\"name\":\"scope-team-" + t + "\"}", owner));
            for (int u = t; u < callers; u += teams) {
                teamOfUser.put(users.get(u), t);
                if (u != t) {
                    post(base, "teamsToUsers", "{\"teamId\":" + team + ",\"userId\":" + users.get(u)
                            + ",\"role\":\"member\"}", owner);
                }
            }
            projects.add(id(post(base, "projects", "{\"name\":\"scope-project-" + t + "\",\"teamId\":" + team + "}",
                    owner)));
        }
        // peers: per write, when each in-scope peer got it; anything to an out-of-scope peer is a leak
        Map<Long, List<Long>> received = new ConcurrentHashMap<>();
        AtomicInteger leaks = new AtomicInteger();
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(callers * perCaller);
        List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
        for (int user : users) {
            int myTeam = teamOfUser.get(user);
            for (int p = 0; p < perCaller; p++) {
                sockets.add(HTTP.newWebSocketBuilder().header("x-example-user", String.valueOf(user))
                        .buildAsync(URI.create(base.replace("http", "ws") + "/api/rstore-realtime/ws"),
                                new WebSocket.Listener() {
                                    final StringBuilder text = new StringBuilder();

                                    @Override
                                    public void onOpen(WebSocket ws) {
                                        // one send at a time: the JDK client refuses a send while one is pending
                                        ws.sendText("{\"init\":{\"clientId\":\"" + java.util.UUID.randomUUID()
                                                + "\",\"v\":2}}", true)
                                                .thenCompose(w -> w.sendText("{\"subscription\":{\"action\":"
                                                        + "\"subscribe\",\"collection\":\"projects\"}}", true))
                                                .thenCompose(w -> w.sendText("ping", true));
                                        ws.request(1);
                                    }

                                    @Override
                                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                        text.append(data);
                                        if (last) {
                                            String frame = text.toString();
                                            text.setLength(0);
                                            long now = System.nanoTime();
                                            if (frame.equals("pong")) {
                                                ready.countDown();
                                            } else if (frame.contains("\"update")) {
                                                frames.incrementAndGet();
                                                Matcher m = NAME.matcher(frame);
                                                while (m.find()) {
                                                    if (Integer.parseInt(m.group(1)) != myTeam) {
                                                        leaks.incrementAndGet();
                                                    } else {
                                                        received.computeIfAbsent(Long.parseLong(m.group(2)),
                                                                k -> Collections.synchronizedList(new ArrayList<>()))
                                                                .add(now);
                                                    }
                                                }
                                            }
                                        }
                                        ws.request(1);
                                        return null;
                                    }
                                }).get(30, TimeUnit.SECONDS));
            }
        }
        long readyFrom = System.nanoTime();
        if (!ready.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("peers not ready: " + ready.getCount() + " left");
        }
        System.out.printf("peers ready in %.1f s%n", (System.nanoTime() - readyFrom) / 1e9);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.getLong("settle", 3000));
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        for (int w = 0; w < writes; w++) {
            int team = w % teams;
            long stamp = System.nanoTime();
            sent.put(stamp, stamp);
            int owner = users.get(team);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/rstore/projects/"
                    + projects.get(team))).timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                    .header("x-example-user", String.valueOf(owner))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"json\":{\"name\":\"w" + team + "-" + stamp
                            + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("PATCH " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(Long.getLong("pauseMs", 200));
        }
        Thread.sleep(3000);
        List<Double> latencies = new ArrayList<>();
        int expected = 0;
        int missing = 0;
        int inScopePerWrite = callers / teams * perCaller;
        for (long stamp : sent.keySet()) {
            List<Long> got = received.getOrDefault(stamp, List.of());
            expected += inScopePerWrite;
            missing += Math.max(0, inScopePerWrite - got.size());
            for (long at : got) {
                latencies.add((at - stamp) / 1e6);
            }
        }
        Collections.sort(latencies);
        System.out.printf("%d callers in %d teams, %d peers each (%d peers), %d writes: %d frames expected in scope,"
                + " %d missing, %d leaked to peers out of scope%n", callers, teams, perCaller, callers * perCaller,
                writes, expected, missing, leaks.get());
        if (!latencies.isEmpty()) {
            System.out.printf("write -> frame (in scope): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)),
                    latencies.get(latencies.size() - 1));
        }
        sockets.forEach(ws -> ws.abort());
        System.exit(leaks.get() == 0 && missing == 0 ? 0 : 1);
    }

    static String post(String base, String collection, String json, Integer caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/rstore/" + collection))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"json\":" + json + "}"));
        if (caller != null) {
            request.header("x-example-user", String.valueOf(caller));
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + collection + " " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static int id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Integer.parseInt(m.group(1));
    }
}

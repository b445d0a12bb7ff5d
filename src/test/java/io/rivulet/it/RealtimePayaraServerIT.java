package io.rivulet.it;

import static io.rivulet.it.RstoreClient.assertError;
import static io.rivulet.it.RstoreClient.sj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR on Payara Server 6 (EclipseLink, PostgreSQL as the default datasource, deployed with
 * {@code asadmin deploy}): a REST round trip, the error format, a long search query (the header
 * buffer of {@code payara/pre-boot.asadmin}), a realtime round trip, and MicroProfile Health on the
 * HTTP port.
 */
@OnPayaraServer
class RealtimePayaraServerIT {

    private static PayaraServer server;
    private static URL base;
    private static RstoreClient rstore;

    @BeforeAll
    static void connect(PayaraServer started) {
        server = started;
        base = server.url("rivulet-a");
        rstore = new RstoreClient(base);
    }

    private static JsonObject create(String json) {
        var reply = rstore.post("api/rstore/todos", sj(json));
        assertEquals(200, reply.status(), reply.toString());
        return reply.object();
    }

    @Test
    void createListGetPatchDeleteTodo() {
        TodoRoundTrip.run(rstore, "on Payara Server");
    }

    @Test
    void errorsCarryTheStatusMessage() {
        assertError(rstore.get("api/rstore/nope", null), 404, "Table not found for collection nope");
        assertError(rstore.get("api/rstore/todos", sj("{\"where\":{\"operator\":\"foo\"}}")), 400, "Invalid filter");
        assertError(rstore.post("api/rstore/users", sj("{\"name\":\"x\",\"email\":\"x@x.io\",\"nope\":1}")), 400,
                "Unknown field nope in collection users");
        assertError(rstore.post("api/rstore/posts", sj("{\"authorId\":987654321,\"title\":\"orphan\"}")), 409,
                "Foreign key constraint violated in collection posts");
    }

    /** An offline client's deletion check: thousands of keys in the URL, past Grizzly's default 8 KB buffer. */
    @Test
    void aKeyLookupOfThousandsOfKeysFitsTheHeaderBuffer() {
        int id = create("{\"title\":\"kept\"}").getInt("id");
        String keys = IntStream.range(id, id + 5000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        var reply = rstore.get("api/rstore/todos", sj("{\"keys\":[" + keys + "],\"columns\":{\"id\":true}}"));
        assertEquals(200, reply.status(), () -> reply.status() + " " + reply.body().substring(0, Math.min(300, reply.body().length())));
        assertEquals(List.of(id), reply.array().stream().map(r -> r.asJsonObject().getInt("id")).toList());
    }

    @Test
    void aSubscriberGetsTheCreatedUpdate() throws Exception {
        try (WsClient ws = WsClient.subscribed(base, "ps", "todos")) {
            JsonObject todo = create("{\"title\":\"realtime on Payara Server\"}");
            JsonObject update = ws.nextJson().getJsonObject("update");
            assertEquals("created", update.getString("type"));
            assertEquals(String.valueOf(todo.getInt("id")), update.getString("key"));
            assertEquals(todo, update.getJsonObject("record"));
        }
    }

    /** Readiness of both deployments: the database, and the JMS bus connected to OpenMQ both ways. */
    @Test
    void healthOnTheHttpPort() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String kind : List.of("ready", "live")) {
            var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health/"
                    + kind)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), kind + ": " + reply.body());
            List<String> expected = "ready".equals(kind) ? List.of("rivulet-database", "rivulet-bus") : List.of("rivulet-realtime");
            for (String check : expected) {
                assertTrue(reply.body().contains("\"" + check + "\"") && !reply.body().contains("DOWN"), kind + ": " + reply.body());
            }
        }
    }
}

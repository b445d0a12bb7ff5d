package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rivulet.broker.ArtemisBroker;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health on Payara Micro (README, "Health"): {@code /health/ready} follows the JMS
 * broker and the database, {@code /health/live} stays UP through both outages. One node on its own
 * PostgreSQL database, {@code rivulet.bus=jms} towards a broker that is not there yet.
 */
@StartsItsOwnServers
class HealthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFollowsTheBrokerAndTheDatabaseLivenessStaysUp() throws Exception {
        TestEnvironment.Database database = TestEnvironment.freshDatabase();
        int brokerPort = TestEnvironment.freePort();
        try (PayaraNode node = PayaraNode.start("health", database, "rivulet.bus=jms",
                "rivulet.jms.broker-url=tcp://127.0.0.1:" + brokerPort, "rivulet.jms.topic=rivulet.health").awaitUp()) {
            Health ready = health(node, "ready");
            assertEquals(503, ready.status(), ready.toString());
            assertEquals(Map.of("rivulet-database", "UP", "rivulet-bus", "DOWN"), ready.checks(), ready.toString());
            assertEquals(200, health(node, "live").status(), "alive while the broker is away");

            try (ArtemisBroker broker = new ArtemisBroker("127.0.0.1", brokerPort).start()) {
                ready = awaitReady(node, 200);
                assertEquals(Map.of("rivulet-database", "UP", "rivulet-bus", "UP"), ready.checks(), ready.toString());

                drop(database);
                ready = awaitReady(node, 503);
                assertEquals("DOWN", ready.checks().get("rivulet-database"), ready.toString());
                Health live = health(node, "live");
                assertEquals(200, live.status(), "a lost database is not a reason to restart: " + live);
                assertEquals(Map.of("rivulet-realtime", "UP"), live.checks(), live.toString());
            }
        }
    }

    /** The answer of {@code /health/<kind>}: its status code and each check's status by name. */
    private record Health(int status, Map<String, String> checks, String body) {
    }

    private static Health health(PayaraNode node, String kind) throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port
                + "/health/" + kind)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject body = Json.createReader(new StringReader(reply.body())).readObject();
        Map<String, String> checks = body.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").startsWith("rivulet-"))
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
        return new Health(reply.statusCode(), checks, reply.body());
    }

    private static Health awaitReady(PayaraNode node, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Health ready = health(node, "ready");
        while (ready.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            ready = health(node, "ready");
        }
        assertEquals(status, ready.status(), ready.toString());
        return ready;
    }

    /** The database goes away for good, open connections included. */
    private static void drop(TestEnvironment.Database database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":"
                + database.port() + "/postgres", "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + database.name() + " WITH (FORCE)");
        }
    }
}

package io.rivulet.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client speaking to Rivulet as the rstore client does (SuperJSON in, JSON out). */
public final class RstoreClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    /**
     * Payara Micro reports its URL with the machine's first network address; the tests talk to it
     * over loopback only (it listens on every interface).
     */
    public RstoreClient(URL deployment) {
        String path = deployment.getPath();
        this.base = "http://127.0.0.1:" + deployment.getPort() + (path.endsWith("/") ? path : path + "/");
    }

    /** An HTTP answer. */
    public record Reply(int status, String body, String contentType) {
        public JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        public JsonObject object() {
            return json().asJsonObject();
        }

        public JsonArray array() {
            return json().asJsonArray();
        }

        public String statusMessage() {
            return object().getString("statusMessage");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** GET with the {@code superjson} parameter carrying {@code superjson} (null: no parameter). */
    public Reply get(String path, String superjson) {
        String query = superjson == null ? "" : "?superjson=" + URLEncoder.encode(superjson, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path + query)).GET());
    }

    /** GET with the {@code superjson} parameter and extra headers. */
    public Reply getWith(String path, String superjson, String... headers) {
        String query = superjson == null ? "" : "?superjson=" + URLEncoder.encode(superjson, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path + query)).headers(headers).GET());
    }

    /** GET with a raw (already encoded) path and query, byte for byte. */
    public Reply getRaw(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply patch(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Writes the row with that key, whatever the test server's database already holds (the
     * servers are shared between classes): a PATCH of the fields when the row exists, else a create.
     *
     * @param json the row, its key fields included
     */
    public Reply put(String collection, String key, String json) {
        String row = "api/rstore/" + collection + "/" + key;
        return get(row, null).status() == 204 ? post("api/rstore/" + collection, sj(json)) : patch(row, sj(json));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A request with a JSON body ({@code content-type: application/json}) and extra headers. */
    public Reply sendJson(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "content-type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    /**
     * The raw HTTP status line of a GET (the JDK client does not show reason phrases).
     *
     * @param headers extra request headers: name, value, name, value…
     */
    public String statusLine(String pathAndQuery, String... headers) {
        URI uri = uri(pathAndQuery);
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            extra.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\n" + extra + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the protocol's error (PROTOCOL §1.3): the status and the Nitro-style JSON body. */
    public static void assertError(Reply reply, int status, String statusMessage) {
        org.junit.jupiter.api.Assertions.assertEquals(status, reply.status(), reply.toString());
        org.junit.jupiter.api.Assertions.assertTrue(reply.contentType().startsWith("application/json"),
                reply.contentType());
        JsonObject body = reply.object();
        org.junit.jupiter.api.Assertions.assertTrue(body.getBoolean("error"));
        org.junit.jupiter.api.Assertions.assertEquals(status, body.getInt("statusCode"));
        org.junit.jupiter.api.Assertions.assertEquals(statusMessage, body.getString("statusMessage"));
        org.junit.jupiter.api.Assertions.assertEquals(statusMessage, body.getString("message"));
        org.junit.jupiter.api.Assertions.assertTrue(body.getString("url").contains("/api/rstore/"), body.toString());
    }

    /** Wraps a plain JSON value as SuperJSON without annotations. */
    public static String sj(String json) {
        return "{\"json\":" + json + "}";
    }

    public URI uri(String path) {
        return URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("content-type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A REST or {@code _batch} case of the corpus. Columns: name, method, path (relative to
 * {@code api/rstore/}, sent as is), {@code superjson} parameter (URL-encoded here), body, headers
 * ({@code Name: value||Name: value}), status, expected statusMessage. The statusMessage is checked
 * in the protocol's error body (PROTOCOL §1.3); {@value #BELOW} instead means the request is refused
 * below Rivulet (Grizzly), where the body cannot be shaped: the status alone is checked. A 200
 * {@code _batch} case lists each operation's outcome instead: {@code ok} or
 * {@code <status> <statusMessage>}, separated by {@code ||}; another 2xx may give its exact body.
 * A body {@code hex:…} is sent as those bytes (e.g. bytes that are not UTF-8).
 */
record RestCase(String name, String method, String path, String query, String body, List<String[]> headers,
        int status, String message) {

    static final String BELOW = "(below Rivulet)";

    /**
     * Texts that must never reach a client: a hidden field as a member of a row, and the values the
     * fixtures put in hidden fields (an error may repeat the name a client sent, as any name).
     */
    static final List<String> SECRETS = List.of("\"passwordHash\":", "kept on the server", CorpusIT.PASSWORD_HASH);

    static RestCase of(CorpusText.Line line, Map<String, String> fixtures) {
        List<String[]> headers = new ArrayList<>();
        for (String header : CorpusText.items(line.column(5, fixtures))) {
            int colon = header.indexOf(':');
            headers.add(new String[] {header.substring(0, colon), header.substring(colon + 1).trim()});
        }
        String status = line.column(6, fixtures);
        return new RestCase(line.where() + " " + line.columns()[0], line.column(1, fixtures), line.column(2, fixtures),
                line.column(3, fixtures), line.column(4, fixtures), headers, Integer.parseInt(status),
                line.column(7, fixtures));
    }

    RawHttp.Reply send(RawHttp http) {
        String target = "api/rstore/" + (path == null ? "" : path)
                + (query == null ? "" : "?superjson=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        List<String[]> all = new ArrayList<>(headers);
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("content-type"))) {
            all.add(0, new String[] {"content-type", "application/json"});
        }
        return http.send(method, target, all, body == null ? null
                : body.startsWith("hex:") ? java.util.HexFormat.of().parseHex(body.substring(4))
                : body.getBytes(StandardCharsets.UTF_8));
    }

    /** What every answer must be, and this case's expected status and message. */
    void check(RawHttp.Reply reply) {
        assertTrue(reply.status() < 500, () -> "a 5xx: " + reply);
        for (String secret : SECRETS) {
            assertTrue(!reply.body().contains(secret), () -> "leaked " + secret + ": " + reply);
        }
        assertTrue(reply.reason().length() <= 256, () -> "a status line of " + reply.reason().length() + " characters");
        assertEquals(status, reply.status(), reply::toString);
        if (BELOW.equals(message)) {
            return;
        }
        if (status >= 400) {
            assertTrue(reply.contentType().startsWith("application/json"), () -> "content type of " + reply);
            JsonObject error = parse(reply.body()).asJsonObject();
            assertEquals(message, error.getString("statusMessage", null), reply::toString);
            assertEquals(message, error.getString("message", null), reply::toString);
            assertEquals(status, error.getInt("statusCode", 0), reply::toString);
            assertTrue(error.getBoolean("error", false), reply::toString);
        } else if (message != null && "_batch".equals(path)) {
            assertEquals(CorpusText.items(message), outcomes(reply.body()), reply::toString);
        } else if (message != null) {
            assertEquals(message, reply.body());
        }
    }

    /** Each operation's outcome in a {@code _batch} answer: {@code ok} or {@code <status> <statusMessage>}. */
    private static List<String> outcomes(String body) {
        List<String> outcomes = new ArrayList<>();
        for (JsonValue result : parse(body).asJsonObject().getJsonObject("json").getJsonArray("results")) {
            JsonObject envelope = result.asJsonObject();
            outcomes.add(envelope.getBoolean("ok") ? "ok"
                    : envelope.getInt("statusCode", 0) + " " + envelope.getString("statusMessage", "?"));
        }
        return outcomes;
    }

    private static JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

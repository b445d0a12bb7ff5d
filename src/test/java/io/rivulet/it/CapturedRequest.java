package io.rivulet.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of the real rstore client's captured traffic ({@code spec/captures}), replayed
 * as it was sent: method, path, the {@code superjson} parameter, headers and body.
 */
record CapturedRequest(String method, String path, String superjson, JsonObject headers, String body) {

    private static final Pattern LINE = Pattern.compile("^(GET|POST|PATCH|DELETE) (\\S+) (\\{.*?}) (\\{.*})$");

    /** The requests of a capture file, in order. */
    static List<CapturedRequest> load(String resource) {
        List<CapturedRequest> requests = new ArrayList<>();
        for (String line : lines(resource)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                JsonObject query = parse(m.group(3));
                String superjson = query.containsKey("superjson") ? query.getString("superjson") : null;
                requests.add(new CapturedRequest(m.group(1), m.group(2), superjson, parse(m.group(4)), null));
            } else if (line.startsWith("   body: ") && !requests.isEmpty()) {
                CapturedRequest last = requests.remove(requests.size() - 1);
                requests.add(new CapturedRequest(last.method, last.path, last.superjson, last.headers,
                        line.substring("   body: ".length())));
            }
        }
        return requests;
    }

    static List<String> lines(String resource) {
        try (InputStream in = CapturedRequest.class.getResourceAsStream("/captures/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RstoreClient.Reply replay(RstoreClient client) {
        String query = superjson == null ? "" : "?superjson=" + URLEncoder.encode(superjson, StandardCharsets.UTF_8);
        List<String> headerList = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (!"content-length".equals(name) && !"host".equals(name)) {
                headerList.add(name);
                headerList.add(((jakarta.json.JsonString) value).getString());
            }
        });
        return client.send(method, path + query, body, headerList.toArray(String[]::new));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

package io.rivulet.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The captured SuperJSON payloads in {@code src/test/resources/superjson/samples.txt}, by name. */
final class Samples {

    private static final Map<String, String> ALL = load();

    private Samples() {
    }

    static String get(String name) {
        String text = ALL.get(name);
        if (text == null) {
            throw new IllegalArgumentException("No sample named " + name);
        }
        return text;
    }

    static Map<String, String> all() {
        return ALL;
    }

    private static Map<String, String> load() {
        Map<String, String> samples = new LinkedHashMap<>();
        try (InputStream in = Samples.class.getResourceAsStream("/superjson/samples.txt")) {
            if (in == null) {
                throw new IllegalStateException("superjson/samples.txt is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                samples.put(line.substring(0, space), line.substring(space + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(samples);
    }
}

package io.rivulet.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The text of the hostile-input corpus ({@code src/test/resources/corpus/*.tsv}): one case a line,
 * tab-separated columns, {@code #} starts a comment line. Columns are literal text except for a
 * few expansions between guillemets, so that a 1 MB body is still one short line:
 * <ul>
 * <li>{@code «user»}, {@code «team»}, {@code «post»}, {@code «todo»}: ids of the rows the run
 * creates first;
 * <li>{@code «repeat N TEXT»}: TEXT N times; {@code «list N TEXT»}: N times, comma-separated;
 * {@code «seq A B»}: the numbers A to B, comma-separated;
 * {@code «frames N TEXT»}: N WebSocket frames, {@code @i@} in TEXT replaced by 0…N-1;
 * <li>{@code «u+XXXX»}: the UTF-16 unit XXXX (e.g. a lone surrogate, a NUL).
 * </ul>
 */
final class CorpusText {

    /** Separates the frames of a WebSocket case, the headers of a request, the results of a batch. */
    static final String ITEMS = "||";

    private CorpusText() {
    }

    /** The case lines of a resource: its columns, unexpanded, with the line number. */
    static List<Line> lines(String resource) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = CorpusText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String text; (text = reader.readLine()) != null;) {
                number++;
                if (!text.isBlank() && !text.startsWith("#")) {
                    lines.add(new Line(resource + ":" + number, text.split("\t", -1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** One case line. */
    record Line(String where, String[] columns) {
        /** A column, expanded; null when empty. */
        String column(int index, Map<String, String> fixtures) {
            if (index >= columns.length) {
                throw new IllegalStateException(where + ": column " + (index + 1) + " missing");
            }
            return columns[index].isEmpty() ? null : expand(columns[index], fixtures);
        }
    }

    static String expand(String text, Map<String, String> fixtures) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int open; (open = text.indexOf('«', at)) >= 0;) {
            int close = text.indexOf('»', open);
            out.append(text, at, open).append(macro(text.substring(open + 1, close), fixtures));
            at = close + 1;
        }
        return out.append(text.substring(at)).toString();
    }

    private static String macro(String macro, Map<String, String> fixtures) {
        String[] parts = macro.split(" ", 3);
        return switch (parts[0]) {
            case "repeat" -> parts[2].repeat(Integer.parseInt(parts[1]));
            case "list" -> String.join(",", java.util.Collections.nCopies(Integer.parseInt(parts[1]), parts[2]));
            case "seq" -> IntStream.rangeClosed(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
                    .mapToObj(Integer::toString).collect(Collectors.joining(","));
            case "frames" -> IntStream.range(0, Integer.parseInt(parts[1]))
                    .mapToObj(i -> parts[2].replace("@i@", Integer.toString(i))).collect(Collectors.joining(ITEMS));
            default -> {
                if (macro.startsWith("u+")) {
                    yield String.valueOf((char) Integer.parseInt(macro.substring(2), 16));
                }
                String fixture = fixtures.get(macro);
                if (fixture == null) {
                    throw new IllegalStateException("unknown corpus expansion «" + macro + "»");
                }
                yield fixture;
            }
        };
    }

    /** The items of a column: split at {@link #ITEMS}; none when the column is null. */
    static List<String> items(String column) {
        return column == null ? List.of() : List.of(column.split(java.util.regex.Pattern.quote(ITEMS), -1));
    }
}

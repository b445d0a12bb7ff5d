package io.rivulet.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The dotted paths of SuperJSON {@code meta} ({@code where.conditions.1.value}), ported from
 * superjson's {@code pathstringifier.ts}. From {@code meta.v: 1} on, a literal {@code .} in a key
 * is written {@code \.} and a literal {@code \} is written {@code \\}; older payloads (no
 * {@code v}) only escape the dot, so a backslash not followed by a dot is literal there.
 */
final class SuperJsonPath {

    /** Longest path shown in an error message; the rest is cut, the text comes from the client. */
    private static final int MAX_SHOWN = 120;

    private SuperJsonPath() {
    }

    /** Splits a path into its segments (keys and array indexes, unescaped). */
    static List<String> parse(String path, boolean legacyEscaping) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                segments.add(segment.toString());
                segment.setLength(0);
            } else if (c == '\\') {
                char next = i + 1 < path.length() ? path.charAt(i + 1) : 0;
                if (next == '.' || (next == '\\' && !legacyEscaping)) {
                    segment.append(next);
                    i++;
                } else if (legacyEscaping) {
                    segment.append(c);
                } else {
                    throw new SuperJsonException("Invalid escape in meta path " + shorten(path));
                }
            } else {
                segment.append(c);
            }
        }
        segments.add(segment.toString());
        return segments;
    }

    /** Escapes one key so that {@link #parse} with v1 escaping gives it back as one segment. */
    static String escape(String key) {
        return key.replace("\\", "\\\\").replace(".", "\\.");
    }

    /** Joins segments into a v1 path, the inverse of {@link #parse}. */
    static String format(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            // by position, not by "out is empty": empty keys are segments too
            out.append(i == 0 ? "" : ".").append(escape(segments.get(i)));
        }
        return out.toString();
    }

    /** A path for error messages: escaped, cut when long, {@code <root>} when empty. */
    static String describe(List<String> segments) {
        return segments.isEmpty() ? "<root>" : shorten(format(segments));
    }

    /**
     * @return the array index a segment names, or -1 unless it is written the way JavaScript writes
     *     an index ({@code 0}, {@code 12}; no sign, no leading zero) and is below {@code size}
     */
    static int index(String segment, int size) {
        int length = segment.length();
        if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < size ? value : -1;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? "'" + text + "'" : "'" + text.substring(0, MAX_SHOWN) + "...'";
    }
}

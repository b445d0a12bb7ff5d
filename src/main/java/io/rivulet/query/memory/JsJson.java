package io.rivulet.query.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code JSON.stringify} for the plain Java values of {@link JsValues}. */
final class JsJson {

    private JsJson() {
    }

    /** @return the JSON text, or {@code null} where JS returns {@code undefined} */
    static String stringify(Object v) {
        return switch (JsValues.typeOf(v)) {
            case UNDEFINED -> null;
            case NULL -> "null";
            case BOOLEAN -> v.toString();
            case NUMBER -> {
                double d = JsValues.number(v);
                yield Double.isFinite(d) ? JsNumbers.format(d) : "null";
            }
            case STRING -> quote(v.toString());
            case DATE -> {
                double time = IsoDates.timeValue((Instant) v);
                yield Double.isNaN(time) ? "null" : quote(IsoDates.toIsoString((long) time));
            }
            case ARRAY -> array((List<?>) v);
            case OBJECT -> object((Map<?, ?>) v);
        };
    }

    private static String array(List<?> list) {
        List<String> parts = new ArrayList<>(list.size());
        for (Object element : list) {
            String json = stringify(element);
            parts.add(json == null ? "null" : json);
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** Own keys in JS order: array-index keys ascending, then the others in insertion order. */
    private static String object(Map<?, ?> map) {
        TreeMap<Long, String> indexed = new TreeMap<>();
        List<String> named = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String json = stringify(entry.getValue());
            if (json == null) {
                continue;
            }
            String member = quote(key) + ":" + json;
            Long index = arrayIndex(key);
            if (index != null) {
                indexed.put(index, member);
            } else {
                named.add(member);
            }
        }
        List<String> members = new ArrayList<>(indexed.values());
        members.addAll(named);
        return "{" + String.join(",", members) + "}";
    }

    private static Long arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || !key.chars().allMatch(c -> c >= '0' && c <= '9')
                || (key.length() > 1 && key.charAt(0) == '0')) {
            return null;
        }
        long index = Long.parseLong(key);
        return index < 4_294_967_295L ? index : null;
    }

    /** QuoteJSONString: escapes quote, backslash, control characters and lone surrogates. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}

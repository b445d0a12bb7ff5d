package io.rivulet.schema;

/**
 * Whether Java text is well-formed UTF-16. A lone surrogate has no UTF-8 form: a JDBC driver
 * writes it as {@code ?}, and a UTF-8 encoder of a WebSocket frame fails on it, so it is refused
 * at the edge rather than stored changed.
 */
final class Utf16 {

    private Utf16() {
    }

    static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

package io.rivulet.query.memory;

import io.rivulet.Errors;
import io.rivulet.query.InvalidConditionException;
import java.util.Locale;

/**
 * SQL {@code LIKE} as the rstore client's {@code likeMatch(pattern, value, ci)} evaluates it
 * ({@code src/runtime/utils/like.ts}): {@code %} matches any run of characters (also none),
 * {@code _} exactly one UTF-16 code unit, every other character is a literal (there is <b>no</b>
 * escape character, so {@code 100\%} does not match {@code 100%}), and the whole string must match.
 * It is a two-pointer scan that backtracks to the last {@code %}, never a regular expression, so
 * it costs at most {@code O(pattern × text)}.
 *
 * <p>In the scan a pattern {@code %} is always a wildcard, as PROTOCOL.md 3.3 specifies (the
 * published rstore source tests for a literal match before {@code %}, which makes
 * {@code '50%'} fail on {@code '50% off'}; this class does not copy that).
 */
public final class LikeMatcher {

    /** The longest pattern accepted, in UTF-16 code units. */
    public static final int MAX_PATTERN_LENGTH = 512;

    private LikeMatcher() {
    }

    /**
     * {@code likeMatch}: the pattern is {@code String(pattern)}; a {@code null} or
     * {@link JsValues#UNDEFINED} value never matches; any other value is matched as
     * {@code String(value)}; with {@code caseInsensitive} both sides are lower-cased first.
     *
     * @throws InvalidConditionException when the pattern is longer than {@value #MAX_PATTERN_LENGTH}
     *         characters (checked before anything else, as in the client)
     */
    public static boolean likeMatch(Object pattern, Object value, boolean caseInsensitive) {
        String p = JsValues.toJsString(pattern);
        if (p.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidConditionException(Errors.Texts.likePatternTooLong(MAX_PATTERN_LENGTH));
        }
        if (JsValues.isNullish(value)) {
            return false;
        }
        String text = JsValues.toJsString(value);
        if (caseInsensitive) {
            p = p.toLowerCase(Locale.ROOT);
            text = text.toLowerCase(Locale.ROOT);
        }
        return matches(p, text);
    }

    /** The anchored, case-sensitive match of {@code text} against {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        int pi = 0;
        int ti = 0;
        int starPi = -1;
        int starTi = -1;
        while (ti < text.length()) {
            if (pi < pattern.length() && pattern.charAt(pi) == '%') {
                starPi = pi++;
                starTi = ti;
            } else if (pi < pattern.length() && (pattern.charAt(pi) == '_' || pattern.charAt(pi) == text.charAt(ti))) {
                pi++;
                ti++;
            } else if (starPi != -1) {
                pi = starPi + 1;
                ti = ++starTi;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '%') {
            pi++;
        }
        return pi == pattern.length();
    }
}

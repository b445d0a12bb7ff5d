package io.rivulet.query;

import io.rivulet.Errors;
import java.util.Optional;

/**
 * A {@code like} pattern as the SQL back ends send it. On the wire a backslash escapes the next
 * character ({@code 100\%} is the text {@code 100%}), as the default of PostgreSQL, H2 and MariaDB
 * has it. A statement cannot say so portably: MariaDB reads {@code ESCAPE '\'} as an unterminated
 * string (a backslash escapes inside its string literals), the standard needs the clause to keep
 * the escape once it is said explicitly (Hibernate renders a LIKE without one as
 * {@code escape ''} on H2). So a pattern with a backslash is rewritten to escape with
 * {@link #ESCAPE}, which no database reads specially inside a literal; a pattern without one goes
 * unchanged and without an {@code ESCAPE} clause.
 */
public final class LikePattern {

    /** The escape character of a rewritten pattern. */
    public static final char ESCAPE = '!';

    private LikePattern() {
    }

    /**
     * The pattern to bind when the statement says {@code ESCAPE '!'}, or empty when the pattern
     * has no backslash (bind it unchanged, without an ESCAPE clause).
     *
     * @throws InvalidConditionException a pattern that ends with a lone backslash (PostgreSQL
     *         refuses it; the others disagree on what it means)
     */
    public static Optional<String> escaped(String pattern, String field) {
        if (pattern.indexOf('\\') < 0) {
            return Optional.empty();
        }
        StringBuilder rewritten = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (++i == pattern.length()) {
                    throw new InvalidConditionException(Errors.Texts.invalidFieldValue(field));
                }
                rewritten.append(ESCAPE).append(pattern.charAt(i));
            } else if (c == ESCAPE) {
                rewritten.append(ESCAPE).append(ESCAPE);
            } else {
                rewritten.append(c);
            }
        }
        return Optional.of(rewritten.toString());
    }
}

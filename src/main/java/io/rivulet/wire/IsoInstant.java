package io.rivulet.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * ISO-8601 instants the way JavaScript writes them ({@code Date.prototype.toISOString()}), since
 * that is the form the rstore client sends and expects.
 */
public final class IsoInstant {

    private IsoInstant() {
    }

    /**
     * Formats like {@code toISOString()}: UTC, exactly three fraction digits, {@code Z}, e.g.
     * {@code 2025-01-01T00:00:00.000Z}. Sub-millisecond precision is truncated (JS dates have
     * none). Years outside 0000-9999 get a sign and at least six digits ({@code +275760-...}),
     * as in JavaScript.
     *
     * @throws DateTimeException if the instant is beyond the years +/-999,999,999
     */
    public static String format(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(30);
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            pad(out, year, 4);
        } else {
            out.append(year < 0 ? '-' : '+');
            pad(out, Math.abs(year), 6);
        }
        out.append('-');
        pad(out, t.getMonthValue(), 2);
        out.append('-');
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        out.append('.');
        pad(out, t.getNano() / 1_000_000, 3);
        return out.append('Z').toString();
    }

    /**
     * Parses an ISO-8601 date-time with an offset: {@code 2025-01-01T00:00:00Z},
     * {@code 2025-01-01T00:00:00.000Z}, {@code 2025-01-01T00:00:00+02:00}, and the signed
     * six-digit years JavaScript writes. Date-only and offset-less texts are rejected because their
     * instant would depend on a time zone.
     *
     * @throws DateTimeParseException if the text is not such a date-time
     */
    public static Instant parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}

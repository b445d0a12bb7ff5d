package io.rivulet.query.memory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JS {@code Date} behaviour for {@link Instant}: time values, ISO strings, {@code toString()}. */
final class IsoDates {

    /** The {@code Date.prototype.toISOString()} shape, including the six-digit expanded years. */
    private static final Pattern JS_ISO = Pattern.compile(
            "([+-]\\d{6}|\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})Z");
    private static final long MAX_TIME = 8_640_000_000_000_000L;
    private static final long MS_PER_DAY = 86_400_000L;

    private IsoDates() {
    }

    /** The JS time value (epoch milliseconds), or NaN outside the ±8.64e15 ms range of a Date. */
    static double timeValue(Instant instant) {
        if (Math.abs(instant.getEpochSecond()) > MAX_TIME / 1000) {
            return Double.NaN;
        }
        long millis = instant.toEpochMilli();
        return Math.abs(millis) > MAX_TIME ? Double.NaN : millis;
    }

    /**
     * {@code new Date(s)} for a string in exactly the {@code toISOString()} shape, as Node (V8)
     * reads it: a day up to 31 rolls over into the next month ({@code 2024-02-30} is March 1st),
     * hour 24 is allowed when the rest is zero.
     *
     * @return the instant, or {@code null} when the string has another shape or is an Invalid Date
     */
    static Instant parseJsIsoString(String s) {
        Matcher m = JS_ISO.matcher(s);
        if (!m.matches() || "-000000".equals(m.group(1))) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        int milli = Integer.parseInt(m.group(7));
        boolean badTime = hour > 24 || minute > 59 || second > 59
                || (hour == 24 && (minute != 0 || second != 0 || milli != 0));
        if (month < 1 || month > 12 || day < 1 || day > 31 || badTime) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
        long millis = epochDay * MS_PER_DAY + hour * 3_600_000L + minute * 60_000L + second * 1000L + milli;
        return Math.abs(millis) > MAX_TIME ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Any ISO-8601 instant: the {@code toISOString()} shape, or a date-time with an offset
     * ({@code 2024-01-02T00:00:00Z}, {@code 2024-01-02T01:00:00.5+01:00}).
     *
     * @return the instant, or {@code null} when the string is not one
     */
    static Instant parseIsoInstant(String s) {
        Instant js = parseJsIsoString(s);
        if (js != null) {
            return js;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code Date.prototype.toISOString()} of a valid time value. */
    static String toIsoString(long millis) {
        OffsetDateTime t = Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
        int year = t.getYear();
        String y = year >= 0 && year <= 9999 ? String.format(Locale.ROOT, "%04d", year)
                : (year < 0 ? "-" : "+") + String.format(Locale.ROOT, "%06d", Math.abs(year));
        return String.format(Locale.ROOT, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    /** {@code Date.prototype.toString()} as in a process whose time zone is UTC. */
    static String toDateString(Instant instant) {
        double time = timeValue(instant);
        if (Double.isNaN(time)) {
            return "Invalid Date";
        }
        OffsetDateTime t = Instant.ofEpochMilli((long) time).atOffset(ZoneOffset.UTC);
        DayOfWeek weekday = t.getDayOfWeek();
        int year = t.getYear();
        return String.format(Locale.ROOT, "%s %s %02d %s%04d %02d:%02d:%02d GMT+0000 (Coordinated Universal Time)",
                weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), t.getDayOfMonth(),
                year < 0 ? "-" : "", Math.abs(year), t.getHour(), t.getMinute(), t.getSecond());
    }
}

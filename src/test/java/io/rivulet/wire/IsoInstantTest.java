package io.rivulet.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    /** Expected texts are what {@code new Date(millis).toISOString()} prints in Node. */
    @ParameterizedTest
    @CsvSource({
        "0, 1970-01-01T00:00:00.000Z",
        "1735689600000, 2025-01-01T00:00:00.000Z",
        "1700000000123, 2023-11-14T22:13:20.123Z",
        "-1, 1969-12-31T23:59:59.999Z",
        "-62167219200000, 0000-01-01T00:00:00.000Z",
        "-62198755200000, -000001-01-01T00:00:00.000Z",
        "253402300799999, 9999-12-31T23:59:59.999Z",
        "253402300800000, +010000-01-01T00:00:00.000Z",
        "8640000000000000, +275760-09-13T00:00:00.000Z",
        "-8640000000000000, -271821-04-20T00:00:00.000Z"})
    void formatsLikeToIsoString(long millis, String expected) {
        assertEquals(expected, IsoInstant.format(Instant.ofEpochMilli(millis)));
        assertEquals(Instant.ofEpochMilli(millis), IsoInstant.parse(expected));
    }

    @Test
    void formatTruncatesToMillis() {
        assertEquals("2025-01-01T00:00:00.999Z", IsoInstant.format(Instant.parse("2025-01-01T00:00:00.999999999Z")));
        assertEquals("1969-12-31T23:59:59.999Z", IsoInstant.format(Instant.ofEpochSecond(-1, 999_999_999)));
    }

    @Test
    void formatRejectsInstantsBeyondLocalDateTime() {
        assertThrows(DateTimeException.class, () -> IsoInstant.format(Instant.MAX));
        assertThrows(NullPointerException.class, () -> IsoInstant.format(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z", "2025-01-01T02:00:00+02:00",
        "2024-12-31T19:30:00-04:30", "2025-01-01T00:00Z", "2025-01-01T00:00:00.000000000Z", "2025-01-01T00:00:00+00:00"})
    void parsesOffsetDateTimes(String text) {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), IsoInstant.parse(text));
    }

    @Test
    void parseKeepsNanos() {
        assertEquals(Instant.ofEpochSecond(1_735_689_600L, 123_456_789), IsoInstant.parse("2025-01-01T00:00:00.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "2025-01-01", "2025-01-01T00:00:00", "2025-01-01 00:00:00Z", "2025-13-01T00:00:00Z",
        "2025-02-30T00:00:00Z", "2025-01-01T24:00:01Z", "1735689600000", "2025-01-01T00:00:00.000Z ", "Wed, 01 Jan 2025"})
    void rejectsOtherTexts(String text) {
        assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text));
    }

    @Test
    void roundTripsRandomJavaScriptDates() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong() % 8_640_000_000_000_000L);
            assertEquals(instant, IsoInstant.parse(IsoInstant.format(instant)));
        }
    }
}

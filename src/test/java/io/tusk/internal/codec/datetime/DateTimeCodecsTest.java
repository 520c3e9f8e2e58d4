package io.tusk.internal.codec.datetime;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DateTimeCodecsTest {
    private final Codec date = codec("date");
    private final Codec time = codec("time");
    private final Codec timetz = codec("timetz");
    private final Codec timestamp = codec("timestamp");
    private final Codec timestamptz = codec("timestamptz");

    @Test
    void dateCountsDaysFrom2000WithSentinelInfinities() throws SQLException {
        assertArrayEquals(BigEndian.ofInt(0), date.encodeBinary(LocalDate.of(2000, 1, 1)));
        assertArrayEquals(BigEndian.ofInt(-1), date.encodeBinary(LocalDate.of(1999, 12, 31)));
        assertArrayEquals(BigEndian.ofInt(Integer.MAX_VALUE), date.encodeBinary(LocalDate.MAX));
        assertArrayEquals(BigEndian.ofInt(Integer.MIN_VALUE), date.encodeBinary(LocalDate.MIN));
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), text(date::decodeLocalDateTime, "2024-01-02"));
        assertEquals(LocalDateTime.MAX, text(date::decodeLocalDateTime, "infinity"));
        assertSqlState("22008", "date out of range", () -> date.encodeBinary(LocalDate.of(-4713, 11, 23)));
        assertSqlState("22008", "date out of range", () -> date.encodeBinary(LocalDate.of(5874898, 1, 1)));
        assertSqlState("42804", "cannot convert date to java.time.OffsetDateTime", () -> text(date::decodeOffsetDateTime, "2024-01-02"));
    }

    @Test
    void timeRoundsNanosecondsAndKeeps24h() throws SQLException {
        assertArrayEquals(BigEndian.ofLong(1), time.encodeBinary(LocalTime.ofNanoOfDay(500)));
        assertArrayEquals(BigEndian.ofLong(0), time.encodeBinary(LocalTime.ofNanoOfDay(499)));
        assertArrayEquals(BigEndian.ofLong(86_400_000_000L), time.encodeBinary(LocalTime.of(23, 59, 59, 999_999_500)));
        assertEquals("24:00:00", time.encodeText(LocalTime.MAX));
        assertEquals(LocalTime.MAX, text(time::decodeLocalTime, "24:00:00"));
        assertSqlState("22P03", "invalid binary time value", () -> binary(time::decodeLocalTime, BigEndian.ofLong(-1)));
        assertSqlState("22P02", "invalid input syntax for time: \"24:00:01\"", () -> text(time::decodeLocalTime, "24:00:01"));
        assertSqlState("22P02", null, () -> text(time::decodeLocalTime, "12:60:00"));
    }

    @Test
    void timetzZoneIsSecondsWestOfUtc() throws SQLException {
        byte[] wire = timetz.encodeBinary(OffsetTime.of(3, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals(3 * 3_600_000_000L, BigEndian.getLong(wire, 0));
        assertEquals(-19_800, BigEndian.getInt(wire, 8), "+05:30 is 19800 seconds east, so -19800 west");
        assertEquals(LocalTime.of(3, 0), binary(timetz::decodeLocalTime, wire));
        OffsetTime far = OffsetTime.of(1, 0, 0, 0, ZoneOffset.ofHours(16));
        assertFalse(timetz.canEncode(far));
        assertSqlState("22009", "time zone displacement out of range: +16:00", () -> timetz.encodeBinary(far));
    }

    @Test
    void timestampCountsMicrosecondsFrom2000() throws SQLException {
        assertArrayEquals(BigEndian.ofLong(0), timestamp.encodeBinary(LocalDateTime.of(2000, 1, 1, 0, 0)));
        assertArrayEquals(BigEndian.ofLong(-1), timestamp.encodeBinary(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)));
        assertArrayEquals(BigEndian.ofLong(2), timestamp.encodeBinary(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1_500)));
        assertArrayEquals(BigEndian.ofLong(86_400_000_000L), timestamp.encodeBinary(LocalDate.of(2000, 1, 2)));
        assertArrayEquals(BigEndian.ofLong(Long.MAX_VALUE), timestamp.encodeBinary(LocalDate.MAX));
        byte[] wire = timestamp.encodeBinary(LocalDateTime.of(-43, 3, 15, 12, 30));
        assertEquals(LocalDate.of(-43, 3, 15), binary(timestamp::decodeLocalDate, wire));
        assertEquals(LocalTime.of(12, 30), binary(timestamp::decodeLocalTime, wire));
        assertEquals(LocalDate.MAX, text(timestamp::decodeLocalDate, "infinity"));
        assertSqlState("22008", "timestamp out of range", () -> timestamp.encodeBinary(LocalDateTime.of(294277, 1, 1, 0, 0)));
        assertSqlState("22008", "timestamp out of range", () -> timestamp.encodeBinary(LocalDateTime.of(-4713, 11, 23, 23, 59)));
        assertSqlState("22008", "timestamp out of range", () -> timestamp.encodeBinary(LocalDateTime.of(999_999, 1, 1, 0, 0)));
        assertSqlState("42804", "cannot convert timestamp to java.time.Instant",
                () -> timestamp.decode(Instant.class, wire, 0, 8, true));
        assertSqlState("42804", "cannot convert timestamp to java.time.OffsetDateTime",
                () -> binary(timestamp::decodeOffsetDateTime, wire));
    }

    @Test
    void timestamptzIsAnInstantReadAtUtc() throws SQLException {
        Instant instant = Instant.parse("2024-01-02T03:04:05.5Z");
        byte[] wire = timestamptz.encodeBinary(instant);
        assertArrayEquals(wire, timestamptz.encodeBinary(OffsetDateTime.of(2024, 1, 2, 8, 34, 5, 500_000_000,
                ZoneOffset.ofHoursMinutes(5, 30))));
        assertArrayEquals(wire, timestamptz.encodeBinary(instant.atZone(ZoneId.of("America/New_York"))));
        assertEquals(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), binary(timestamptz::decodeOffsetDateTime, wire));
        assertEquals(instant, timestamptz.decode(Instant.class, wire, 0, 8, true));
        assertEquals(instant.atZone(ZoneOffset.UTC), timestamptz.decode(ZonedDateTime.class, wire, 0, 8, true));
        assertEquals("2024-01-02 03:04:05.5+00", binary(timestamptz::decodeString, wire), "printed in UTC");
        assertArrayEquals(BigEndian.ofLong(Long.MAX_VALUE), timestamptz.encodeBinary(Instant.MAX));
        assertEquals(Instant.MIN, timestamptz.decode(Instant.class, BigEndian.ofLong(Long.MIN_VALUE), 0, 8, true));
        assertSqlState("42804", "cannot convert timestamptz to java.time.LocalDateTime",
                () -> binary(timestamptz::decodeLocalDateTime, wire));
        assertSqlState("42804", "cannot convert java.time.LocalDateTime to timestamptz",
                () -> timestamptz.encodeBinary(LocalDateTime.now()));
    }

    @Test
    void timestamptzTextOffsetsAreParsedThenNormalizedToUtc() throws SQLException {
        OffsetDateTime expected = OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 500_000_000, ZoneOffset.UTC);
        assertEquals(expected, text(timestamptz::decodeOffsetDateTime, "2024-01-02 03:04:05.5+05:30"));
        assertEquals(OffsetDateTime.of(1899, 12, 31, 22, 25, 52, 0, ZoneOffset.UTC),
                text(timestamptz::decodeOffsetDateTime, "1900-01-01 00:00:00+01:34:08"));
        assertEquals(OffsetDateTime.of(-43, 3, 15, 11, 40, 28, 0, ZoneOffset.UTC),
                text(timestamptz::decodeOffsetDateTime, "0044-03-15 12:00:00+00:19:32 BC"));
        assertEquals(OffsetDateTime.of(2024, 7, 1, 14, 30, 0, 0, ZoneOffset.UTC),
                text(timestamptz::decodeOffsetDateTime, "2024-07-01 12:00:00-02:30"));
        assertEquals(OffsetDateTime.MAX, text(timestamptz::decodeOffsetDateTime, "infinity"));
        assertSqlState("22P02", "invalid input syntax for timestamptz", () -> text(timestamptz::decodeObject, "2024-01-02 03:04:05"));
    }

    @Test
    void parserAcceptsServerOutputAndLittleElse() throws SQLException {
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
                IsoDateParser.parseTimestamp("2024-01-02T03:04:05.123456789"));
        assertEquals(LocalDateTime.of(12345, 1, 2, 0, 0), IsoDateParser.parseTimestamp("12345-01-02 00:00:00"));
        for (String bad : new String[] {"2024-13-01 00:00:00", "2024-02-30 00:00:00", "2024-01-02 25:00:00",
                "2024-1-2 00:00:00", "2024-01-02 00:00:00 AD", "2024-01-02 00:00:00.", "01/02/2024"}) {
            assertSqlState("22P02", "invalid input syntax for timestamp", () -> IsoDateParser.parseTimestamp(bad));
        }
        assertSqlState("22P02", null, () -> IsoDateParser.parseTimeTz("03:04:05+25"));
        assertSqlState("22P02", null, () -> IsoDateParser.parseTimeTz("03:04:05"));
    }
}

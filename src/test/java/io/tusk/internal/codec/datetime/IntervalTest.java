package io.tusk.internal.codec.datetime;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.codec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import io.tusk.internal.codec.Codec;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** io.tusk.Interval (the public value class) and its codec. */
class IntervalTest {
    private final Codec interval = codec("interval");

    @Test
    void parsesEveryOutputStyle() {
        Interval expected = new Interval(-14, 3, -14_706_700_000L);
        assertEquals(expected, Interval.parse("-1 years -2 mons +3 days -04:05:06.7"));
        assertEquals(expected, Interval.parse("@ 1 year 2 mons -3 days 4 hours 5 mins 6.7 secs ago"));
        assertEquals(expected, Interval.parse("P-1Y-2M3DT-4H-5M-6.7S"));
        assertEquals(expected, Interval.parse("-1-2 +3 -4:05:06.7"));
        assertEquals(Interval.ZERO, Interval.parse("@ 0"));
        assertEquals(Interval.ZERO, Interval.parse("PT0S"));
        assertEquals(new Interval(0, 1, -1_000_000), Interval.parse("P1DT-1S"));
        assertEquals(new Interval(0, 14, 0), Interval.parse("P2W"));
        assertEquals(new Interval(0, 0, 5_400_000_000L), Interval.parse(Duration.ofMinutes(90).toString()));
        assertEquals(new Interval(14, 3, 0), Interval.parse(Period.of(1, 2, 3).toString()));
        assertEquals(new Interval(0, 0, 5_400_000_000L), Interval.parse("1.5 hours"));
        assertEquals(Interval.POSITIVE_INFINITY, Interval.parse("infinity"));
        for (String bad : new String[] {"", "soon", "1 fortnight", "1:2", "P1X", "1.5 days", "1 year 1-2 3:4",
                "-1 -2:03:04", "1-", "1--2", "1 2 3:04:05 6"}) {
            assertThrows(IllegalArgumentException.class, () -> Interval.parse(bad), bad);
        }
    }

    /** sql_standard: one leading sign for a value of one sign and kind, else three signed groups. */
    @Test
    void parsesTheSqlStandardStyle() {
        assertEquals(Interval.ZERO, Interval.parse("0"));
        assertEquals(new Interval(14, 0, 0), Interval.parse("1-2"));
        assertEquals(new Interval(-14, 0, 0), Interval.parse("-1-2"));
        assertEquals(new Interval(0, 3, 14_706_700_000L), Interval.parse("3 4:05:06.7"));
        assertEquals(new Interval(0, -3, -14_706_000_000L), Interval.parse("-3 4:05:06"));
        assertEquals(new Interval(0, 0, -3_723_000_000L), Interval.parse("-1:02:03"));
        assertEquals(new Interval(0, 0, 360_000_000_000L), Interval.parse("100:00:00"));
        assertEquals(new Interval(12, 0, 1), Interval.parse("+1-0 +0 +0:00:00.000001"));
        assertEquals(new Interval(0, 0, Long.MIN_VALUE), Interval.parse("-2562047788:00:54.775808"));
        assertEquals(new Interval(0, 0, Long.MIN_VALUE), Interval.parse("@ 2562047788 hours 54.775808 secs ago"));
    }

    /** Each expected string is what PostgreSQL 18 prints for the value in that style. */
    @Test
    void printsInEveryIntervalStyle() {
        Interval mixed = new Interval(-12, 2, -1_500_000);
        assertEquals("-1 years +2 days -00:00:01.5", IntervalText.format(mixed, IntervalStyle.POSTGRES));
        assertEquals("@ 1 year -2 days 1.5 secs ago", IntervalText.format(mixed, IntervalStyle.POSTGRES_VERBOSE));
        assertEquals("-1-0 +2 -0:00:01.5", IntervalText.format(mixed, IntervalStyle.SQL_STANDARD));
        assertEquals("P-1Y2DT-1.5S", IntervalText.format(mixed, IntervalStyle.ISO_8601));
        Interval dayTime = new Interval(0, -3, -14_706_000_000L);
        assertEquals("-3 days -04:05:06", IntervalText.format(dayTime, IntervalStyle.POSTGRES));
        assertEquals("@ 3 days 4 hours 5 mins 6 secs ago", IntervalText.format(dayTime, IntervalStyle.POSTGRES_VERBOSE));
        assertEquals("-3 4:05:06", IntervalText.format(dayTime, IntervalStyle.SQL_STANDARD));
        assertEquals("P-3DT-4H-5M-6S", IntervalText.format(dayTime, IntervalStyle.ISO_8601));
        assertEquals("@ 0", IntervalText.format(Interval.ZERO, IntervalStyle.POSTGRES_VERBOSE));
        assertEquals("0", IntervalText.format(Interval.ZERO, IntervalStyle.SQL_STANDARD));
        assertEquals("PT0S", IntervalText.format(Interval.ZERO, IntervalStyle.ISO_8601));
        assertEquals("-1-2", IntervalText.format(new Interval(-14, 0, 0), IntervalStyle.SQL_STANDARD));
        assertEquals("@ 0.5 secs ago", IntervalText.format(new Interval(0, 0, -500_000), IntervalStyle.POSTGRES_VERBOSE));
        assertEquals("@ 1 sec", IntervalText.format(new Interval(0, 0, 1_000_000), IntervalStyle.POSTGRES_VERBOSE));
        assertEquals("infinity", IntervalText.format(Interval.POSITIVE_INFINITY, IntervalStyle.SQL_STANDARD));
        assertEquals(IntervalStyle.ISO_8601, IntervalStyle.fromSetting("ISO_8601"));
        assertEquals(IntervalStyle.POSTGRES, IntervalStyle.fromSetting(null), "not reported: the server default");
    }

    @Test
    void printsLikeThePostgresStyle() {
        // each expected string is what PostgreSQL 18 prints for the same value
        assertEquals("00:00:00", Interval.ZERO.toString());
        assertEquals("-1 years", new Interval(-12, 0, 0).toString());
        assertEquals("11 mons", new Interval(11, 0, 0).toString());
        assertEquals("-1 mons +1 day", new Interval(-1, 1, 0).toString());
        assertEquals("1 day -00:00:01", new Interval(0, 1, -1_000_000).toString());
        assertEquals("2562047788:00:54.775807", new Interval(0, 0, Long.MAX_VALUE).toString());
        assertEquals("-infinity", Interval.NEGATIVE_INFINITY.toString());
    }

    @Test
    void javaTimeConversionsAreExactOrRefused() {
        assertEquals(new Interval(0, 0, 2), Interval.of(Duration.ofNanos(1_500)), "rounded half up");
        assertEquals(new Interval(0, 0, -1), Interval.of(Duration.ofNanos(-1_000)));
        assertEquals(new Interval(14, 3, 0), Interval.of(Period.of(1, 2, 3)));
        assertEquals(Duration.ofHours(25), new Interval(0, 1, 3_600_000_000L).toDuration(), "a day is 24 hours");
        assertEquals(Duration.ofNanos(-1_000), new Interval(0, 0, -1).toDuration());
        assertEquals(Period.of(1, 2, 3), new Interval(14, 3, 0).toPeriod());
        assertThrows(ArithmeticException.class, () -> new Interval(1, 0, 0).toDuration());
        assertThrows(ArithmeticException.class, () -> new Interval(0, 0, 1).toPeriod());
        assertThrows(ArithmeticException.class, () -> Interval.POSITIVE_INFINITY.toPeriod());
        assertThrows(ArithmeticException.class, () -> Interval.of(Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(Interval.NEGATIVE_INFINITY.isInfinite());
    }

    @Test
    void wireOrderIsMicrosecondsDaysMonths() throws SQLException {
        byte[] wire = interval.encodeBinary(new Interval(1, 2, 3));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1}, wire);
        assertEquals(Duration.ofDays(2), interval.decode(Duration.class, interval.encodeBinary(Duration.ofDays(2)), 0, 16, true));
        assertEquals(Period.ofMonths(5), interval.decode(Period.class, interval.encodeBinary(Period.ofMonths(5)), 0, 16, true));
        assertEquals("1 mon 2 days 00:00:00.000003", interval.encodeText(new Interval(1, 2, 3)));
    }

    @Test
    void inexactConversionsAre22003() {
        byte[] month = new byte[16];
        month[15] = 1;
        assertSqlState("22003", "value 1 mon out of range for java.time.Duration (expected: no months)",
                () -> interval.decode(Duration.class, month, 0, 16, true));
        byte[] second = new byte[16];
        second[7] = 1;
        assertSqlState("22003", "(expected: no time part)", () -> interval.decode(Period.class, second, 0, 16, true));
        assertSqlState("22003", "out of range for interval", () -> interval.encodeBinary(Period.ofYears(200_000_000)));
        assertSqlState("22P02", "invalid input syntax for interval: \"soon\"",
                () -> interval.decodeObject("soon".getBytes(), 0, 4, false));
        assertSqlState("42804", "cannot convert interval to java.time.LocalTime",
                () -> interval.decodeLocalTime(month, 0, 16, true));
    }
}

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
    void parsesEveryOutputStyleButSqlStandard() {
        Interval expected = new Interval(-14, 3, -14_706_700_000L);
        assertEquals(expected, Interval.parse("-1 years -2 mons +3 days -04:05:06.7"));
        assertEquals(expected, Interval.parse("@ 1 year 2 mons -3 days 4 hours 5 mins 6.7 secs ago"));
        assertEquals(expected, Interval.parse("P-1Y-2M3DT-4H-5M-6.7S"));
        assertEquals(Interval.ZERO, Interval.parse("@ 0"));
        assertEquals(Interval.ZERO, Interval.parse("PT0S"));
        assertEquals(new Interval(0, 1, -1_000_000), Interval.parse("P1DT-1S"));
        assertEquals(new Interval(0, 14, 0), Interval.parse("P2W"));
        assertEquals(new Interval(0, 0, 5_400_000_000L), Interval.parse(Duration.ofMinutes(90).toString()));
        assertEquals(new Interval(14, 3, 0), Interval.parse(Period.of(1, 2, 3).toString()));
        assertEquals(new Interval(0, 0, 5_400_000_000L), Interval.parse("1.5 hours"));
        assertEquals(Interval.POSITIVE_INFINITY, Interval.parse("infinity"));
        for (String bad : new String[] {"", "soon", "1 fortnight", "1:2", "P1X", "1.5 days", "1 year 1-2 3:4"}) {
            assertThrows(IllegalArgumentException.class, () -> Interval.parse(bad), bad);
        }
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

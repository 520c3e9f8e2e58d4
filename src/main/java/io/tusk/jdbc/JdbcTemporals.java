package io.tusk.jdbc;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Turns the java.time values codecs decode into {@code java.sql.Date/Time/Timestamp}, which are
 * instants: a value without a time zone is read as wall-clock time in the JVM's default zone, or in
 * the zone of the {@link Calendar} the caller passes, as JDBC specifies; a value with a time zone
 * is its instant whatever the calendar says.
 *
 * <p>Wall-clock fields are laid out with a {@link GregorianCalendar}, as {@code Timestamp.valueOf}
 * does, so dates before the 1582 reform print the same day through {@code toString()} as in
 * PostgreSQL, and years before 1 AD (PostgreSQL's BC) come out in era BC.
 *
 * <p>PostgreSQL's {@code infinity} and {@code -infinity} (decoded as {@code LocalDateTime.MAX/MIN},
 * {@code OffsetDateTime.MAX/MIN}, {@code LocalDate.MAX/MIN}) become the millisecond values pgjdbc
 * uses, {@link #POSITIVE_INFINITY} and {@link #NEGATIVE_INFINITY}, so code that compares against
 * pgjdbc's {@code PGStatement.DATE_POSITIVE_INFINITY} keeps working.
 */
final class JdbcTemporals {
    /** pgjdbc's {@code DATE_POSITIVE_INFINITY}: the largest millisecond value that is a midnight in any zone. */
    public static final long POSITIVE_INFINITY = 9_223_372_036_825_200_000L;
    /** pgjdbc's {@code DATE_NEGATIVE_INFINITY}. */
    public static final long NEGATIVE_INFINITY = -9_223_372_036_832_400_000L;

    private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);

    private JdbcTemporals() {
    }

    /** A timestamp without time zone, in the calendar's zone ({@code null}: the JVM's default). */
    public static Timestamp timestamp(LocalDateTime value, Calendar calendar) {
        if (value.equals(LocalDateTime.MAX)) {
            return new Timestamp(POSITIVE_INFINITY);
        } else if (value.equals(LocalDateTime.MIN)) {
            return new Timestamp(NEGATIVE_INFINITY);
        } else if (calendar == null && value.getYear() > 0) {
            return Timestamp.valueOf(value);
        }
        Timestamp t = new Timestamp(millis(calendar, value.toLocalDate(), value.toLocalTime()));
        t.setNanos(value.getNano());
        return t;
    }

    /** A timestamp with time zone: its instant. */
    public static Timestamp timestamp(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MAX)) {
            return new Timestamp(POSITIVE_INFINITY);
        } else if (value.equals(OffsetDateTime.MIN)) {
            return new Timestamp(NEGATIVE_INFINITY);
        }
        Timestamp t = new Timestamp(value.toEpochSecond() * 1000);
        t.setNanos(value.getNano());
        return t;
    }

    /** Midnight of the date in the calendar's zone. */
    public static Date date(LocalDate value, Calendar calendar) {
        if (value.equals(LocalDate.MAX)) {
            return new Date(POSITIVE_INFINITY);
        } else if (value.equals(LocalDate.MIN)) {
            return new Date(NEGATIVE_INFINITY);
        } else if (calendar == null && value.getYear() > 0) {
            return Date.valueOf(value);
        }
        return new Date(millis(calendar, value, LocalTime.MIDNIGHT));
    }

    /** The date part of a timestamp, infinity kept. */
    public static Date date(LocalDateTime value, Calendar calendar) {
        if (value.equals(LocalDateTime.MAX)) {
            return date(LocalDate.MAX, calendar);
        } else if (value.equals(LocalDateTime.MIN)) {
            return date(LocalDate.MIN, calendar);
        }
        return date(value.toLocalDate(), calendar);
    }

    /** The date on which the instant falls in the calendar's zone. */
    public static Date date(OffsetDateTime value, Calendar calendar) {
        if (value.equals(OffsetDateTime.MAX)) {
            return date(LocalDate.MAX, calendar);
        } else if (value.equals(OffsetDateTime.MIN)) {
            return date(LocalDate.MIN, calendar);
        }
        return date(value.atZoneSameInstant(zone(calendar)).toLocalDate(), calendar);
    }

    /** The time of day on 1970-01-01 in the calendar's zone, milliseconds kept. */
    public static Time time(LocalTime value, Calendar calendar) {
        return new Time(millis(calendar, EPOCH_DAY, value));
    }

    /** A time with time zone: its instant on 1970-01-01. */
    public static Time time(OffsetTime value) {
        return new Time(value.atDate(EPOCH_DAY).toInstant().toEpochMilli());
    }

    /** The time of day at which the instant falls in the calendar's zone. */
    public static Time time(OffsetDateTime value, Calendar calendar) {
        return time(value.atZoneSameInstant(zone(calendar)).toLocalTime(), calendar);
    }

    /** A {@code java.sql} value for {@code getObject}: timestamps, dates and times; {@code null} for anything else. */
    public static Object toJdbc(Object value) {
        if (value instanceof LocalDateTime v) {
            return timestamp(v, null);
        } else if (value instanceof OffsetDateTime v) {
            return timestamp(v);
        } else if (value instanceof LocalDate v) {
            return date(v, null);
        } else if (value instanceof LocalTime v) {
            return time(v, null);
        } else if (value instanceof OffsetTime v) {
            return time(v);
        }
        return null;
    }

    /**
     * The java.time value of a {@code java.sql} date, time or timestamp, read in the JVM's zone as
     * {@code setDate}, {@code setTime} and {@code setTimestamp} read them (any other
     * {@code java.util.Date} is its instant); any other value as it is.
     */
    public static Object fromJdbc(Object value) {
        if (value instanceof Timestamp v) {
            return v.toLocalDateTime();
        } else if (value instanceof Date v) {
            return v.toLocalDate();
        } else if (value instanceof Time v) {
            return v.toLocalTime();
        } else if (value instanceof java.util.Date v) {
            return v.toInstant();
        }
        return value;
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }

    /** Wall-clock fields to epoch milliseconds through a Gregorian/Julian calendar in the caller's zone. */
    private static long millis(Calendar calendar, LocalDate date, LocalTime time) {
        TimeZone zone = calendar == null ? TimeZone.getDefault() : calendar.getTimeZone();
        GregorianCalendar c = new GregorianCalendar(zone);
        c.clear();
        int year = date.getYear();
        c.set(Calendar.ERA, year > 0 ? GregorianCalendar.AD : GregorianCalendar.BC);
        c.set(Calendar.YEAR, year > 0 ? year : 1 - year);
        c.set(Calendar.MONTH, date.getMonthValue() - 1);
        c.set(Calendar.DAY_OF_MONTH, date.getDayOfMonth());
        c.set(Calendar.HOUR_OF_DAY, time.getHour());
        c.set(Calendar.MINUTE, time.getMinute());
        c.set(Calendar.SECOND, time.getSecond());
        c.set(Calendar.MILLISECOND, time.getNano() / 1_000_000);
        return c.getTimeInMillis();
    }
}

package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.CodecErrors;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's binary date/time units: days and microseconds counted from 2000-01-01 00:00. Java
 * values carry nanoseconds, PostgreSQL microseconds: encoding rounds half up, as the server does
 * when it reads more digits than it keeps. The range checks use the server's own limits, so an
 * out-of-range parameter fails here with the server's SQLSTATE instead of being sent.
 */
public final class PostgresEpoch {
    /** 2000-01-01T00:00Z in Unix seconds. */
    public static final long EPOCH_SECONDS = 946_684_800L;
    /** 2000-01-01 as a Java epoch day. */
    public static final int EPOCH_DAYS = 10_957;
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    /** 4714-11-24 BC 00:00, the first timestamp PostgreSQL accepts (MIN_TIMESTAMP). */
    static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    /** 294277-01-01 00:00, the first timestamp past the end (END_TIMESTAMP). */
    static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;
    /** 4714-11-24 BC, the first date PostgreSQL accepts. */
    static final int MIN_DATE = -2_451_545;
    /** 5874898-01-01, the first date past the end. */
    static final int END_DATE = 2_145_031_949;

    private PostgresEpoch() {
    }

    public static LocalDate toLocalDate(int pgDays) {
        return LocalDate.ofEpochDay((long) pgDays + EPOCH_DAYS);
    }

    public static int toPgDays(LocalDate date) throws SQLException {
        long days = date.toEpochDay() - EPOCH_DAYS;
        if (days < MIN_DATE || days >= END_DATE) {
            throw CodecErrors.datetimeOutOfRange(date, "date", "4714-11-24 BC..5874897-12-31",
                    CodecErrors.DATETIME_FIELD_OVERFLOW);
        }
        return (int) days;
    }

    public static LocalDateTime toLocalDateTime(long pgMicros) {
        long seconds = Math.floorDiv(pgMicros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(pgMicros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + EPOCH_SECONDS, nanos, ZoneOffset.UTC);
    }

    /** The timestamp as microseconds since 2000-01-01, the wall-clock fields read as UTC. */
    public static long toPgMicros(LocalDateTime value, String typeName) throws SQLException {
        return toPgMicros(value.toEpochSecond(ZoneOffset.UTC), value.getNano(), value, typeName);
    }

    public static long toPgMicros(Instant value, String typeName) throws SQLException {
        return toPgMicros(value.getEpochSecond(), value.getNano(), value, typeName);
    }

    private static long toPgMicros(long epochSecond, int nano, Object shown, String typeName) throws SQLException {
        long seconds = epochSecond - EPOCH_SECONDS;
        // checked in seconds first: the microsecond product of a far-away value overflows a long
        if (seconds < MIN_TIMESTAMP / MICROS_PER_SECOND || seconds >= END_TIMESTAMP / MICROS_PER_SECOND) {
            throw outOfRange(shown, typeName);
        }
        long micros = seconds * MICROS_PER_SECOND + (nano + 500) / 1000;
        if (micros >= END_TIMESTAMP) {
            throw outOfRange(shown, typeName);
        }
        return micros;
    }

    private static SQLException outOfRange(Object shown, String typeName) {
        return CodecErrors.datetimeOutOfRange(shown, typeName, "4714-11-24 00:00 BC..294276-12-31 23:59:59.999999",
                CodecErrors.DATETIME_FIELD_OVERFLOW);
    }

    /** PostgreSQL's 24:00:00 has no LocalTime; it becomes LocalTime.MAX, as pgjdbc does. */
    public static LocalTime toLocalTime(long micros) {
        return micros >= MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Rounded to microseconds; LocalTime.MAX (and anything within half a microsecond of midnight) is 24:00:00. */
    public static long toMicrosOfDay(LocalTime value) {
        return (value.toNanoOfDay() + 500) / 1000;
    }
}

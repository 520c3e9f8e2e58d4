package io.tusk.internal.codec.datetime;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates and times as PostgreSQL writes them with {@code DateStyle = ISO} (which the driver sets at
 * startup): {@code 2024-01-02 03:04:05.5+05:30}, years of four or more digits, a trailing
 * {@code " BC"} for years before 1 (Java's year 0 is 1 BC), fractions without trailing zeros, UTC
 * offsets of one to three fields, and {@code infinity}/{@code -infinity} for dates and timestamps
 * (the codecs map them to the MAX/MIN constants of java.time, as pgjdbc does). IsoDateParser reads
 * the same forms back.
 */
public final class IsoDateText {
    private IsoDateText() {
    }

    public static String formatDate(LocalDate date) {
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, date);
        return era(sb, date).toString();
    }

    /** {@code micros} since midnight, 0..86400000000 (24:00:00 is a valid PostgreSQL time). */
    public static String formatTime(long micros) {
        return appendTime(new StringBuilder(15), micros).toString();
    }

    public static String formatTimeTz(long micros, int offsetSeconds) {
        return appendOffset(appendTime(new StringBuilder(24), micros), offsetSeconds).toString();
    }

    public static String formatTimestamp(LocalDateTime value) {
        StringBuilder sb = new StringBuilder(29);
        appendDate(sb, value.toLocalDate());
        appendTime(sb.append(' '), value.toLocalTime().toNanoOfDay() / 1000);
        return era(sb, value.toLocalDate()).toString();
    }

    /** {@code value} is the wall-clock time at {@code offsetSeconds} east of UTC. */
    public static String formatTimestampTz(LocalDateTime value, int offsetSeconds) {
        StringBuilder sb = new StringBuilder(35);
        appendDate(sb, value.toLocalDate());
        appendTime(sb.append(' '), value.toLocalTime().toNanoOfDay() / 1000);
        appendOffset(sb, offsetSeconds);
        return era(sb, value.toLocalDate()).toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate date) {
        int year = date.getYear();
        pad(sb, year > 0 ? year : 1 - year, 4).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2);
    }

    private static StringBuilder era(StringBuilder sb, LocalDate date) {
        return date.getYear() > 0 ? sb : sb.append(" BC");
    }

    private static StringBuilder appendTime(StringBuilder sb, long micros) {
        long seconds = micros / 1_000_000;
        pad(sb, seconds / 3600, 2).append(':');
        pad(sb, seconds / 60 % 60, 2).append(':');
        pad(sb, seconds % 60, 2);
        return appendFraction(sb, (int) (micros % 1_000_000));
    }

    /** {@code .5} for 500000 µs: six digits with the trailing zeros dropped, nothing for zero. */
    private static StringBuilder appendFraction(StringBuilder sb, int micros) {
        if (micros != 0) {
            int digits = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                digits--;
            }
            pad(sb.append('.'), micros, digits);
        }
        return sb;
    }

    /** {@code +05:30}; PostgreSQL prints only the fields it needs: {@code +01}, {@code +01:34:08}. */
    private static StringBuilder appendOffset(StringBuilder sb, int offsetSeconds) {
        int abs = Math.abs(offsetSeconds);
        sb.append(offsetSeconds >= 0 ? '+' : '-');
        pad(sb, abs / 3600, 2);
        if (abs % 3600 != 0) {
            pad(sb.append(':'), abs / 60 % 60, 2);
            if (abs % 60 != 0) {
                pad(sb.append(':'), abs % 60, 2);
            }
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}

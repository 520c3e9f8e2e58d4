package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.CodecErrors;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Reads dates and times in the forms IsoDateText describes (DateStyle ISO output), with
 * {@code infinity}/{@code -infinity} as the MAX/MIN constants of java.time. Also accepted, so values
 * typed by users work: a {@code T} between date and time, and up to nine fraction digits. Anything
 * else is 22P02: with another DateStyle the text would be ambiguous (is 01/02 January or February?),
 * and the driver sets ISO at startup.
 */
public final class IsoDateParser {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private IsoDateParser() {
    }

    public static LocalDate parseDate(String text) throws SQLException {
        if (text.equals("infinity")) {
            return LocalDate.MAX;
        } else if (text.equals("-infinity")) {
            return LocalDate.MIN;
        }
        Cursor c = new Cursor(text, "date");
        LocalDate date = c.date();
        return c.bc(date);
    }

    /** Nanoseconds since midnight, up to and including 24:00:00. */
    public static long parseTimeNanos(String text) throws SQLException {
        Cursor c = new Cursor(text, "time");
        long nanos = c.time();
        c.end();
        return nanos;
    }

    public static OffsetTime parseTimeTz(String text) throws SQLException {
        Cursor c = new Cursor(text, "timetz");
        long nanos = c.time();
        ZoneOffset offset = c.offset();
        c.end();
        return OffsetTime.of(nanos >= NANOS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanos), offset);
    }

    public static LocalDateTime parseTimestamp(String text) throws SQLException {
        if (text.equals("infinity")) {
            return LocalDateTime.MAX;
        } else if (text.equals("-infinity")) {
            return LocalDateTime.MIN;
        }
        Cursor c = new Cursor(text, "timestamp");
        LocalDate date = c.date();
        long nanos = c.separator() ? c.time() : 0;
        return c.bc(date).atStartOfDay().plusNanos(nanos);
    }

    /** The instant, at the offset the text names. */
    public static OffsetDateTime parseTimestampTz(String text) throws SQLException {
        if (text.equals("infinity")) {
            return OffsetDateTime.MAX;
        } else if (text.equals("-infinity")) {
            return OffsetDateTime.MIN;
        }
        Cursor c = new Cursor(text, "timestamptz");
        LocalDate date = c.date();
        long nanos = c.separator() ? c.time() : 0;
        ZoneOffset offset = c.offset();
        return OffsetDateTime.of(c.bc(date).atStartOfDay().plusNanos(nanos), offset);
    }

    /** A left-to-right reader; every mismatch is 22P02 naming the whole text. */
    private static final class Cursor {
        private final String s;
        private final String type;
        private int pos;

        Cursor(String s, String type) {
            this.s = s;
            this.type = type;
        }

        LocalDate date() throws SQLException {
            int year = (int) digits(4, 9);
            expect('-');
            int month = (int) digits(2, 2);
            expect('-');
            int day = (int) digits(2, 2);
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw error();
            }
        }

        /** The date with a trailing " BC" applied, after which the text must end. */
        LocalDate bc(LocalDate date) throws SQLException {
            if (s.startsWith(" BC", pos)) {
                pos += 3;
                end();
                return date.withYear(1 - date.getYear());
            }
            end();
            return date;
        }

        boolean separator() {
            if (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == 'T') && !s.startsWith(" BC", pos)) {
                pos++;
                return true;
            }
            return false;
        }

        long time() throws SQLException {
            long hour = digits(2, 2);
            expect(':');
            long minute = digits(2, 2);
            expect(':');
            long second = digits(2, 2);
            long nanos = 0;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                int start = pos;
                long fraction = digits(1, 9);
                for (int i = pos - start; i < 9; i++) {
                    fraction *= 10;
                }
                nanos = fraction;
            }
            long total = ((hour * 60 + minute) * 60 + second) * 1_000_000_000L + nanos;
            if (minute > 59 || second > 59 || total > NANOS_PER_DAY) {
                throw error();
            }
            return total;
        }

        ZoneOffset offset() throws SQLException {
            char sign = pos < s.length() ? s.charAt(pos++) : '?';
            if (sign != '+' && sign != '-') {
                throw error();
            }
            int seconds = (int) digits(2, 2) * 3600;
            if (pos < s.length() && s.charAt(pos) == ':') {
                pos++;
                seconds += (int) digits(2, 2) * 60;
                if (pos < s.length() && s.charAt(pos) == ':') {
                    pos++;
                    seconds += (int) digits(2, 2);
                }
            }
            try {
                return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
            } catch (DateTimeException e) {
                throw error();
            }
        }

        void end() throws SQLException {
            if (pos != s.length()) {
                throw error();
            }
        }

        private void expect(char ch) throws SQLException {
            if (pos >= s.length() || s.charAt(pos) != ch) {
                throw error();
            }
            pos++;
        }

        private long digits(int min, int max) throws SQLException {
            int start = pos;
            long value = 0;
            while (pos < s.length() && pos - start < max && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                value = value * 10 + (s.charAt(pos++) - '0');
            }
            if (pos - start < min) {
                throw error();
            }
            return value;
        }

        private SQLException error() {
            return CodecErrors.invalidText(type, s);
        }
    }
}

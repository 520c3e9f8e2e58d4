package io.tusk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds, kept apart exactly as the server
 * keeps them, because none converts to another without a calendar (a month is 28 to 31 days, a day
 * 23 to 25 hours across a DST change). {@code getObject} returns this class for interval columns,
 * and {@code setObject} accepts it.
 *
 * <pre>{@code
 * Interval i = rs.getObject("elapsed", Interval.class);   // 1 year 2 mons 3 days 04:05:06.7
 * i.months();                                              // 14
 * ps.setObject(1, Interval.of(Duration.ofMinutes(90)));   // 01:30:00
 * ps.setObject(2, Interval.parse("P1Y2M3DT4H5M6.7S"));    // ISO 8601 works too
 * }</pre>
 *
 * <p>Servers 17 and later also have infinite intervals: {@link #POSITIVE_INFINITY} and
 * {@link #NEGATIVE_INFINITY}, which use the server's own sentinel field values.
 *
 * @param months       whole months (a year is 12)
 * @param days         whole days
 * @param microseconds the time part, which may exceed a day ({@code 36:00:00})
 */
public record Interval(int months, int days, long microseconds) {
    /** {@code 00:00:00}. */
    public static final Interval ZERO = new Interval(0, 0, 0);
    /** {@code 'infinity'::interval} (PostgreSQL 17+). */
    public static final Interval POSITIVE_INFINITY = new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    /** {@code '-infinity'::interval} (PostgreSQL 17+). */
    public static final Interval NEGATIVE_INFINITY = new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /**
     * The duration as a time part only, as PostgreSQL stores {@code '36 hours'} ({@code 36:00:00}, no days).
     * Nanoseconds are rounded half up to microseconds.
     *
     * @throws ArithmeticException if the duration does not fit in 2^63 microseconds
     */
    public static Interval of(Duration duration) {
        long micros = Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
                (duration.getNano() + 500) / 1000);
        return new Interval(0, 0, micros);
    }

    /**
     * The period's years and months as months, its days as days.
     *
     * @throws ArithmeticException if the months do not fit in an int
     */
    public static Interval of(Period period) {
        return new Interval(Math.toIntExact(period.toTotalMonths()), period.getDays(), 0);
    }

    /**
     * Reads PostgreSQL's interval output in any IntervalStyle except {@code sql_standard}:
     * {@code postgres} ({@code 1 year 2 mons -3 days +04:05:06.7}), {@code postgres_verbose}
     * ({@code @ 1 year 2 mons 4 hours ago}) and {@code iso_8601} ({@code P1Y2M3DT4H5M6.7S}), and
     * {@code infinity}/{@code -infinity}.
     *
     * @throws IllegalArgumentException for text in none of these forms
     */
    public static Interval parse(String text) {
        String s = text.trim();
        if (s.equals("infinity")) {
            return POSITIVE_INFINITY;
        } else if (s.equals("-infinity")) {
            return NEGATIVE_INFINITY;
        }
        try {
            return s.startsWith("P") ? Reader.iso(s) : Reader.postgres(s);
        } catch (NumberFormatException | ArithmeticException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("invalid interval: \"" + text + "\"", e);
        }
    }

    /** True for {@link #POSITIVE_INFINITY} and {@link #NEGATIVE_INFINITY}. */
    public boolean isInfinite() {
        return equals(POSITIVE_INFINITY) || equals(NEGATIVE_INFINITY);
    }

    /**
     * The months and days as a Period ({@code 14 months} becomes {@code P1Y2M}).
     *
     * @throws ArithmeticException if there is a time part, which a Period cannot hold exactly, or
     *                             the interval is infinite
     */
    public Period toPeriod() {
        if (microseconds != 0 || isInfinite()) {
            throw new ArithmeticException("interval " + this + " has a time part (expected: months and days only)");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * The days and the time part as a Duration, a day counting as 24 hours (the convention of
     * {@link Duration#ofDays}, and of the server's {@code justify_hours}).
     *
     * @throws ArithmeticException if there are months, whose length depends on the calendar, or the
     *                             interval is infinite
     */
    public Duration toDuration() {
        if (months != 0 || isInfinite()) {
            throw new ArithmeticException("interval " + this + " has months (expected: days and time only)");
        }
        long seconds = Math.floorDiv(microseconds, MICROS_PER_SECOND) + days * 86_400L; // no overflow: |days| < 2^31
        return Duration.ofSeconds(seconds, Math.floorMod(microseconds, MICROS_PER_SECOND) * 1000);
    }

    /** The text PostgreSQL prints with its default IntervalStyle {@code postgres}. */
    @Override
    public String toString() {
        if (equals(POSITIVE_INFINITY)) {
            return "infinity";
        } else if (equals(NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        Writer out = new Writer();
        out.part(months / 12, "year");
        out.part(months % 12, "mon");
        out.part(days, "day");
        long hours = microseconds / MICROS_PER_HOUR;
        long minutes = microseconds % MICROS_PER_HOUR / MICROS_PER_MINUTE;
        long seconds = microseconds % MICROS_PER_MINUTE / MICROS_PER_SECOND;
        long fraction = microseconds % MICROS_PER_SECOND;
        if (out.isEmpty() || microseconds != 0) {
            out.time(microseconds < 0, hours, minutes, seconds, fraction);
        }
        return out.toString();
    }

    /** Builds the {@code postgres} IntervalStyle text, following the server's EncodeInterval. */
    private static final class Writer {
        private final StringBuilder sb = new StringBuilder(32);
        /** The server puts a "+" on a positive field that follows a negative one, so signs stay unambiguous. */
        private boolean afterNegative;

        boolean isEmpty() {
            return sb.length() == 0;
        }

        void part(long value, String unit) {
            if (value == 0) {
                return;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (afterNegative && value > 0) {
                sb.append('+');
            }
            sb.append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
            afterNegative = value < 0;
        }

        void time(boolean negative, long hours, long minutes, long seconds, long fraction) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(negative ? "-" : afterNegative ? "+" : "");
            pad2(Math.abs(hours)).append(':');
            pad2(Math.abs(minutes)).append(':');
            pad2(Math.abs(seconds));
            long f = Math.abs(fraction);
            if (f != 0) {
                String digits = Long.toString(f + MICROS_PER_SECOND).substring(1);
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                sb.append('.').append(digits, 0, end);
            }
        }

        private StringBuilder pad2(long value) {
            return (value < 10 ? sb.append('0') : sb).append(value);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Parsers for the server's interval output styles; errors surface as runtime exceptions for {@link #parse}. */
    private static final class Reader {
        private long months;
        private long days;
        private long micros;

        /** {@code 1 year -2 mons +3 days -04:05:06.7}, or verbose {@code @ 1 year 4 hours 5.5 secs ago}. */
        static Interval postgres(String s) {
            String[] tokens = s.split("\\s+");
            int from = tokens[0].equals("@") ? 1 : 0;
            int to = tokens.length;
            boolean ago = to > from && tokens[to - 1].equalsIgnoreCase("ago");
            if (ago) {
                to--;
            }
            if (from >= to) {
                throw new NumberFormatException("no fields");
            }
            Reader r = new Reader();
            for (int i = from; i < to; i++) {
                if (tokens[i].indexOf(':') >= 0) {
                    r.clock(tokens[i]);
                } else if (i + 1 == to) {
                    // a number without a unit is seconds: postgres_verbose prints a zero interval as "@ 0"
                    r.unit(tokens[i], "sec");
                } else {
                    r.unit(tokens[i], tokens[++i].toLowerCase(Locale.ROOT));
                }
            }
            return ago ? r.negated() : r.result();
        }

        /** ISO 8601 {@code P1Y2M3DT4H5M6.7S}; the server writes {@code P-1Y-2M3DT-4H-5M-6.7S} for negative fields. */
        static Interval iso(String s) {
            Reader r = new Reader();
            boolean time = false;
            int i = 1;
            while (i < s.length()) {
                if (s.charAt(i) == 'T') {
                    time = true;
                    i++;
                    continue;
                }
                int start = i;
                while ("+-.0123456789".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String number = s.substring(start, i);
                char designator = s.charAt(i++);
                if (time) {
                    r.unit(number, designator == 'H' ? "hour" : designator == 'M' ? "min" : designator == 'S' ? "sec" : "?");
                } else {
                    r.unit(number, designator == 'Y' ? "year" : designator == 'M' ? "mon"
                            : designator == 'W' ? "week" : designator == 'D' ? "day" : "?");
                }
            }
            if (i == 1) {
                throw new NumberFormatException("no fields");
            }
            return r.result();
        }

        /** {@code [+-]HH:MM:SS[.ffffff]}, hours unbounded; the sign applies to the whole clock. */
        private void clock(String token) {
            boolean negative = token.startsWith("-");
            String[] f = token.substring(negative || token.startsWith("+") ? 1 : 0).split(":", -1);
            if (f.length != 3 || f[0].isEmpty() || f[0].charAt(0) == '-' || f[1].length() != 2 || f[2].isEmpty()) {
                throw new NumberFormatException(token);
            }
            long value = Math.addExact(Math.multiplyExact(Long.parseLong(f[0]), MICROS_PER_HOUR),
                    Long.parseLong(f[1]) * MICROS_PER_MINUTE + fractional(f[2], MICROS_PER_SECOND));
            micros = Math.addExact(micros, negative ? -value : value);
        }

        private void unit(String number, String unit) {
            switch (unit.endsWith("s") && unit.length() > 1 ? unit.substring(0, unit.length() - 1) : unit) {
                case "year" -> months = Math.addExact(months, Math.multiplyExact(Long.parseLong(number), 12));
                case "mon", "month" -> months = Math.addExact(months, Long.parseLong(number));
                case "week" -> days = Math.addExact(days, Math.multiplyExact(Long.parseLong(number), 7));
                case "day" -> days = Math.addExact(days, Long.parseLong(number));
                case "hour" -> micros = Math.addExact(micros, fractional(number, MICROS_PER_HOUR));
                case "min", "minute" -> micros = Math.addExact(micros, fractional(number, MICROS_PER_MINUTE));
                case "sec", "second" -> micros = Math.addExact(micros, fractional(number, MICROS_PER_SECOND));
                default -> throw new NumberFormatException("unknown unit " + unit);
            }
        }

        /** {@code number} (maybe fractional) times {@code unit} microseconds, rounded half up. */
        private static long fractional(String number, long unit) {
            if (number.indexOf('.') < 0) {
                return Math.multiplyExact(Long.parseLong(number), unit);
            }
            return new BigDecimal(number).multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        private Interval result() {
            return new Interval(Math.toIntExact(months), Math.toIntExact(days), micros);
        }

        private Interval negated() {
            return new Interval(Math.toIntExact(-months), Math.toIntExact(-days), Math.negateExact(micros));
        }
    }
}

package io.tusk;

import io.tusk.internal.codec.datetime.IntervalStyle;
import io.tusk.internal.codec.datetime.IntervalText;
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
     * Reads PostgreSQL's interval output in every IntervalStyle: {@code postgres}
     * ({@code 1 year 2 mons -3 days +04:05:06.7}), {@code postgres_verbose}
     * ({@code @ 1 year 2 mons 4 hours ago}), {@code sql_standard} ({@code 1-2}, {@code -3 4:05:06},
     * {@code +1-2 -3 +4:05:06.7}) and {@code iso_8601} ({@code P1Y2M3DT4H5M6.7S}), and
     * {@code infinity}/{@code -infinity}. A number alone is seconds.
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
            if (s.startsWith("P")) {
                return Reader.iso(s);
            }
            // only the sql_standard style writes no unit names at all ("@ 0" is postgres_verbose)
            boolean units = s.startsWith("@") || s.chars().anyMatch(Character::isLetter);
            return units ? Reader.postgres(s) : Reader.sqlStandard(s);
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

    /**
     * The text PostgreSQL prints with its default IntervalStyle {@code postgres}
     * ({@code 1 year 2 mons -3 days +04:05:06.7}); {@code ResultSet.getString} follows the session's
     * IntervalStyle instead.
     */
    @Override
    public String toString() {
        return IntervalText.format(this, IntervalStyle.POSTGRES);
    }

    /**
     * Parsers for the server's interval output styles; errors surface as runtime exceptions for
     * {@link #parse}. A sign that covers the whole value ("ago", sql_standard's leading minus) is
     * applied to each field as it is added, not to the sum: the sum of the magnitudes of
     * {@code -2562047788:00:54.775808} would not fit in a long, the negative value does.
     */
    private static final class Reader {
        private final boolean negate;
        private long months;
        private long days;
        private long micros;

        private Reader(boolean negate) {
            this.negate = negate;
        }

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
            Reader r = new Reader(ago);
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
            return r.result();
        }

        /**
         * sql_standard: one kind of field under one optional sign ({@code -1-2}, {@code -3 4:05:06.7},
         * {@code 4:05:06}, {@code 0}), or, when signs or kinds are mixed, three groups that each carry
         * their own sign ({@code +1-2 -3 +4:05:06.7}).
         */
        static Interval sqlStandard(String s) {
            String[] groups = s.split("\\s+");
            if (groups.length == 3) {
                Reader r = new Reader(false);
                r.yearMonth(groups[0]);
                r.unit(groups[1], "day");
                r.clock(groups[2]);
                return r.result();
            }
            boolean negative = s.startsWith("-");
            Reader r = new Reader(negative);
            String[] fields = (negative || s.startsWith("+") ? s.substring(1) : s).split("\\s+");
            for (String f : fields) {
                if (f.isEmpty() || !Character.isDigit(f.charAt(0))) {
                    throw new NumberFormatException("a sign inside " + s); // the leading one covers all fields
                }
            }
            if (fields.length == 2) {
                r.unit(fields[0], "day");
                r.clock(fields[1]);
            } else if (fields.length == 1 && fields[0].indexOf(':') >= 0) {
                r.clock(fields[0]);
            } else if (fields.length == 1 && fields[0].indexOf('-') >= 0) {
                r.yearMonth(fields[0]);
            } else if (fields.length == 1) {
                r.unit(fields[0], "sec");
            } else {
                throw new NumberFormatException("fields: " + fields.length);
            }
            return r.result();
        }

        /** {@code [+-]Y-M}: the sign applies to the years and the months. */
        private void yearMonth(String group) {
            boolean negative = group.startsWith("-");
            String[] f = group.substring(negative || group.startsWith("+") ? 1 : 0).split("-", -1);
            if (f.length != 2 || f[0].isEmpty() || f[1].isEmpty() || !Character.isDigit(f[0].charAt(0))
                    || !Character.isDigit(f[1].charAt(0))) {
                throw new NumberFormatException(group);
            }
            long value = Math.addExact(Math.multiplyExact(Long.parseLong(f[0]), 12), Long.parseLong(f[1]));
            months = Math.addExact(months, signed(negative ? -value : value));
        }

        /** ISO 8601 {@code P1Y2M3DT4H5M6.7S}; the server writes {@code P-1Y-2M3DT-4H-5M-6.7S} for negative fields. */
        static Interval iso(String s) {
            Reader r = new Reader(false);
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
            boolean own = token.startsWith("-");
            String[] f = token.substring(own || token.startsWith("+") ? 1 : 0).split(":", -1);
            if (f.length != 3 || f[0].isEmpty() || f[0].charAt(0) == '-' || f[1].length() != 2 || f[2].isEmpty()) {
                throw new NumberFormatException(token);
            }
            long hours = Math.multiplyExact(Long.parseLong(f[0]), MICROS_PER_HOUR);
            long rest = Long.parseLong(f[1]) * MICROS_PER_MINUTE + fractional(f[2], MICROS_PER_SECOND);
            long value = own != negate ? Math.subtractExact(-hours, rest) : Math.addExact(hours, rest);
            micros = Math.addExact(micros, value);
        }

        private void unit(String number, String unit) {
            switch (unit.endsWith("s") && unit.length() > 1 ? unit.substring(0, unit.length() - 1) : unit) {
                case "year" -> months = Math.addExact(months, signed(Math.multiplyExact(Long.parseLong(number), 12)));
                case "mon", "month" -> months = Math.addExact(months, signed(Long.parseLong(number)));
                case "week" -> days = Math.addExact(days, signed(Math.multiplyExact(Long.parseLong(number), 7)));
                case "day" -> days = Math.addExact(days, signed(Long.parseLong(number)));
                case "hour" -> micros = Math.addExact(micros, signed(fractional(number, MICROS_PER_HOUR)));
                case "min", "minute" -> micros = Math.addExact(micros, signed(fractional(number, MICROS_PER_MINUTE)));
                case "sec", "second" -> micros = Math.addExact(micros, signed(fractional(number, MICROS_PER_SECOND)));
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

        private long signed(long value) {
            return negate ? Math.negateExact(value) : value;
        }

        private Interval result() {
            return new Interval(Math.toIntExact(months), Math.toIntExact(days), micros);
        }
    }
}

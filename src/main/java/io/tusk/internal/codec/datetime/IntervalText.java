package io.tusk.internal.codec.datetime;

import io.tusk.Interval;

/**
 * Prints an {@link Interval} exactly as the server's {@code interval_out} does in each
 * {@link IntervalStyle}, so {@code getString} of a binary value equals the text the server would
 * have sent. The rules follow the server's EncodeInterval, quirks included, because the point is to
 * be indistinguishable from it:
 *
 * <ul>
 *   <li>the value is first split like {@code interval2itm}: months into years and months, the time
 *       part into hours, minutes, seconds and microseconds, every division truncating, so each field
 *       has the sign of what it came from;</li>
 *   <li>{@code postgres} puts a {@code +} on a positive field only right after a negative one;</li>
 *   <li>{@code postgres_verbose} prints the first non-zero field without its sign and ends with
 *       {@code ago} when that field is negative, flipping the signs of the later fields;</li>
 *   <li>{@code sql_standard} gives a value of one sign and one kind (year-month or day-time) a single
 *       leading sign, and anything else all three groups each with its own sign;</li>
 *   <li>fractions of a second have no trailing zeros.</li>
 * </ul>
 *
 * Infinite intervals (PostgreSQL 17+) print as {@code infinity} and {@code -infinity} in every style.
 * Servers before 15 keep days in 32 bits while printing and so print -2^31 days wrongly
 * ({@code --2147483648 0:00:00}); this prints it as 15 and later do.
 */
public final class IntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private final StringBuilder sb = new StringBuilder(40);
    private final long year;
    private final long mon;
    private final long mday;
    private final long hour;
    private final long min;
    private final long sec;
    private final long fsec;
    /** No field printed yet. */
    private boolean zero = true;
    /** postgres: the last field printed was negative; verbose: the value is "ago". */
    private boolean before;

    private IntervalText(Interval value) {
        year = value.months() / 12;
        mon = value.months() % 12;
        mday = value.days();
        long time = value.microseconds();
        hour = time / MICROS_PER_HOUR;
        min = time % MICROS_PER_HOUR / MICROS_PER_MINUTE;
        sec = time % MICROS_PER_MINUTE / MICROS_PER_SECOND;
        fsec = time % MICROS_PER_SECOND;
    }

    /** The server's text for {@code value} under {@code style}. */
    public static String format(Interval value, IntervalStyle style) {
        if (value.equals(Interval.POSITIVE_INFINITY)) {
            return "infinity";
        } else if (value.equals(Interval.NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        IntervalText out = new IntervalText(value);
        switch (style) {
            case POSTGRES_VERBOSE -> out.verbose();
            case SQL_STANDARD -> out.sqlStandard();
            case ISO_8601 -> out.iso8601();
            default -> out.postgres();
        }
        return out.sb.toString();
    }

    private boolean hasTime() {
        return hour != 0 || min != 0 || sec != 0 || fsec != 0;
    }

    private boolean timeNegative() {
        return hour < 0 || min < 0 || sec < 0 || fsec < 0;
    }

    private void postgres() {
        postgresPart(year, "year");
        postgresPart(mon, "mon");
        postgresPart(mday, "day");
        if (zero || hasTime()) {
            sb.append(zero ? "" : " ").append(timeNegative() ? "-" : before ? "+" : "");
            clock(Math.abs(hour), true);
        }
    }

    private void postgresPart(long value, String unit) {
        if (value == 0) {
            return;
        }
        sb.append(zero ? "" : " ").append(before && value > 0 ? "+" : "");
        sb.append(value).append(' ').append(unit).append(value != 1 ? "s" : "");
        before = value < 0; // only the next field looks at it
        zero = false;
    }

    private void verbose() {
        sb.append('@');
        verbosePart(year, "year");
        verbosePart(mon, "mon");
        verbosePart(mday, "day");
        verbosePart(hour, "hour");
        verbosePart(min, "min");
        if (sec != 0 || fsec != 0) {
            sb.append(' ');
            if (sec < 0 || (sec == 0 && fsec < 0)) {
                if (zero) {
                    before = true;
                } else if (!before) {
                    sb.append('-');
                }
            } else if (before) {
                sb.append('-');
            }
            seconds(false);
            sb.append(" sec").append(Math.abs(sec) != 1 || fsec != 0 ? "s" : "");
            zero = false;
        }
        sb.append(zero ? " 0" : "").append(before ? " ago" : "");
    }

    private void verbosePart(long value, String unit) {
        if (value == 0) {
            return;
        }
        if (zero) {
            before = value < 0; // the first field decides "ago"
            value = Math.abs(value);
        } else if (before) {
            value = -value;
        }
        sb.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        zero = false;
    }

    private void sqlStandard() {
        boolean negative = year < 0 || mon < 0 || mday < 0 || timeNegative();
        boolean positive = year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 || fsec > 0;
        boolean yearMonth = year != 0 || mon != 0;
        boolean dayTime = mday != 0 || hasTime();
        if (!negative && !positive) {
            sb.append('0');
        } else if ((negative && positive) || (yearMonth && dayTime)) {
            // every group with its own sign, so mixed signs stay unambiguous
            sb.append(year < 0 || mon < 0 ? '-' : '+').append(Math.abs(year)).append('-').append(Math.abs(mon));
            sb.append(' ').append(mday < 0 ? '-' : '+').append(Math.abs(mday));
            sb.append(' ').append(timeNegative() ? '-' : '+');
            clock(Math.abs(hour), false);
        } else {
            sb.append(negative ? "-" : "");
            if (yearMonth) {
                sb.append(Math.abs(year)).append('-').append(Math.abs(mon));
            } else {
                sb.append(mday != 0 ? Math.abs(mday) + " " : "");
                clock(Math.abs(hour), false);
            }
        }
    }

    private void iso8601() {
        if (year == 0 && mon == 0 && mday == 0 && !hasTime()) {
            sb.append("PT0S");
            return;
        }
        sb.append('P');
        isoPart(year, 'Y');
        isoPart(mon, 'M');
        isoPart(mday, 'D');
        if (hasTime()) {
            sb.append('T');
        }
        isoPart(hour, 'H');
        isoPart(min, 'M');
        if (sec != 0 || fsec != 0) {
            sb.append(sec < 0 || fsec < 0 ? "-" : "");
            seconds(false);
            sb.append('S');
        }
    }

    private void isoPart(long value, char designator) {
        if (value != 0) {
            sb.append(value).append(designator);
        }
    }

    /** {@code H:MM:SS[.ffffff]} without sign; the hours padded to two digits if {@code padHours}. */
    private void clock(long absHours, boolean padHours) {
        sb.append(padHours && absHours < 10 ? "0" : "").append(absHours).append(':');
        sb.append(Math.abs(min) < 10 ? "0" : "").append(Math.abs(min)).append(':');
        seconds(true);
    }

    /** The server's AppendSeconds: unsigned seconds, then the fraction without trailing zeros. */
    private void seconds(boolean pad) {
        long s = Math.abs(sec);
        sb.append(pad && s < 10 ? "0" : "").append(s);
        long f = Math.abs(fsec);
        if (f != 0) {
            String digits = Long.toString(f + MICROS_PER_SECOND).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }
}

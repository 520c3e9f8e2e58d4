package io.tusk.internal.sql;

/**
 * The literal formats of the {@code {d}}, {@code {t}} and {@code {ts}} escapes (JDBC 4.3
 * §13.4.2): {@code yyyy-mm-dd}, {@code hh:mm:ss} and {@code yyyy-mm-dd hh:mm:ss[.f...]}. Checked
 * here so that a malformed literal is reported against the escape instead of reaching the
 * server as a different value. Leniencies: one-digit months, days and hours, years of more than
 * four digits, and a fraction of seconds on {@code {t}} too.
 */
final class EscapeLiterals {
    private EscapeLiterals() {
    }

    /** The expected format of the escape whose PostgreSQL type is {@code type}, for messages. */
    static String format(String type) {
        return switch (type) {
            case "DATE" -> "'yyyy-mm-dd'";
            case "TIME" -> "'hh:mm:ss'";
            default -> "'yyyy-mm-dd hh:mm:ss[.f...]'";
        };
    }

    /** Whether {@code s[from, to)} (the literal without quotes) is valid for {@code type}. */
    static boolean isValid(String type, String s, int from, int to) {
        int p = switch (type) {
            case "DATE" -> date(s, from, to);
            case "TIME" -> time(s, from, to);
            default -> {
                int q = date(s, from, to);
                yield q < 0 || q >= to || s.charAt(q) != ' ' ? -1 : time(s, q + 1, to);
            }
        };
        return p == to;
    }

    private static int date(String s, int p, int end) {
        p = field(s, p, end, 4, 9, 0, 999_999_999);
        p = separator(s, p, end, '-');
        p = field(s, p, end, 1, 2, 1, 12);
        p = separator(s, p, end, '-');
        return field(s, p, end, 1, 2, 1, 31);
    }

    private static int time(String s, int p, int end) {
        p = field(s, p, end, 1, 2, 0, 24);
        p = separator(s, p, end, ':');
        p = field(s, p, end, 2, 2, 0, 59);
        p = separator(s, p, end, ':');
        p = field(s, p, end, 2, 2, 0, 60);
        if (p >= 0 && p < end && s.charAt(p) == '.') {
            p = field(s, p + 1, end, 1, 9, 0, 999_999_999);
        }
        return p;
    }

    private static int separator(String s, int p, int end, char c) {
        return p >= 0 && p < end && s.charAt(p) == c ? p + 1 : -1;
    }

    /** Position after {@code min..max} digits at {@code p} whose value is in {@code [low, high]}, or -1. */
    private static int field(String s, int p, int end, int min, int max, int low, int high) {
        if (p < 0) {
            return -1;
        }
        int value = 0;
        int q = p;
        while (q < end && q - p < max && SqlLexer.isDigit(s.charAt(q))) {
            value = value * 10 + (s.charAt(q) - '0');
            q++;
        }
        int digits = q - p;
        if (digits < min || (q < end && SqlLexer.isDigit(s.charAt(q))) || value < low || value > high) {
            return -1;
        }
        return q;
    }
}

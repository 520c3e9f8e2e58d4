package io.tusk.internal.config;

import io.tusk.ConnectionProperty;
import io.tusk.internal.error.SqlStates;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a property's text as its {@link ConnectionProperty.Type}. {@link #check} refuses a value
 * that cannot be read with SQLSTATE 22023 naming the property and the value (a secret's value is
 * never shown); the readers after it assume a checked value.
 *
 * <p>An empty value stands for the default for every type except free text, so that
 * {@code ?connectTimeout=} behaves like an absent key.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    static void check(ConnectionProperty p, String value, PropertySource source) throws SQLException {
        if (value.isEmpty() && p.type() != ConnectionProperty.Type.STRING) {
            return;
        }
        switch (p.type()) {
            case STRING:
                return;
            case PATH:
                try {
                    Path.of(value);
                } catch (InvalidPathException e) {
                    throw invalid(p, value, source, "a file path");
                }
                return;
            case BOOLEAN:
                if (bool(value) == null) {
                    throw invalid(p, value, source, "true or false");
                }
                return;
            case INTEGER:
                Long n = integer(value);
                if (n == null || n < p.minimum() || n > p.maximum()) {
                    throw invalid(p, value, source, "a whole number from " + p.minimum() + " to " + p.maximum());
                }
                return;
            case SECONDS:
                BigDecimal s = decimal(value);
                if (s == null || s.signum() < 0 || s.compareTo(BigDecimal.valueOf(p.maximum())) > 0) {
                    throw invalid(p, value, source, "a number of seconds from 0 to " + p.maximum());
                }
                return;
            case CHOICE:
                if (choice(p, value) == null) {
                    throw invalid(p, value, source, "one of " + String.join(", ", p.choices()));
                }
                return;
            case HOST_LIST:
                for (String host : split(value)) {
                    if (host.startsWith("[") != host.endsWith("]") || host.chars().anyMatch(Character::isWhitespace)) {
                        throw invalid(p, value, source, "host names or IP addresses separated by commas");
                    }
                }
                return;
            case PORT_LIST:
                for (String port : split(value)) {
                    if (!port.isEmpty() && port(port) < 0) {
                        throw invalid(p, value, source, "port numbers from 1 to 65535 separated by commas");
                    }
                }
                return;
            default:
                throw new AssertionError(p.type());
        }
    }

    /** true/false, on/off, yes/no, 1/0 (libpq's and pgjdbc's spellings); {@code null} otherwise. */
    static Boolean bool(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "on": case "yes": case "1":
                return Boolean.TRUE;
            case "false": case "off": case "no": case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    static Long integer(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration seconds(String value) {
        return Duration.ofNanos(decimal(value).movePointRight(9).longValue());
    }

    /** The choice as spelled in {@link ConnectionProperty#choices()}, matched ignoring case; {@code null} if none. */
    static String choice(ConnectionProperty p, String value) {
        String v = value.trim();
        for (String c : p.choices()) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        return null;
    }

    /** The port, or -1 when the text is not a number from 1 to 65535. */
    static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** Splits a comma-separated list, keeping empty entries (they mean "the default"). */
    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = list.indexOf(',', start);
            if (comma < 0) {
                out.add(list.substring(start).trim());
                return out;
            }
            out.add(list.substring(start, comma).trim());
            start = comma + 1;
        }
    }

    static SQLException invalid(ConnectionProperty p, String value, PropertySource source, String expected) {
        String shown = p.secret() ? "<hidden>" : "\"" + value + "\"";
        return new SQLDataException("invalid value for connection property " + p.canonicalName() + ": " + shown
                + " (expected: " + expected + ")" + from(p, source), SqlStates.INVALID_PARAMETER_VALUE);
    }

    static String from(ConnectionProperty p, PropertySource source) {
        switch (source) {
            case ENVIRONMENT:
                return ", from environment variable " + p.environmentVariable().orElse("?");
            case URL:
                return ", from the URL";
            case PROPERTIES:
                return ", from the connection properties";
            default:
                return "";
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

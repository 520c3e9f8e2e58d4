package io.tusk.internal.config;

import io.tusk.ConnectionProperty;
import io.tusk.internal.error.SqlStates;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses connection URLs and merges them with {@code Properties} and libpq's environment into a
 * {@link ConnectionConfig}.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>{@code jdbc:tusk://[user[:password]@]host[:port][,host2[:port2]…][/database][?name=value&…]}</li>
 *   <li>pgjdbc's {@code jdbc:postgresql://host[:port][,…]/[database][?…]}, {@code jdbc:postgresql:database},
 *       {@code jdbc:postgresql:/} — the same syntax without the user-info part, which pgjdbc does not
 *       accept either (so a {@code jdbc:postgresql:} URL means the same to both drivers)</li>
 *   <li>libpq's {@code postgresql://…} and {@code postgres://…} URIs (for {@code Tusk.connect(dsn)})</li>
 * </ul>
 * IPv6 addresses are bracketed ({@code [::1]:5432}); the database and every value are
 * percent-decoded as UTF-8. {@code +} is a space only in the query string of the {@code jdbc:}
 * forms (pgjdbc decodes it with {@code URLDecoder}); it is literal in the path and in libpq URIs.
 * A repeated key keeps its last value; unknown keys are ignored (logged at DEBUG).
 *
 * <p>Precedence, highest first: {@code Properties} &gt; URL &gt; libpq environment variables &gt;
 * defaults. (pgjdbc lets the URL win over {@code Properties}; Tusk lets the explicit programmatic
 * value win, which is how a DataSource setter or a pool's property overrides a shared URL.)
 *
 * <p>Errors: a malformed URL is SQLSTATE 08001 naming the problem and the index in the URL; a
 * value a known property cannot take is 22023 naming the property and the value. Neither ever
 * contains a password.
 */
public final class ConnectionUrl {
    public static final String TUSK_PREFIX = "jdbc:tusk:";
    public static final String PGJDBC_PREFIX = "jdbc:postgresql:";
    private static final String[] LIBPQ_PREFIXES = {"postgresql:", "postgres:"};
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionUrl.class);

    /** The three spellings, which differ in small ways (user info, {@code +}, {@code ssl=true}). */
    enum Syntax { TUSK, PGJDBC, LIBPQ }

    private ConnectionUrl() {
    }

    /**
     * Whether this is a JDBC URL of ours ({@code jdbc:tusk:} or {@code jdbc:postgresql:});
     * {@code false} lets DriverManager try other drivers. libpq URIs are not JDBC URLs, so they are
     * not accepted here, though {@link #parse} reads them.
     */
    public static boolean acceptsURL(String url) {
        Syntax syntax = url == null ? null : syntax(url);
        return syntax == Syntax.TUSK || syntax == Syntax.PGJDBC;
    }

    /** Parses with the real process environment; see {@link #parse(String, Properties, ClientEnvironment)}. */
    public static ConnectionConfig parse(String url, Properties info) throws SQLException {
        return parse(url, info, ClientEnvironment.system());
    }

    /**
     * Parses the URL, lets {@code info} override it, fills the rest from libpq's environment
     * variables, and validates every value.
     *
     * @param url  a URL this class {@linkplain #acceptsURL accepts}; {@code "jdbc:tusk:"} alone means
     *             "everything from {@code info}, the environment and the defaults"
     * @param info may be {@code null}; keys are matched by name or alias, ignoring case
     * @throws SQLException 08001 for a malformed URL, 22023 for an invalid value, 0A000 for an
     *                      unsupported property
     */
    public static ConnectionConfig parse(String url, Properties info, ClientEnvironment env) throws SQLException {
        Map<ConnectionProperty, String> urlValues = parseUrl(url);
        EnumMap<ConnectionProperty, String> raw = new EnumMap<>(ConnectionProperty.class);
        EnumMap<ConnectionProperty, PropertySource> sources = new EnumMap<>(ConnectionProperty.class);
        for (ConnectionProperty p : ConnectionProperty.values()) {
            Optional<String> variable = p.environmentVariable();
            String value = variable.isPresent() ? env.variable(variable.get()) : null;
            if (value != null) {
                raw.put(p, value);
                sources.put(p, PropertySource.ENVIRONMENT);
            }
        }
        urlValues.forEach((p, v) -> {
            raw.put(p, v);
            sources.put(p, PropertySource.URL);
        });
        propertiesValues(info).forEach((p, v) -> {
            raw.put(p, v);
            sources.put(p, PropertySource.PROPERTIES);
        });
        return new ConnectionConfig(raw, sources, env);
    }

    /**
     * What {@code Driver.getPropertyInfo} reports: every property, in documentation order, with the
     * value given so far by the URL or {@code info} (secrets are left out), else its default. A URL
     * that cannot be parsed contributes nothing; values are not validated.
     */
    public static DriverPropertyInfo[] propertyInfo(String url, Properties info) {
        Map<ConnectionProperty, String> given = new EnumMap<>(ConnectionProperty.class);
        try {
            given.putAll(parseUrl(url));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("getPropertyInfo: URL not parsed: {}", e.getMessage());
        }
        given.putAll(propertiesValues(info));
        ConnectionProperty[] all = ConnectionProperty.values();
        DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].toDriverPropertyInfo(all[i].secret() ? null : given.get(all[i]));
        }
        return out;
    }

    /** The URL's own values (no environment, no defaults), keyed by property; package-private for tests. */
    static Map<ConnectionProperty, String> parseUrl(String url) throws SQLException {
        Syntax syntax = url == null ? null : syntax(url);
        if (syntax == null) {
            throw malformed("the URL does not start with " + TUSK_PREFIX + ", " + PGJDBC_PREFIX
                    + ", postgresql:// or postgres://", 0);
        }
        int pos = url.indexOf(':', syntax == Syntax.LIBPQ ? 0 : "jdbc:".length()) + 1; // just after the prefix
        int query = url.indexOf('?', pos);
        int end = query < 0 ? url.length() : query;
        Map<ConnectionProperty, String> values = new LinkedHashMap<>();
        if (url.startsWith("//", pos)) {
            int authority = pos + 2;
            int slash = url.indexOf('/', authority);
            if (slash < 0 || slash > end) {
                slash = end;
            }
            parseAuthority(url, authority, slash, syntax, values);
            if (slash < end) {
                putDatabase(url, slash + 1, end, values);
            }
        } else if (syntax == Syntax.LIBPQ) {
            throw malformed("expected \"//\" after the scheme", pos);
        } else {
            // pgjdbc's short forms: jdbc:postgresql:database and jdbc:postgresql:/ (local server).
            putDatabase(url, pos < end && url.charAt(pos) == '/' ? pos + 1 : pos, end, values);
        }
        if (query >= 0) {
            parseQuery(url, query + 1, syntax, values);
        }
        return values;
    }

    static SQLException malformed(String problem, int index) {
        return new SQLNonTransientConnectionException("malformed connection URL: " + problem + " at index " + index,
                SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION);
    }

    private static Syntax syntax(String url) {
        if (url.regionMatches(true, 0, TUSK_PREFIX, 0, TUSK_PREFIX.length())) {
            return Syntax.TUSK;
        }
        if (url.regionMatches(true, 0, PGJDBC_PREFIX, 0, PGJDBC_PREFIX.length())) {
            return Syntax.PGJDBC;
        }
        for (String prefix : LIBPQ_PREFIXES) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Syntax.LIBPQ;
            }
        }
        return null;
    }

    private static void putDatabase(String url, int from, int to, Map<ConnectionProperty, String> values)
            throws SQLException {
        String database = PercentDecoder.decode(url, from, to, false, "database name");
        if (!database.isEmpty()) {
            values.put(ConnectionProperty.PG_DBNAME, database);
        }
    }

    private static void parseAuthority(String url, int from, int to, Syntax syntax,
            Map<ConnectionProperty, String> values) throws SQLException {
        int at = url.lastIndexOf('@', to - 1);
        int hostsFrom = from;
        if (at >= from) {
            if (syntax == Syntax.PGJDBC) {
                throw malformed("user name or password before '@' is not part of the jdbc:postgresql: syntax "
                        + "(expected: ?user=…&password=…, or the jdbc:tusk: prefix)", from);
            }
            int colon = url.indexOf(':', from);
            int userEnd = colon >= 0 && colon < at ? colon : at;
            String user = PercentDecoder.decode(url, from, userEnd, false, "user name");
            if (!user.isEmpty()) {
                values.put(ConnectionProperty.USER, user);
            }
            if (userEnd < at) {
                values.put(ConnectionProperty.PASSWORD, PercentDecoder.decode(url, userEnd + 1, at, false, "password"));
            }
            hostsFrom = at + 1;
        }
        if (hostsFrom == to) {
            return;
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        int i = hostsFrom;
        while (true) {
            int comma = url.indexOf(',', i);
            if (comma < 0 || comma > to) {
                comma = to;
            }
            parseHostPort(url, i, comma, hosts, ports);
            if (comma == to) {
                break;
            }
            i = comma + 1;
        }
        if (hosts.stream().anyMatch(h -> !h.isEmpty())) {
            values.put(ConnectionProperty.PG_HOST, String.join(",", hosts));
        }
        if (ports.stream().anyMatch(p -> !p.isEmpty())) {
            values.put(ConnectionProperty.PG_PORT, String.join(",", ports));
        }
    }

    private static void parseHostPort(String url, int from, int to, List<String> hosts, List<String> ports)
            throws SQLException {
        String host;
        int portAt = -1;
        if (from < to && url.charAt(from) == '[') {
            int close = url.indexOf(']', from);
            if (close < 0 || close >= to) {
                throw malformed("IPv6 address opened with '[' is not closed with ']'", from);
            }
            host = PercentDecoder.decode(url, from + 1, close, false, "host");
            if (host.isEmpty()) {
                throw malformed("empty IPv6 address between '[' and ']'", from);
            }
            if (close + 1 < to) {
                if (url.charAt(close + 1) != ':') {
                    throw malformed("unexpected '" + url.charAt(close + 1) + "' after ']' (expected: ':' and a port)",
                            close + 1);
                }
                portAt = close + 2;
            }
        } else {
            int colon = url.indexOf(':', from);
            if (colon >= 0 && colon < to) {
                int second = url.indexOf(':', colon + 1);
                if (second >= 0 && second < to) {
                    throw malformed("an IPv6 address must be written in brackets, e.g. [::1]:5432", from);
                }
                portAt = colon + 1;
            }
            host = PercentDecoder.decode(url, from, portAt < 0 ? to : portAt - 1, false, "host");
            if (host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
                throw malformed("'[' or ']' inside a host name (expected: [IPv6 address])", from);
            }
        }
        String port = portAt < 0 ? "" : url.substring(portAt, to);
        if (!port.isEmpty() && PropertyValues.port(port) < 0) {
            // The text itself is not shown: with a '/' or '?' in an unencoded password, what looks
            // like a port is part of the password.
            throw malformed("invalid port (expected: a number from 1 to 65535)", portAt);
        }
        hosts.add(host);
        ports.add(port);
    }

    private static void parseQuery(String url, int from, Syntax syntax, Map<ConnectionProperty, String> values)
            throws SQLException {
        boolean plusIsSpace = syntax != Syntax.LIBPQ;
        int i = from;
        while (i <= url.length()) {
            int amp = url.indexOf('&', i);
            if (amp < 0) {
                amp = url.length();
            }
            if (amp > i) {
                int eq = url.indexOf('=', i);
                if (eq < 0 || eq > amp) {
                    eq = -1;
                }
                String key = PercentDecoder.decode(url, i, eq < 0 ? amp : eq, plusIsSpace, "property name");
                if (key.isEmpty()) {
                    throw malformed("empty property name before '='", i);
                }
                String value = eq < 0 ? "" : PercentDecoder.decode(url, eq + 1, amp, plusIsSpace, "value of " + key);
                put(key, value, syntax, values);
            }
            i = amp + 1;
        }
    }

    private static void put(String key, String value, Syntax syntax, Map<ConnectionProperty, String> values)
            throws SQLException {
        if (syntax == Syntax.LIBPQ && key.equalsIgnoreCase("ssl")) {
            // libpq reads ssl=true in a URI as sslmode=require "for JDBC compatibility", and refuses
            // other values; pgjdbc's meaning (verify-full) applies to the jdbc: forms only.
            if (!value.equalsIgnoreCase("true")) {
                throw PropertyValues.invalid(ConnectionProperty.SSL, value, PropertySource.URL,
                        "true, which in a postgresql:// URI means sslmode=require as in libpq");
            }
            values.remove(ConnectionProperty.SSL_MODE);
            values.put(ConnectionProperty.SSL_MODE, "require");
            return;
        }
        Optional<ConnectionProperty> p = ConnectionProperty.forName(key);
        if (p.isEmpty()) {
            LOG.debug("ignoring unknown connection property \"{}\" in the URL", key);
            return;
        }
        values.remove(p.get()); // last one wins, and its position becomes the latest
        values.put(p.get(), value);
    }

    /** Known properties from {@code info}; keys in sorted order so that two spellings of one property resolve alike every time. */
    private static Map<ConnectionProperty, String> propertiesValues(Properties info) {
        Map<ConnectionProperty, String> out = new EnumMap<>(ConnectionProperty.class);
        if (info == null) {
            return out;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String name : info.stringPropertyNames()) {
            sorted.put(name, info.getProperty(name));
        }
        for (Map.Entry<Object, Object> e : info.entrySet()) {
            // Properties.put may hold non-strings (an Integer port from a pool's map); read them as text.
            if (e.getKey() instanceof String && e.getValue() != null && !(e.getValue() instanceof String)) {
                sorted.put((String) e.getKey(), e.getValue().toString());
            }
        }
        sorted.forEach((name, value) -> {
            Optional<ConnectionProperty> p = ConnectionProperty.forName(name);
            if (p.isPresent()) {
                out.put(p.get(), value);
            } else {
                LOG.debug("ignoring unknown connection property \"{}\"", name);
            }
        });
        return out;
    }
}

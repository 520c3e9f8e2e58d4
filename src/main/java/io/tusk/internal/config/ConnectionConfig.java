package io.tusk.internal.config;

import static io.tusk.ConnectionProperty.*;

import io.tusk.ConnectionProperty;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ChannelBinding;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.SslMode;
import io.tusk.internal.sql.EscapeCallMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's configuration, merged from {@code Properties}, the URL, libpq's environment and
 * the defaults ({@link ConnectionUrl#parse}), validated, with a typed getter per property and
 * {@link #toSettings()} for the engine. Immutable.
 *
 * <p>Time-outs are {@link Duration}s where {@link Duration#ZERO} means "no limit".
 */
public final class ConnectionConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionConfig.class);
    private static final int DEFAULT_PORT = 5432;
    /** Each not-yet-acting property is warned about once per JVM, not once per pooled connection. */
    private static final Set<ConnectionProperty> WARNED = ConcurrentHashMap.newKeySet();
    private static final Set<String> WARNED_SOCKETS = ConcurrentHashMap.newKeySet();

    private final Map<ConnectionProperty, String> raw;
    private final Map<ConnectionProperty, PropertySource> sources;
    private final ClientEnvironment env;
    private final List<HostSpec> hosts;
    private final SslMode sslMode;
    private final String user;

    ConnectionConfig(EnumMap<ConnectionProperty, String> raw, EnumMap<ConnectionProperty, PropertySource> sources,
            ClientEnvironment env) throws SQLException {
        this.raw = new RawValues(new EnumMap<>(raw));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        this.env = env;
        for (Map.Entry<ConnectionProperty, String> e : raw.entrySet()) {
            PropertyValues.check(e.getKey(), e.getValue(), source(e.getKey()));
        }
        if (given(SERVICE) != null) {
            throw new SQLFeatureNotSupportedException("connection property service (pg_service.conf) is not "
                    + "supported yet (expected: host, port and dbname given directly)", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        this.user = given(USER) != null ? given(USER) : env.osUser();
        if (user == null || user.isEmpty()) {
            throw new SQLNonTransientConnectionException("no user name given and the operating-system user is "
                    + "unknown (expected: the user property or PGUSER)", SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION);
        }
        this.hosts = resolveHosts();
        this.sslMode = resolveSslMode();
        logInactive();
    }

    // ---- where to connect, as whom ----

    /** The hosts in the order given (before any load-balancing shuffle). */
    public List<HostSpec> hosts() {
        return hosts;
    }

    /** The user name: {@code user}, PGUSER, or the operating-system user. */
    public String user() {
        return user;
    }

    /** The database: {@code PGDBNAME}/dbname, PGDATABASE, or the user name (libpq's rule). */
    public String database() {
        String db = given(PG_DBNAME);
        return db != null ? db : user;
    }

    /** The password given as a property, in the URL or as PGPASSWORD, or {@code null}; see {@link #passwordFor}. */
    public String password() {
        return given(PASSWORD);
    }

    /** The password file: {@code passfile}, PGPASSFILE, or libpq's default location (may be {@code null}). */
    public Path passFile() {
        String file = given(PASSFILE);
        return file != null ? Path.of(file) : env.defaultPassFile();
    }

    /** The password for one host: the given one, else the first matching line of the password file, else {@code null}. */
    public String passwordFor(HostSpec host) {
        return passwordFor(List.of(host));
    }

    // ---- TLS ----

    /** The effective sslmode: {@code sslmode}, or verify-full for pgjdbc's {@code ssl=true}, or prefer. */
    public SslMode sslMode() {
        return sslMode;
    }

    /** {@code sslrootcert} as a path ({@code system} stays the literal path "system"), or {@code null} for the default. */
    public Path sslRootCert() {
        return path(SSL_ROOT_CERT);
    }

    public Path sslCert() {
        return path(SSL_CERT);
    }

    public Path sslKey() {
        return path(SSL_KEY);
    }

    public String sslPassword() {
        return given(SSL_PASSWORD);
    }

    public SslNegotiation sslNegotiation() {
        return SslNegotiation.valueOf(choice(SSL_NEGOTIATION).toUpperCase(Locale.ROOT));
    }

    public boolean sslSni() {
        return bool(SSL_SNI);
    }

    public ChannelBinding channelBinding() {
        return ChannelBinding.valueOf(choice(CHANNEL_BINDING).toUpperCase(Locale.ROOT));
    }

    // ---- session ----

    public String applicationName() {
        return given(APPLICATION_NAME);
    }

    public String options() {
        return given(OPTIONS);
    }

    /** {@code currentSchema} as given (see {@link #toSettings()} for the search_path sent), or {@code null}. */
    public String currentSchema() {
        return given(CURRENT_SCHEMA);
    }

    public boolean readOnly() {
        return bool(READ_ONLY);
    }

    public AutoSave autosave() {
        return AutoSave.valueOf(choice(AUTOSAVE).toUpperCase(Locale.ROOT));
    }

    public StringType stringType() {
        return StringType.valueOf(choice(STRING_TYPE).toUpperCase(Locale.ROOT));
    }

    // ---- time-outs and the network ----

    /** Per attempt to one host; {@link Duration#ZERO} means no limit. */
    public Duration connectTimeout() {
        return seconds(CONNECT_TIMEOUT);
    }

    /**
     * Over all hosts; {@link Duration#ZERO} means none given, and the JDBC driver then uses
     * DriverManager's login timeout.
     */
    public Duration loginTimeout() {
        return seconds(LOGIN_TIMEOUT);
    }

    public Duration socketTimeout() {
        return seconds(SOCKET_TIMEOUT);
    }

    /** Default statement time-out ({@code queryTimeout}/{@code commandTimeout}); {@link Duration#ZERO} means none. */
    public Duration queryTimeout() {
        return seconds(QUERY_TIMEOUT);
    }

    public Duration cancelSignalTimeout() {
        return seconds(CANCEL_SIGNAL_TIMEOUT);
    }

    public boolean tcpKeepAlive() {
        return bool(TCP_KEEP_ALIVE);
    }

    // ---- several hosts ----

    public TargetServerType targetServerType() {
        return TargetServerType.parse(choice(TARGET_SERVER_TYPE));
    }

    public boolean loadBalanceHosts() {
        String v = choice(LOAD_BALANCE_HOSTS);
        return v.equals("true") || v.equals("random");
    }

    public Duration hostRecheck() {
        return seconds(HOST_RECHECK_SECONDS);
    }

    // ---- statements ----

    public int prepareThreshold() {
        return integer(PREPARE_THRESHOLD);
    }

    public int preparedStatementCacheQueries() {
        return integer(PREPARED_STATEMENT_CACHE_QUERIES);
    }

    public int preparedStatementCacheSizeMiB() {
        return integer(PREPARED_STATEMENT_CACHE_SIZE_MIB);
    }

    /** SQL longer than this many characters is not cached; 0 means no limit. */
    public int maxCacheableStatementSize() {
        return integer(MAX_CACHEABLE_STATEMENT_SIZE);
    }

    public boolean binaryTransfer() {
        return bool(BINARY_TRANSFER);
    }

    public boolean reWriteBatchedInserts() {
        return bool(REWRITE_BATCHED_INSERTS);
    }

    /** How JDBC {@code {call ...}} escapes are rewritten: {@code escapeSyntaxCallMode}. */
    public EscapeCallMode escapeSyntaxCallMode() {
        return EscapeCallMode.fromPropertyValue(choice(ESCAPE_SYNTAX_CALL_MODE));
    }

    public int defaultRowFetchSize() {
        return integer(DEFAULT_ROW_FETCH_SIZE);
    }

    // ---- protocol and compatibility ----

    public int maxMessageSize() {
        return integer(MAX_MESSAGE_SIZE);
    }

    /** {@link ConnectionSettings#PROTOCOL_3_0} or {@link ConnectionSettings#PROTOCOL_3_2}. */
    public int protocolVersion() {
        String v = choice(PROTOCOL_VERSION);
        return v.equals("3.2") || v.equals("latest") ? ConnectionSettings.PROTOCOL_3_2 : ConnectionSettings.PROTOCOL_3_0;
    }

    public String assumeMinServerVersion() {
        return given(ASSUME_MIN_SERVER_VERSION);
    }

    public boolean logUnclosedConnections() {
        return bool(LOG_UNCLOSED_CONNECTIONS);
    }

    // ---- the values themselves ----

    /** The values given (from the environment, the URL or the properties; defaults are not included). Its {@code toString()} hides secrets. */
    public Map<ConnectionProperty, String> raw() {
        return raw;
    }

    /** Where the value came from; {@link PropertySource#DEFAULT} when it was not given. */
    public PropertySource source(ConnectionProperty p) {
        return sources.getOrDefault(p, PropertySource.DEFAULT);
    }

    /** The value as text: the given one, else the default (may be {@code null}). */
    public String value(ConnectionProperty p) {
        return text(p);
    }

    /** Properties that were set to a non-default value but do not act in this version. */
    public Set<ConnectionProperty> notYetActing() {
        Set<ConnectionProperty> out = EnumSet.noneOf(ConnectionProperty.class);
        for (ConnectionProperty p : raw.keySet()) {
            if (p.support() == Support.NOT_YET && differsFromDefault(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The engine's settings, with the hosts shuffled when {@code loadBalanceHosts} is on. */
    public ConnectionSettings toSettings() {
        return toSettings(ThreadLocalRandom.current());
    }

    /**
     * As {@link #toSettings()}, shuffling with the given random source. Reads the password file when
     * no password was given, once per call, as libpq does per connection.
     */
    public ConnectionSettings toSettings(Random random) {
        List<HostSpec> order = new ArrayList<>(hosts);
        if (loadBalanceHosts()) {
            Collections.shuffle(order, random);
        }
        Duration connectTimeout = connectTimeout();
        ConnectionSettings.Builder b = ConnectionSettings.builder()
                .hosts(order)
                .user(user)
                .database(database())
                .password(passwordFor(order))
                .applicationName(applicationName())
                .options(options())
                .sslMode(sslMode)
                .sslRootCert(sslRootCert())
                .sslCert(sslCert())
                .sslKey(sslKey())
                .sslDirect(sslNegotiation() == SslNegotiation.DIRECT)
                .sslSni(sslSni())
                .channelBinding(channelBinding())
                // The engine has no "unbounded"; Integer.MAX_VALUE ms (24.8 days) is the largest the
                // socket layer takes, so 0 becomes that.
                .connectTimeout(connectTimeout.isZero() ? Duration.ofMillis(Integer.MAX_VALUE) : connectTimeout)
                .loginTimeout(loginTimeout())
                .tcpKeepAlive(tcpKeepAlive())
                .maxMessageSize(maxMessageSize())
                .protocolVersion(protocolVersion());
        String schema = currentSchema();
        String searchPath = schema == null ? null : SearchPath.fromCurrentSchema(schema);
        if (searchPath != null) {
            b.startupParameter("search_path", searchPath);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "ConnectionConfig" + raw;
    }

    // ---- resolution ----

    private List<HostSpec> resolveHosts() throws SQLException {
        List<String> names = PropertyValues.split(text(PG_HOST));
        List<String> ports = PropertyValues.split(text(PG_PORT));
        if (ports.size() != 1 && ports.size() != names.size()) {
            throw PropertyValues.invalid(PG_PORT, text(PG_PORT), source(PG_PORT),
                    "one port for all hosts, or one per host (" + names.size() + " hosts)");
        }
        List<HostSpec> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String port = ports.get(ports.size() == 1 ? 0 : i);
            out.add(new HostSpec(hostName(names.get(i)), port.isEmpty() ? DEFAULT_PORT : PropertyValues.port(port)));
        }
        return List.copyOf(out);
    }

    private static String hostName(String entry) {
        if (entry.startsWith("[") && entry.endsWith("]")) {
            return entry.substring(1, entry.length() - 1);
        }
        if (entry.isEmpty()) {
            return "localhost";
        }
        if (entry.startsWith("/") || entry.startsWith("@")) {
            // libpq would use the Unix socket in that directory; Tusk has no socket transport yet.
            if (WARNED_SOCKETS.add(entry)) {
                LOG.warn("host {} is a Unix-domain socket directory; Tusk does not support sockets yet and "
                        + "connects to localhost over TCP instead", entry);
            }
            return "localhost";
        }
        return entry;
    }

    private SslMode resolveSslMode() throws SQLException {
        String modeText = given(SSL_MODE);
        String ssl = raw.get(SSL);
        boolean sslOn = ssl != null && (ssl.isEmpty() || PropertyValues.bool(ssl));
        boolean rootSystem = "system".equals(given(SSL_ROOT_CERT));
        SslMode mode;
        PropertySource modeSource = source(SSL_MODE);
        if (sslOn && (modeText == null || source(SSL).compareTo(modeSource) > 0)) {
            mode = SslMode.VERIFY_FULL; // pgjdbc: ssl=true (or a bare ssl) without sslmode is verify-full
            modeSource = source(SSL);
        } else if (modeText != null) {
            mode = SslMode.parse(modeText.trim());
        } else {
            mode = rootSystem ? SslMode.VERIFY_FULL : SslMode.PREFER; // libpq: system root certs imply verify-full
        }
        if (rootSystem && mode != SslMode.VERIFY_FULL) {
            throw PropertyValues.invalid(SSL_MODE, mode.libpqName(), modeSource,
                    "verify-full, since sslrootcert=system (as in libpq)");
        }
        if (sslNegotiation() == SslNegotiation.DIRECT
                && (mode == SslMode.DISABLE || mode == SslMode.ALLOW || mode == SslMode.PREFER)) {
            throw PropertyValues.invalid(SSL_MODE, mode.libpqName(), modeSource,
                    "require, verify-ca or verify-full, since sslNegotiation=direct cannot fall back to plain text");
        }
        return mode;
    }

    private String passwordFor(List<HostSpec> candidates) {
        String password = password();
        if (password != null) {
            return password;
        }
        PgPass file = PgPass.read(passFile());
        for (HostSpec host : candidates) {
            String found = file.find(host.host(), host.port(), database(), user);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void logInactive() {
        for (ConnectionProperty p : raw.keySet()) {
            if (p.support() == Support.NOT_YET && differsFromDefault(p) && WARNED.add(p)) {
                LOG.warn("connection property {}={} is accepted but has no effect yet in this version of Tusk",
                        p.canonicalName(), p.secret() ? "<hidden>" : raw.get(p));
            } else if (p.support() == Support.IGNORED) {
                LOG.debug("connection property {} is accepted and ignored", p.canonicalName());
            }
        }
    }

    private boolean differsFromDefault(ConnectionProperty p) {
        String v = given(p);
        String d = p.defaultValue();
        if (v == null) {
            return false;
        }
        if (d == null) {
            return true;
        }
        switch (p.type()) {
            case BOOLEAN:
                return !PropertyValues.bool(v).equals(PropertyValues.bool(d));
            case INTEGER:
                return !PropertyValues.integer(v).equals(PropertyValues.integer(d));
            case SECONDS:
                return !PropertyValues.seconds(v).equals(PropertyValues.seconds(d));
            case CHOICE:
                return p == TARGET_SERVER_TYPE
                        ? TargetServerType.parse(v) != TargetServerType.parse(d)
                        : !PropertyValues.choice(p, v).equals(PropertyValues.choice(p, d));
            default:
                return !v.equals(d);
        }
    }

    // ---- typed reads of checked values ----

    /** The given value, or {@code null} when absent or empty. */
    private String given(ConnectionProperty p) {
        String v = raw.get(p);
        return v == null || v.isEmpty() ? null : v;
    }

    private String text(ConnectionProperty p) {
        String v = given(p);
        return v != null ? v : p.defaultValue();
    }

    private Path path(ConnectionProperty p) {
        String v = given(p);
        return v == null ? null : Path.of(v);
    }

    private boolean bool(ConnectionProperty p) {
        return PropertyValues.bool(text(p));
    }

    private int integer(ConnectionProperty p) {
        return Math.toIntExact(PropertyValues.integer(text(p)));
    }

    private Duration seconds(ConnectionProperty p) {
        return PropertyValues.seconds(text(p));
    }

    private String choice(ConnectionProperty p) {
        return PropertyValues.choice(p, text(p));
    }

    /** An unmodifiable view whose {@code toString()} shows secrets as {@code <hidden>}. */
    private static final class RawValues extends AbstractMap<ConnectionProperty, String> {
        private final Map<ConnectionProperty, String> values;

        RawValues(EnumMap<ConnectionProperty, String> values) {
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<ConnectionProperty, String>> entrySet() {
            return values.entrySet();
        }

        @Override
        public String get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            values.forEach((p, v) -> j.add(p.canonicalName() + "=" + (p.secret() ? "<hidden>" : v)));
            return j.toString();
        }
    }
}

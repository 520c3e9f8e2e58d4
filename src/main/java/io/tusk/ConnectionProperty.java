package io.tusk;

import java.sql.DriverPropertyInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every connection property Tusk understands, in one place: the URL parser, {@code Properties}
 * handling, {@code Driver.getPropertyInfo}, DataSource setters and {@code docs/configuration.md}
 * (generated from this enum) all read it.
 *
 * <p>Names follow pgjdbc where pgjdbc has the property, so existing {@code jdbc:postgresql:} URLs
 * keep working; libpq's spellings ({@code channel_binding}, {@code application_name},
 * {@code connect_timeout}, {@code target_session_attrs} …) are accepted as aliases. Look-ups are
 * case-insensitive.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.setProperty(ConnectionProperty.SSL_MODE.canonicalName(), "verify-full");
 * ConnectionProperty.forName("channel_binding");   // Optional[CHANNEL_BINDING]
 * ConnectionProperty.CONNECT_TIMEOUT.defaultValue(); // "10" (seconds)
 * }</pre>
 *
 * <p>Some properties are accepted and validated but do not act yet ({@link #support()}); the
 * configuration reference lists them, so that a setting never silently pretends to work.
 */
public enum ConnectionProperty {

    // ---- where to connect, as whom ----
    PG_HOST(named("PGHOST").aliases("host", "serverName").type(Type.HOST_LIST).defaultValue("localhost")
            .env("PGHOST")
            .description("Comma-separated server host names or IP addresses, tried in order; normally "
                    + "written in the URL's authority part.")),
    PG_PORT(named("PGPORT").aliases("port", "portNumber").type(Type.PORT_LIST).defaultValue("5432")
            .env("PGPORT")
            .description("Comma-separated server ports: one for all hosts, or one per host (an empty "
                    + "entry means 5432); normally written in the URL.")),
    PG_DBNAME(named("PGDBNAME").aliases("dbname", "database", "databaseName").env("PGDATABASE")
            .defaultNote("the user name")
            .description("Database to connect to; normally the path of the URL.")),
    USER(named("user").required().env("PGUSER").defaultNote("the operating-system user name")
            .description("Role name to log in as.")),
    PASSWORD(named("password").secret().env("PGPASSWORD").defaultNote("from the password file")
            .description("Password for password, md5 and SCRAM authentication; never logged.")),
    PASSFILE(named("passfile").type(Type.PATH).env("PGPASSFILE")
            .defaultNote("~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows)")
            .description("Password file consulted, as libpq does, when no password is given.")),
    SERVICE(named("service").support(Support.UNSUPPORTED).defaultNote("none")
            .description("Service name to look up in pg_service.conf; not supported yet, so setting "
                    + "it fails the connection instead of connecting somewhere unintended.")),

    // ---- TLS ----
    SSL(named("ssl").type(Type.BOOLEAN).defaultValue("false")
            .description("pgjdbc switch: true (or present without a value) means sslmode=verify-full "
                    + "when sslmode is not given; false leaves sslmode alone.")),
    SSL_MODE(named("sslmode").choices("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
            .defaultValue("prefer").env("PGSSLMODE")
            .description("Whether TLS is used and how the server's certificate is checked, with "
                    + "libpq's meaning for each value.")),
    SSL_ROOT_CERT(named("sslrootcert").type(Type.PATH).env("PGSSLROOTCERT")
            .defaultNote("~/.postgresql/root.crt")
            .description("PEM file of the certificate authorities that may sign the server's "
                    + "certificate; 'system' uses the JVM's trust store and implies verify-full.")),
    SSL_CERT(named("sslcert").type(Type.PATH).env("PGSSLCERT").defaultNote("~/.postgresql/postgresql.crt")
            .description("PEM file with the client certificate for certificate authentication.")),
    SSL_KEY(named("sslkey").type(Type.PATH).env("PGSSLKEY").defaultNote("~/.postgresql/postgresql.key")
            .description("PEM file (unencrypted PKCS#8) with the private key of the client certificate.")),
    SSL_PASSWORD(named("sslpassword").secret().support(Support.NOT_YET).defaultNote("none")
            .description("Pass phrase of an encrypted client key; encrypted keys are not supported yet.")),
    SSL_NEGOTIATION(named("sslNegotiation").choices("postgres", "direct").defaultValue("postgres")
            .env("PGSSLNEGOTIATION")
            .description("postgres asks the server for TLS first; direct starts TLS at once (servers "
                    + "17+, needs sslmode require or stricter).")),
    SSL_SNI(named("sslsni").type(Type.BOOLEAN).defaultValue("true").env("PGSSLSNI")
            .description("Send the host name as TLS Server Name Indication (never for IP addresses).")),
    CHANNEL_BINDING(named("channelBinding").aliases("channel_binding").choices("disable", "prefer", "require")
            .defaultValue("prefer").env("PGCHANNELBINDING")
            .description("Whether SCRAM authentication binds to the TLS channel; require refuses a "
                    + "server that cannot prove itself that way.")),

    // ---- session ----
    APPLICATION_NAME(named("ApplicationName").aliases("application_name").env("PGAPPNAME")
            .defaultNote("none (not sent)")
            .description("Name reported in pg_stat_activity and the server log.")),
    OPTIONS(named("options").env("PGOPTIONS").defaultNote("none")
            .description("Command-line options for the server process, e.g. '-c statement_timeout=5s'.")),
    CURRENT_SCHEMA(named("currentSchema").defaultNote("the server's search_path")
            .description("Schema search path for the session (comma-separated; unquoted names fold to "
                    + "lower case), sent as the search_path startup parameter.")),
    READ_ONLY(named("readOnly").type(Type.BOOLEAN).defaultValue("false")
            .description("Start connections in read-only mode (Connection.setReadOnly(true)).")),
    AUTOSAVE(named("autosave").choices("never", "always", "conservative").defaultValue("never")
            .support(Support.NOT_YET)
            .description("Whether a savepoint guards each statement inside a transaction so that a "
                    + "failed statement does not abort the whole transaction.")),
    STRING_TYPE(named("stringtype").choices("unspecified", "varchar").defaultValue("unspecified")
            .support(Support.NOT_YET)
            .description("Type announced for setString parameters: unspecified lets the server infer "
                    + "it (Tusk's default), varchar is pgjdbc's default.")),

    // ---- time-outs and the network ----
    CONNECT_TIMEOUT(named("connectTimeout").aliases("connect_timeout").type(Type.SECONDS).defaultValue("10")
            .env("PGCONNECT_TIMEOUT")
            .description("Limit for one connection attempt to one host (TCP, TLS and authentication); "
                    + "0 means no limit.")),
    LOGIN_TIMEOUT(named("loginTimeout").type(Type.SECONDS).defaultValue("0")
            .description("Limit for the whole connect: every host and attempt, TLS and authentication "
                    + "(connectTimeout still bounds each attempt); when it runs out the connect fails with "
                    + "08001. 0 means TuskDataSource.setLoginTimeout's value, else DriverManager's login "
                    + "timeout; with those 0 too there is no limit.")),
    SOCKET_TIMEOUT(named("socketTimeout").type(Type.SECONDS).defaultValue("0")
            .description("Limit for how long the server may stay silent while a command waits for "
                    + "its answer, JDBC and async connections alike; then the connection is closed and "
                    + "every waiting and queued command fails with 08006. A query that runs longer "
                    + "without sending anything is cut too (as in pgjdbc); an idle connection never is. "
                    + "0 means no limit.")),
    QUERY_TIMEOUT(named("queryTimeout").aliases("commandTimeout", "command_timeout").type(Type.SECONDS)
            .defaultValue("0").support(Support.NOT_YET)
            .description("Default limit for each statement, after which it is cancelled (asyncpg's "
                    + "command_timeout); 0 means no limit.")),
    CANCEL_SIGNAL_TIMEOUT(named("cancelSignalTimeout").type(Type.SECONDS).defaultValue("10")
            .support(Support.NOT_YET)
            .description("Limit for delivering a cancel request on its separate connection.")),
    TCP_KEEP_ALIVE(named("tcpKeepAlive").type(Type.BOOLEAN).defaultValue("false")
            .description("Enable TCP keep-alive probes on the socket.")),

    // ---- several hosts ----
    TARGET_SERVER_TYPE(named("targetServerType").aliases("target_session_attrs")
            .choices("any", "primary", "secondary", "preferSecondary", "preferPrimary", "read-write",
                    "read-only", "standby", "prefer-standby", "master", "slave", "preferSlave")
            .defaultValue("any").env("PGTARGETSESSIONATTRS").support(Support.NOT_YET)
            .description("Which kind of server among the hosts is acceptable (pgjdbc and libpq names); "
                    + "only 'any' acts yet, the first host that accepts is used.")),
    LOAD_BALANCE_HOSTS(named("loadBalanceHosts").aliases("load_balance_hosts")
            .choices("false", "true", "disable", "random").defaultValue("false").env("PGLOADBALANCEHOSTS")
            .description("Try the hosts in random order instead of the given order (libpq's random "
                    + "and disable are accepted too).")),
    HOST_RECHECK_SECONDS(named("hostRecheckSeconds").type(Type.SECONDS).defaultValue("10")
            .support(Support.NOT_YET)
            .description("How long a host's role learned for targetServerType stays trusted.")),

    // ---- statements ----
    PREPARE_THRESHOLD(named("prepareThreshold").type(Type.INTEGER).range(-1, Integer.MAX_VALUE)
            .defaultValue("5")
            .description("Runs of the same SQL text on a connection before it becomes a named server-side "
                    + "statement with binary results; until then it runs unnamed. 0 never (for poolers "
                    + "such as PgBouncer in transaction mode), 1 from the first run, -1 also with binary "
                    + "results from the first run (one extra round trip to describe it).")),
    PREPARED_STATEMENT_CACHE_QUERIES(named("preparedStatementCacheQueries")
            .aliases("statementCacheSize", "statement_cache_size").type(Type.INTEGER).range(0, Integer.MAX_VALUE)
            .defaultValue("256")
            .description("Statements kept prepared per connection; 0 disables the cache.")),
    PREPARED_STATEMENT_CACHE_SIZE_MIB(named("preparedStatementCacheSizeMiB").type(Type.INTEGER)
            .range(0, 1 << 20).unit(Unit.MEBIBYTES).defaultValue("5").support(Support.NOT_YET)
            .description("Memory the statement cache may use per connection; 0 disables the cache.")),
    MAX_CACHEABLE_STATEMENT_SIZE(named("maxCacheableStatementSize").aliases("max_cacheable_statement_size")
            .type(Type.INTEGER).range(0, Integer.MAX_VALUE).defaultValue("15360")
            .description("SQL text longer than this many characters is never cached (asyncpg's "
                    + "limit); 0 means no limit.")),
    BINARY_TRANSFER(named("binaryTransfer").type(Type.BOOLEAN).defaultValue("true").support(Support.NOT_YET)
            .description("Use the binary format for values of types that have a binary codec.")),
    REWRITE_BATCHED_INSERTS(named("reWriteBatchedInserts").type(Type.BOOLEAN).defaultValue("false")
            .support(Support.NOT_YET)
            .description("Rewrite a batch of single-row INSERTs into multi-row INSERTs.")),
    ESCAPE_SYNTAX_CALL_MODE(named("escapeSyntaxCallMode").choices("select", "callIfNoReturn", "call")
            .defaultValue("select")
            .description("How a JDBC {call ...} escape is sent: select as SELECT * FROM f(...) (functions), "
                    + "call as CALL p(...) (procedures), callIfNoReturn as CALL unless it has a "
                    + "{? = call ...} result parameter.")),
    DEFAULT_ROW_FETCH_SIZE(named("defaultRowFetchSize").type(Type.INTEGER).range(0, Integer.MAX_VALUE)
            .defaultValue("0").support(Support.NOT_YET)
            .description("Rows fetched per round trip for result sets; 0 fetches all rows at once.")),

    // ---- protocol ----
    MAX_MESSAGE_SIZE(named("maxMessageSize").type(Type.INTEGER).range(1024, Integer.MAX_VALUE)
            .unit(Unit.BYTES).defaultValue("1073741824")
            .description("Largest message accepted from the server; a longer one closes the "
                    + "connection as a protocol violation.")),
    PROTOCOL_VERSION(named("protocolVersion").aliases("max_protocol_version")
            .choices("3.0", "3.2", "3", "latest").defaultValue("3.0")
            .description("Protocol version requested at startup; 3.2 (PostgreSQL 18) falls back to "
                    + "3.0 on older servers, 3 and latest mean 3.0 and 3.2.")),

    // ---- compatibility ----
    ASSUME_MIN_SERVER_VERSION(named("assumeMinServerVersion").support(Support.IGNORED).defaultNote("none")
            .description("pgjdbc start-up shortcut; accepted and ignored, Tusk needs no round trip "
                    + "to learn the server version.")),
    LOG_UNCLOSED_CONNECTIONS(named("logUnclosedConnections").type(Type.BOOLEAN).defaultValue("false")
            .support(Support.NOT_YET)
            .description("Log where a connection was opened when it is garbage-collected unclosed."));

    /** How a property's value is read. */
    public enum Type {
        /** Free text. */
        STRING,
        /** A file path. */
        PATH,
        /** true/false (on/off, yes/no and 1/0 are accepted too). */
        BOOLEAN,
        /** A whole number within {@link #minimum()} and {@link #maximum()}. */
        INTEGER,
        /** A non-negative number of seconds, fractions allowed. */
        SECONDS,
        /** One of {@link #choices()}, compared case-insensitively. */
        CHOICE,
        /** Comma-separated host names; IPv6 addresses may be bracketed. */
        HOST_LIST,
        /** Comma-separated port numbers. */
        PORT_LIST
    }

    /** Whether setting a property has an effect in this version. */
    public enum Support {
        /** The property acts. */
        ACTIVE,
        /** Accepted and validated, but without effect yet. */
        NOT_YET,
        /** Accepted for compatibility and deliberately without effect. */
        IGNORED,
        /** Refused with an error when set, because ignoring it could connect somewhere unintended. */
        UNSUPPORTED
    }

    /** The unit of a numeric property. */
    public enum Unit {
        SECONDS("s"), BYTES("bytes"), MEBIBYTES("MiB");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Map<String, ConnectionProperty> BY_NAME = new HashMap<>();

    static {
        for (ConnectionProperty p : values()) {
            register(p.canonicalName, p);
            for (String alias : p.aliases) {
                register(alias, p);
            }
        }
    }

    private final String canonicalName;
    private final List<String> aliases;
    private final String defaultValue;
    private final String defaultNote;
    private final String description;
    private final List<String> choices;
    private final boolean required;
    private final boolean secret;
    private final Type type;
    private final Unit unit;
    private final long minimum;
    private final long maximum;
    private final String environmentVariable;
    private final Support support;

    ConnectionProperty(Spec s) {
        this.canonicalName = s.name;
        this.aliases = List.copyOf(s.aliases);
        this.defaultValue = s.defaultValue;
        this.defaultNote = s.defaultNote;
        this.description = s.description;
        this.choices = List.copyOf(s.choices);
        this.required = s.required;
        this.secret = s.secret;
        this.type = s.type;
        this.unit = s.type == Type.SECONDS ? Unit.SECONDS : s.unit;
        this.minimum = s.type == Type.SECONDS ? 0 : s.minimum;
        this.maximum = s.maximum;
        this.environmentVariable = s.env;
        this.support = s.support;
    }

    /** The name used in the documentation and in {@link DriverPropertyInfo} (pgjdbc's where pgjdbc has one). */
    public String canonicalName() {
        return canonicalName;
    }

    /** Other accepted names: libpq's keywords, asyncpg's and DataSource spellings. */
    public List<String> aliases() {
        return aliases;
    }

    /** The value used when none is given, or {@code null} when it is derived ({@link #defaultDescription()}). */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default for people: {@link #defaultValue()}, or what is used instead (e.g. "the user name"). */
    public String defaultDescription() {
        return defaultValue != null ? defaultValue : defaultNote;
    }

    /** One sentence saying what the property does. */
    public String description() {
        return description;
    }

    /** The accepted values of a {@link Type#CHOICE} property, empty for other types. */
    public List<String> choices() {
        return choices;
    }

    /** Whether a tool should prompt for the value (Tusk can still fall back, e.g. to the OS user). */
    public boolean required() {
        return required;
    }

    /** Whether the value is a secret that is never logged or put in messages. */
    public boolean secret() {
        return secret;
    }

    public Type type() {
        return type;
    }

    /** The unit of a numeric value (seconds for every time-out). */
    public Optional<Unit> unit() {
        return Optional.ofNullable(unit);
    }

    /** Smallest accepted value of an {@link Type#INTEGER} or {@link Type#SECONDS} property. */
    public long minimum() {
        return minimum;
    }

    /** Largest accepted value of an {@link Type#INTEGER} or {@link Type#SECONDS} property. */
    public long maximum() {
        return maximum;
    }

    /** libpq's environment variable used when neither the URL nor the properties give a value. */
    public Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    public Support support() {
        return support;
    }

    /** Finds a property by its canonical name or an alias, ignoring case. */
    public static Optional<ConnectionProperty> forName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Describes this property for {@link java.sql.Driver#getPropertyInfo}.
     *
     * @param currentValue the value given so far, or {@code null} to report the default
     */
    public DriverPropertyInfo toDriverPropertyInfo(String currentValue) {
        DriverPropertyInfo info = new DriverPropertyInfo(canonicalName, currentValue != null ? currentValue : defaultValue);
        info.description = description;
        info.required = required;
        info.choices = choices.isEmpty() ? null : choices.toArray(new String[0]);
        return info;
    }

    private static void register(String name, ConnectionProperty p) {
        ConnectionProperty previous = BY_NAME.put(name.toLowerCase(Locale.ROOT), p);
        if (previous != null && previous != p) {
            throw new ExceptionInInitializerError("connection property name " + name + " used by "
                    + previous + " and " + p);
        }
    }

    private static Spec named(String name) {
        return new Spec(name);
    }

    /** Collects one constant's attributes so each constant reads as a sentence. */
    private static final class Spec {
        private final String name;
        private List<String> aliases = List.of();
        private String defaultValue;
        private String defaultNote;
        private String description;
        private List<String> choices = List.of();
        private boolean required;
        private boolean secret;
        private Type type = Type.STRING;
        private Unit unit;
        private long minimum = Long.MIN_VALUE;
        private long maximum = Long.MAX_VALUE;
        private String env;
        private Support support = Support.ACTIVE;

        Spec(String name) {
            this.name = name;
        }

        Spec aliases(String... names) { this.aliases = List.of(names); return this; }
        Spec defaultValue(String value) { this.defaultValue = value; return this; }
        Spec defaultNote(String note) { this.defaultNote = note; return this; }
        Spec description(String text) { this.description = text; return this; }
        Spec choices(String... values) { this.choices = List.of(values); this.type = Type.CHOICE; return this; }
        Spec required() { this.required = true; return this; }
        Spec secret() { this.secret = true; return this; }
        Spec type(Type t) {
            this.type = t;
            if (t == Type.SECONDS) {
                // Whole milliseconds must fit an int, the limit of the socket options underneath.
                this.maximum = Integer.MAX_VALUE / 1000;
            }
            return this;
        }
        Spec unit(Unit u) { this.unit = u; return this; }
        Spec range(long min, long max) { this.minimum = min; this.maximum = max; return this; }
        Spec env(String variable) { this.env = variable; return this; }
        Spec support(Support s) { this.support = s; return this; }
    }
}

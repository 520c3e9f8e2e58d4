package io.tusk.internal.protocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine needs to open one connection. Immutable; built with {@link #builder()}.
 * The public configuration (URL parsing, {@code Properties}, DataSource setters) maps onto this.
 */
public final class ConnectionSettings {
    /** Protocol 3.0, what every server since 7.4 speaks. */
    public static final int PROTOCOL_3_0 = 196608;
    /** Protocol 3.2 (PostgreSQL 18): longer cancel keys. Older servers negotiate down to 3.0. */
    public static final int PROTOCOL_3_2 = 196610;

    private final List<HostSpec> hosts;
    private final String database;
    private final String user;
    private final String password;
    private final String applicationName;
    private final String options;
    private final Map<String, String> startupParameters;
    private final SslMode sslMode;
    private final Path sslRootCert;
    private final Path sslCert;
    private final Path sslKey;
    private final boolean sslDirect;
    private final boolean sslSni;
    private final ChannelBinding channelBinding;
    private final Duration connectTimeout;
    private final Duration loginTimeout;
    private final boolean tcpKeepAlive;
    private final int maxMessageSize;
    private final int protocolVersion;

    private ConnectionSettings(Builder b) {
        this.hosts = List.copyOf(b.hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: [] (expected: at least one)");
        }
        this.user = Objects.requireNonNull(b.user, "user");
        this.database = b.database == null ? b.user : b.database;
        this.password = b.password;
        this.applicationName = b.applicationName;
        this.options = b.options;
        this.startupParameters = Map.copyOf(b.startupParameters);
        this.sslMode = b.sslMode;
        this.sslRootCert = b.sslRootCert;
        this.sslCert = b.sslCert;
        this.sslKey = b.sslKey;
        this.sslDirect = b.sslDirect;
        this.sslSni = b.sslSni;
        this.channelBinding = b.channelBinding;
        this.connectTimeout = b.connectTimeout;
        this.loginTimeout = Objects.requireNonNull(b.loginTimeout, "loginTimeout");
        this.tcpKeepAlive = b.tcpKeepAlive;
        this.maxMessageSize = b.maxMessageSize;
        this.protocolVersion = b.protocolVersion;
        if (sslDirect && (sslMode == SslMode.DISABLE || sslMode == SslMode.ALLOW || sslMode == SslMode.PREFER)) {
            // libpq: direct negotiation cannot fall back to plain, so it needs a mode that requires TLS.
            throw new IllegalArgumentException("sslnegotiation=direct with sslmode=" + sslMode.libpqName()
                    + " (expected: sslmode require, verify-ca or verify-full)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive others from them. */
    public Builder toBuilder() {
        Builder b = new Builder().hosts(hosts).database(database).user(user).password(password)
                .applicationName(applicationName).options(options).sslMode(sslMode).sslRootCert(sslRootCert)
                .sslCert(sslCert).sslKey(sslKey).sslDirect(sslDirect).sslSni(sslSni).channelBinding(channelBinding)
                .connectTimeout(connectTimeout).loginTimeout(loginTimeout).tcpKeepAlive(tcpKeepAlive).maxMessageSize(maxMessageSize)
                .protocolVersion(protocolVersion);
        startupParameters.forEach(b::startupParameter);
        return b;
    }

    public List<HostSpec> hosts() { return hosts; }
    public String database() { return database; }
    public String user() { return user; }
    /** The password, or {@code null} when none was given. Never logged. */
    public String password() { return password; }
    public String applicationName() { return applicationName; }
    public String options() { return options; }
    /** Extra run-time parameters sent in the startup message. */
    public Map<String, String> startupParameters() { return startupParameters; }
    public SslMode sslMode() { return sslMode; }
    public Path sslRootCert() { return sslRootCert; }
    public Path sslCert() { return sslCert; }
    public Path sslKey() { return sslKey; }
    /** {@code sslnegotiation=direct}: TLS from the first byte (servers 17+), no SSLRequest. */
    public boolean sslDirect() { return sslDirect; }
    /** Whether the host name is sent as TLS SNI (libpq {@code sslsni}, default on). */
    public boolean sslSni() { return sslSni; }
    public ChannelBinding channelBinding() { return channelBinding; }
    public Duration connectTimeout() { return connectTimeout; }
    /** The whole connect, over every host and attempt; {@link Duration#ZERO} means no limit of its own. */
    public Duration loginTimeout() { return loginTimeout; }
    public boolean tcpKeepAlive() { return tcpKeepAlive; }
    /** Largest backend message accepted, in bytes; a longer one is a protocol violation. */
    public int maxMessageSize() { return maxMessageSize; }
    public int protocolVersion() { return protocolVersion; }

    /** Builder with libpq's defaults: sslmode prefer, channel binding prefer, 10 s connect timeout. */
    public static final class Builder {
        private List<HostSpec> hosts = List.of(new HostSpec("localhost", 5432));
        private String database;
        private String user;
        private String password;
        private String applicationName;
        private String options;
        private final Map<String, String> startupParameters = new LinkedHashMap<>();
        private SslMode sslMode = SslMode.PREFER;
        private Path sslRootCert;
        private Path sslCert;
        private Path sslKey;
        private boolean sslDirect;
        private boolean sslSni = true;
        private ChannelBinding channelBinding = ChannelBinding.PREFER;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration loginTimeout = Duration.ZERO;
        private boolean tcpKeepAlive;
        private int maxMessageSize = 1 << 30;
        private int protocolVersion = PROTOCOL_3_0;

        private Builder() {
        }

        public Builder hosts(List<HostSpec> hosts) { this.hosts = hosts; return this; }
        public Builder host(String host, int port) { return hosts(List.of(new HostSpec(host, port))); }
        public Builder database(String database) { this.database = database; return this; }
        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder applicationName(String name) { this.applicationName = name; return this; }
        public Builder options(String options) { this.options = options; return this; }
        public Builder startupParameter(String name, String value) { startupParameters.put(name, value); return this; }
        public Builder sslMode(SslMode mode) { this.sslMode = Objects.requireNonNull(mode); return this; }
        public Builder sslRootCert(Path file) { this.sslRootCert = file; return this; }
        public Builder sslCert(Path file) { this.sslCert = file; return this; }
        public Builder sslKey(Path file) { this.sslKey = file; return this; }
        public Builder sslDirect(boolean direct) { this.sslDirect = direct; return this; }
        public Builder sslSni(boolean sni) { this.sslSni = sni; return this; }
        public Builder channelBinding(ChannelBinding cb) { this.channelBinding = Objects.requireNonNull(cb); return this; }
        public Builder connectTimeout(Duration timeout) { this.connectTimeout = timeout; return this; }
        public Builder loginTimeout(Duration timeout) { this.loginTimeout = timeout; return this; }
        public Builder tcpKeepAlive(boolean keepAlive) { this.tcpKeepAlive = keepAlive; return this; }
        public Builder maxMessageSize(int bytes) { this.maxMessageSize = bytes; return this; }
        public Builder protocolVersion(int version) { this.protocolVersion = version; return this; }

        public ConnectionSettings build() {
            return new ConnectionSettings(this);
        }
    }
}

package io.tusk.internal.net;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.SslMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Builds the TLS client side with libpq's rules: certificates are checked against
 * {@code sslrootcert} (default {@code ~/.postgresql/root.crt}, or the JVM's trust store for
 * {@code sslrootcert=system}) in verify-ca and verify-full, and in require when that file exists;
 * verify-full also checks the host name. A client certificate comes from {@code sslcert}/{@code sslkey}
 * (default {@code ~/.postgresql/postgresql.crt} and {@code .key}, when present).
 */
final class SslContexts {
    /** The ALPN protocol name servers 17+ require for direct TLS. */
    static final String ALPN_POSTGRESQL = "postgresql";

    private SslContexts() {
    }

    static SslHandler newHandler(ConnectionSettings settings, HostSpec host, ByteBufAllocator alloc)
            throws SQLException {
        SslMode mode = effectiveMode(settings);
        SslContext context = build(settings, mode);
        SSLEngine engine = context.newEngine(alloc, host.host(), host.port());
        SSLParameters params = engine.getSSLParameters();
        if (mode == SslMode.VERIFY_FULL) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!settings.sslSni() || isIpLiteral(host.host())) {
            params.setServerNames(List.of());
        } else {
            // set explicitly: the JDK sends SNI on its own only for names with a dot, libpq for any name
            try {
                params.setServerNames(List.of(new SNIHostName(host.host())));
            } catch (IllegalArgumentException notAHostName) {
                params.setServerNames(List.of()); // e.g. a name with '_': no SNI, as for an address
            }
        }
        engine.setSSLParameters(params);
        return new SslHandler(engine);
    }

    /** libpq: require with a root certificate file present behaves as verify-ca; sslrootcert=system implies verify-full. */
    static SslMode effectiveMode(ConnectionSettings settings) {
        SslMode mode = settings.sslMode();
        if (isSystem(settings.sslRootCert())) {
            return SslMode.VERIFY_FULL;
        }
        if (mode == SslMode.REQUIRE && rootCert(settings) != null && Files.exists(rootCert(settings))) {
            return SslMode.VERIFY_CA;
        }
        return mode;
    }

    private static SslContext build(ConnectionSettings settings, SslMode mode) throws SQLException {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (mode.verifiesCertificate()) {
                if (!isSystem(settings.sslRootCert())) {
                    Path root = rootCert(settings);
                    if (root == null || !Files.isReadable(root)) {
                        throw new SQLNonTransientConnectionException("sslmode=" + mode.libpqName()
                                + " needs the root certificate file \"" + root + "\" to check the server"
                                + " (expected: sslrootcert naming a readable PEM file, or sslrootcert=system)",
                                SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION);
                    }
                    b.trustManager(root.toFile());
                }
            } else {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            Path cert = orDefault(settings.sslCert(), "postgresql.crt");
            Path key = orDefault(settings.sslKey(), "postgresql.key");
            if (cert != null && Files.exists(cert)) {
                if (key == null || !Files.isReadable(key)) {
                    throw new SQLNonTransientConnectionException("client certificate \"" + cert
                            + "\" has no readable key file \"" + key + "\"", SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION);
                }
                b.keyManager(cert.toFile(), key.toFile());
            } else if (settings.sslCert() != null) {
                throw new SQLNonTransientConnectionException("client certificate file \"" + cert + "\" does not exist",
                        SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION);
            }
            if (settings.sslDirect()) {
                b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_POSTGRESQL));
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new SQLNonTransientConnectionException("cannot set up TLS: " + e.getMessage(),
                    SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, e);
        }
    }

    private static boolean isSystem(Path rootCert) {
        return rootCert != null && rootCert.toString().equals("system");
    }

    private static Path rootCert(ConnectionSettings settings) {
        return orDefault(settings.sslRootCert(), "root.crt");
    }

    private static Path orDefault(Path configured, String fileName) {
        if (configured != null) {
            return configured;
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".postgresql", fileName);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}

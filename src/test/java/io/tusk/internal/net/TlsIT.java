package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.settings;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SslMode;
import io.tusk.testing.PgServer;
import io.tusk.testing.RequiresEmbeddedServer;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** sslmode with libpq's semantics, certificate checks, fallbacks and direct TLS. */
@RequiresEmbeddedServer
class TlsIT extends EngineTestBase {

    TlsIT(PgServer pg) {
        super(pg);
    }

    private boolean secureConnect(ConnectionSettings.Builder settings) throws SQLException {
        NettyConnection c = connect(settings);
        try {
            boolean secure = c.isSecure();
            assertEquals(secure ? "t" : "f", value(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            return secure;
        } finally {
            close(c);
        }
    }

    @Test
    void verifyFullAcceptsTheNamesInTheCertificate() throws SQLException {
        assertTrue(secureConnect(settings(pg, "tusk_scram").sslMode(SslMode.VERIFY_FULL)));
        assertTrue(secureConnect(settings(pg, "tusk_scram").host("localhost", pg.port()).sslMode(SslMode.VERIFY_FULL)));
    }

    @Test
    void verifyFullRejectsAHostNameNotInTheCertificate() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_scram")
                .host("127.0.0.2", pg.port()).sslMode(SslMode.VERIFY_FULL)));
        assertEquals("08006", e.getSQLState());
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
    }

    @Test
    void verifyCaDoesNotCheckTheHostName() throws SQLException {
        assertTrue(secureConnect(settings(pg, "tusk_scram").host("127.0.0.2", pg.port()).sslMode(SslMode.VERIFY_CA)));
    }

    @Test
    void verifyCaRejectsACertificateFromAnotherCa() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_scram")
                .sslMode(SslMode.VERIFY_CA).sslRootCert(pg.otherCaCertFile())));
        assertEquals("08006", e.getSQLState());
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
    }

    @Test
    void requireChecksTheChainWhenARootCertificateIsConfigured() {
        // libpq: require with a root certificate file behaves as verify-ca.
        assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_scram")
                .sslMode(SslMode.REQUIRE).sslRootCert(pg.otherCaCertFile())));
    }

    @Test
    void requireWithoutARootCertificateDoesNotCheck() throws SQLException {
        assertTrue(secureConnect(settings(pg, "tusk_scram").sslMode(SslMode.REQUIRE)
                .sslRootCert(Path.of("/nonexistent/root.crt"))));
    }

    @Test
    void verifyWithoutARootCertificateIsAClearError() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_scram")
                .sslMode(SslMode.VERIFY_FULL).sslRootCert(Path.of("/nonexistent/root.crt"))));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("/nonexistent/root.crt"), e.getMessage());
    }

    @Test
    void disableIsRefusedWhereTheServerRequiresTls() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(settings(pg, "tusk_sslonly").sslMode(SslMode.DISABLE)));
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void allowRetriesWithTlsWhenThePlainConnectionIsRefused() throws SQLException {
        assertTrue(secureConnect(settings(pg, "tusk_sslonly").sslMode(SslMode.ALLOW)));
    }

    @Test
    void allowStaysPlainWhenPlainIsAccepted() throws SQLException {
        assertFalse(secureConnect(settings(pg, "tusk_scram").sslMode(SslMode.ALLOW)));
    }

    @Test
    void preferUsesTlsWhenOffered() throws SQLException {
        assertTrue(secureConnect(settings(pg, "tusk_scram").sslMode(SslMode.PREFER)));
    }

    @Test
    void preferFallsBackToPlainWhenTheServerRefusesTlsSessions() throws SQLException {
        assertFalse(secureConnect(settings(pg, "tusk_nossl").sslMode(SslMode.PREFER)));
    }

    @Test
    void requireDoesNotFallBack() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(settings(pg, "tusk_nossl").sslMode(SslMode.REQUIRE)));
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void directTlsOnServers17AndLater() throws SQLException {
        assumeTrue(pg.serverMajorVersion() >= 17, "direct TLS negotiation needs PostgreSQL 17+");
        assertTrue(secureConnect(settings(pg, "tusk_scram").sslMode(SslMode.VERIFY_FULL).sslDirect(true)));
    }

    @Test
    void directTlsFailsCleanlyOnOlderServers() {
        assumeTrue(pg.serverMajorVersion() < 17, "servers 17+ accept direct TLS");
        SQLException e = assertThrows(SQLException.class,
                () -> connect(settings(pg, "tusk_scram").sslMode(SslMode.REQUIRE).sslDirect(true)));
        assertTrue(e.getSQLState().startsWith("08"), e.toString());
    }

    @Test
    void directTlsNeedsAModeThatRequiresTls() {
        assertThrows(IllegalArgumentException.class,
                () -> settings(pg, "tusk_scram").sslMode(SslMode.PREFER).sslDirect(true).build());
    }
}

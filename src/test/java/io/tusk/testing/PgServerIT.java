package io.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness itself: the server runs, with TLS and the users and authentication methods the tests rely on. */
@ExtendWith(PgServerExtension.class)
class PgServerIT {

    private final PgServer server;

    PgServerIT(PgServer server) {
        this.server = server;
    }

    @Test
    void injectsTheOneServerOfThisJvm(PgServer parameter) {
        assertSame(PgServer.get(), server);
        assertSame(server, parameter);
        assertEquals(PgServer.embeddedConfigured(), server.isEmbedded());
    }

    @Test
    void answersQueriesAsSuperuser() {
        assertEquals(List.of(Arrays.asList("1", "two", null)), server.adminQuery("SELECT 1, 'two', NULL"));
        assertEquals(List.of(List.of(server.database(), server.superUser())),
                server.adminQuery("SELECT current_database(), current_user"));
    }

    @Test
    @RequiresEmbeddedServer
    void embeddedServerSettings() throws IOException {
        assertEquals("127.0.0.1", server.host());
        assertEquals("tusk", server.database());
        assertEquals("tusk", server.superUser());
        assertNull(server.superPassword());
        try (MiniPgClient c = server.connect(PgServer.SUPER_USER)) {
            assertEquals("on", c.queryValue("SHOW ssl"));
            assertEquals("UTF8", c.queryValue("SHOW server_encoding"));
            assertEquals("300", c.queryValue("SHOW max_connections"));
            assertEquals("off", c.queryValue("SHOW fsync"));
            assertEquals(String.valueOf(server.port()), c.queryValue("SHOW port"));
            assertEquals("127.0.0.1,127.0.0.2", c.queryValue("SHOW listen_addresses"));
            assertEquals(server.dataDirectory().toRealPath().toString(),
                    Path.of(c.queryValue("SHOW data_directory")).toRealPath().toString());
        }
    }

    @Test
    @RequiresEmbeddedServer
    void serverVersionMatchesTheBinaries() {
        String binaries = server.binariesVersion(); // e.g. 18.1.0
        int major = Integer.parseInt(binaries.split("\\.")[0]);
        assertEquals(major, server.serverMajorVersion());
        String[] parts = binaries.split("\\.");
        assertEquals(parts[0] + "." + parts[1], server.serverVersion().split(" ")[0]);
        String expected = System.getProperty("tusk.test.pg");
        if (expected != null && !expected.isBlank()) {
            assertEquals(expected, binaries, "the -Dtusk.test.pg version is the one on the class path");
        }
    }

    @Test
    @RequiresEmbeddedServer
    void usersExistWithTheExpectedPasswordHashes() {
        Set<String> logins = server.adminQuery("SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname LIKE 'tusk%'")
            .stream().map(r -> r.get(0)).collect(Collectors.toSet());
        assertEquals(Set.of("tusk", "tusk_trust", "tusk_password", "tusk_md5", "tusk_scram", "tusk_sslonly",
                "tusk_nossl", "tusk_cert"), logins);
        assertTrue(hashOf("tusk_md5").startsWith("md5"), hashOf("tusk_md5"));
        for (String user : List.of("tusk_scram", "tusk_password", "tusk_sslonly", "tusk_nossl")) {
            assertTrue(hashOf(user).startsWith("SCRAM-SHA-256$"), user);
        }
        assertNull(hashOf("tusk_trust"));
        assertEquals("tusk", server.adminQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'tusk'")
            .get(0).get(0));
    }

    @Test
    void passwordsOfTheTestUsers() {
        assertEquals("pw_password", server.passwordOf(PgServer.PASSWORD_USER));
        assertEquals("pw_md5", server.passwordOf(PgServer.MD5_USER));
        assertEquals("pw_scram", server.passwordOf(PgServer.SCRAM_USER));
        assertEquals("pw_sslonly", server.passwordOf(PgServer.SSL_ONLY_USER));
        assertEquals("pw_nossl", server.passwordOf(PgServer.NO_SSL_USER));
        assertNull(server.passwordOf(PgServer.TRUST_USER));
        assertNull(server.passwordOf(PgServer.CERT_USER));
        assertEquals(server.superPassword(), server.passwordOf(server.superUser()));
        assertThrows(IllegalArgumentException.class, () -> server.passwordOf("nobody_we_know"));
    }

    @Test
    void everyPasswordMethodLogsInWithoutTls() throws IOException {
        for (String user : List.of(PgServer.TRUST_USER, PgServer.PASSWORD_USER, PgServer.MD5_USER,
                PgServer.SCRAM_USER, PgServer.NO_SSL_USER)) {
            try (MiniPgClient c = server.connect(user)) {
                assertEquals(user, c.queryValue("SELECT current_user"));
                assertEquals("f", c.queryValue("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            }
        }
    }

    @Test
    void everyUserMayCreateTablesInTheTestDatabase() throws IOException {
        try (MiniPgClient c = server.connect(PgServer.TRUST_USER)) {
            c.query("CREATE TEMP TABLE t_temp (i int)");
            c.query("CREATE TABLE public.harness_probe_" + c.backendPid() + " (i int)");
            c.query("DROP TABLE public.harness_probe_" + c.backendPid());
        }
    }

    @Test
    @RequiresEmbeddedServer
    void wrongPasswordsAndWrongTransportsAreRejected() {
        assertEquals("28P01", rejected(() -> MiniPgClient.connect(server.host(), server.port(), server.database(),
                PgServer.SCRAM_USER, "wrong")));
        assertEquals("28P01", rejected(() -> MiniPgClient.connect(server.host(), server.port(), server.database(),
                PgServer.MD5_USER, "wrong")));
        assertEquals("28P01", rejected(() -> MiniPgClient.connect(server.host(), server.port(), server.database(),
                PgServer.PASSWORD_USER, "wrong")));
        // hostssl only: no pg_hba.conf line for a plain connection
        assertEquals("28000", rejected(() -> server.connect(PgServer.SSL_ONLY_USER)));
        assertEquals("28000", rejected(() -> server.connect(PgServer.CERT_USER)));
    }

    @Test
    @RequiresEmbeddedServer
    void tlsWithHostNameVerification() throws IOException {
        SSLContext tls = MiniPgClient.sslContext(server.caCertFile(), null, null);
        for (String name : List.of("localhost", "127.0.0.1")) {
            try (MiniPgClient c = MiniPgClient.connect(name, server.port(), server.database(), PgServer.SSL_ONLY_USER,
                    server.passwordOf(PgServer.SSL_ONLY_USER), tls, name)) {
                assertEquals("t", c.queryValue("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            }
        }
        // hostnossl only
        assertEquals("28000", rejected(() -> MiniPgClient.connect(server.host(), server.port(), server.database(),
                PgServer.NO_SSL_USER, server.passwordOf(PgServer.NO_SSL_USER), tls, "127.0.0.1")));
    }

    @Test
    @RequiresEmbeddedServer
    void certificateNotValidFor127_0_0_2() throws IOException {
        SSLContext tls = MiniPgClient.sslContext(server.caCertFile(), null, null);
        assertThrows(SSLHandshakeException.class, () -> MiniPgClient.connect("127.0.0.2", server.port(),
                server.database(), PgServer.SCRAM_USER, server.passwordOf(PgServer.SCRAM_USER), tls, "127.0.0.2"));
        // the server does listen there: without the host name check (verify-ca) it works
        try (MiniPgClient c = MiniPgClient.connect("127.0.0.2", server.port(), server.database(), PgServer.SCRAM_USER,
                server.passwordOf(PgServer.SCRAM_USER), tls, null)) {
            assertEquals("t", c.queryValue("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    @Test
    @RequiresEmbeddedServer
    void serverCertificateIsNotTrustedByTheOtherCa() throws IOException {
        SSLContext other = MiniPgClient.sslContext(server.otherCaCertFile(), null, null);
        assertThrows(SSLHandshakeException.class, () -> MiniPgClient.connect(server.host(), server.port(),
                server.database(), PgServer.SCRAM_USER, server.passwordOf(PgServer.SCRAM_USER), other, null));
    }

    @Test
    @RequiresEmbeddedServer
    void clientCertificateAuthentication() throws IOException {
        SSLContext withCert = MiniPgClient.sslContext(server.caCertFile(), server.clientCertFile(), server.clientKeyFile());
        try (MiniPgClient c = MiniPgClient.connect("localhost", server.port(), server.database(), PgServer.CERT_USER,
                null, withCert, "localhost")) {
            assertEquals("tusk_cert", c.queryValue("SELECT current_user"));
            assertEquals("CN=tusk_cert", c.queryValue("SELECT client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .replace("/CN=", "CN="));
        }
        SSLContext withoutCert = MiniPgClient.sslContext(server.caCertFile(), null, null);
        assertEquals("28000", rejected(() -> MiniPgClient.connect("localhost", server.port(), server.database(),
                PgServer.CERT_USER, null, withoutCert, "localhost")));
    }

    @Test
    @RequiresEmbeddedServer
    void certificateFiles() throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = read(x509, server.caCertFile());
        X509Certificate serverCert = read(x509, server.serverCertFile());
        X509Certificate client = read(x509, server.clientCertFile());
        X509Certificate other = read(x509, server.otherCaCertFile());
        assertEquals("CN=Tusk Test CA", ca.getSubjectX500Principal().getName());
        serverCert.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        assertThrows(Exception.class, () -> serverCert.verify(other.getPublicKey()));
        assertEquals("CN=tusk_cert", client.getSubjectX500Principal().getName());
        assertTrue(Files.readString(server.clientKeyFile()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        Path serverKey = server.serverCertFile().resolveSibling("server.key");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(serverKey));
    }

    @Test
    @RequiresEmbeddedServer
    void unixSocketWithTrust() {
        Path socket = server.unixSocketDirectory().resolve(".s.PGSQL." + server.port());
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (MiniPgClient c = MiniPgClient.connectUnix(socket, server.database(), PgServer.SCRAM_USER, null)) {
                assertEquals("tusk_scram", c.queryValue("SELECT current_user"));
            }
        });
    }

    private String hashOf(String user) {
        return server.adminQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + user + "'").get(0).get(0);
    }

    private static X509Certificate read(CertificateFactory x509, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) x509.generateCertificate(in);
        }
    }

    interface Connect {
        MiniPgClient open() throws IOException;
    }

    private static String rejected(Connect connect) {
        MiniPgClient.ServerError error = assertThrows(MiniPgClient.ServerError.class, () -> connect.open().close());
        return error.sqlState();
    }
}

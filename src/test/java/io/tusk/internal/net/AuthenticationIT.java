package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.settings;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.internal.protocol.ChannelBinding;
import io.tusk.internal.protocol.SslMode;
import io.tusk.testing.PgServer;
import io.tusk.testing.RequiresEmbeddedServer;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each authentication method × TLS on and off × right and wrong password, and channel binding. */
@RequiresEmbeddedServer
class AuthenticationIT extends EngineTestBase {

    AuthenticationIT(PgServer pg) {
        super(pg);
    }

    static Stream<Arguments> passwordMethods() {
        return Stream.of("tusk_password", "tusk_md5", "tusk_scram").flatMap(user -> Stream.of(
                Arguments.of(user, SslMode.DISABLE), Arguments.of(user, SslMode.REQUIRE),
                Arguments.of(user, SslMode.VERIFY_FULL)));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("passwordMethods")
    void rightPasswordConnects(String user, SslMode ssl) throws SQLException {
        NettyConnection c = connect(settings(pg, user).sslMode(ssl));
        try {
            assertEquals(user, value(c, "SELECT current_user"));
            assertEquals(ssl != SslMode.DISABLE, c.isSecure());
            assertEquals(ssl == SslMode.DISABLE ? "f" : "t",
                    value(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            assertTrue(c.session().processId() > 0, "BackendKeyData was kept");
            assertEquals("UTF8", c.session().parameter("client_encoding"));
            assertTrue(c.session().parameter("DateStyle").startsWith("ISO"));
        } finally {
            close(c);
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("passwordMethods")
    void wrongPasswordIs28P01(String user, SslMode ssl) {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(settings(pg, user).sslMode(ssl).password("not-the-password")));
        assertEquals("28P01", e.getSQLState(), e.toString());
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertEquals("FATAL", ((HasServerError) e).serverError().severityNonLocalized());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwordMethods")
    void missingPasswordIsAClearError(String user, SslMode ssl) {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, user).sslMode(ssl).password(null)));
        assertEquals("08004", e.getSQLState());
        assertTrue(e.getMessage().contains("no password was given"), e.getMessage());
    }

    @Test
    void trustNeedsNoPassword() throws SQLException {
        NettyConnection c = connect(settings(pg, "tusk_trust").password(null));
        try {
            assertEquals("tusk_trust", value(c, "SELECT current_user"));
        } finally {
            close(c);
        }
    }

    @Test
    void scramPlusIsUsedWhenChannelBindingIsRequired() throws SQLException {
        NettyConnection c = connect(settings(pg, "tusk_scram").sslMode(SslMode.VERIFY_FULL)
                .channelBinding(ChannelBinding.REQUIRE));
        try {
            assertEquals("tusk_scram", value(c, "SELECT current_user"));
        } finally {
            close(c);
        }
    }

    @Test
    void channelBindingRequiredRefusesAPlainConnection() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_scram")
                .sslMode(SslMode.DISABLE).channelBinding(ChannelBinding.REQUIRE)));
        assertEquals("08004", e.getSQLState());
        assertTrue(e.getMessage().contains("does not use TLS"), e.getMessage());
    }

    @Test
    void channelBindingRequiredRefusesAServerThatSkipsAuthentication() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_trust")
                .sslMode(SslMode.REQUIRE).channelBinding(ChannelBinding.REQUIRE)));
        assertTrue(e.getMessage().contains("without channel binding"), e.getMessage());
    }

    @Test
    void channelBindingRequiredRefusesMd5() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_md5")
                .sslMode(SslMode.REQUIRE).channelBinding(ChannelBinding.REQUIRE)));
        assertTrue(e.getMessage().contains("md5"), e.getMessage());
    }

    @Test
    void scramWithChannelBindingDisabledStillWorksOverTls() throws SQLException {
        NettyConnection c = connect(settings(pg, "tusk_scram").sslMode(SslMode.REQUIRE)
                .channelBinding(ChannelBinding.DISABLE));
        try {
            assertTrue(c.isSecure());
        } finally {
            close(c);
        }
    }

    @Test
    void clientCertificateAuthentication() throws SQLException {
        NettyConnection c = connect(settings(pg, "tusk_cert").password(null).sslMode(SslMode.VERIFY_FULL)
                .sslCert(pg.clientCertFile()).sslKey(pg.clientKeyFile()));
        try {
            assertEquals("tusk_cert", value(c, "SELECT current_user"));
        } finally {
            close(c);
        }
    }

    @Test
    void certAuthenticationWithoutAClientCertificateFails() {
        SQLException e = assertThrows(SQLException.class, () -> connect(settings(pg, "tusk_cert").password(null)
                .sslMode(SslMode.REQUIRE)));
        assertEquals("28000", e.getSQLState(), e.toString());
    }

    @Test
    void wrongUserIsRejectedByTheServer() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(settings(pg, "tusk_scram").user("no_such_user").password("x")));
        assertInstanceOf(HasServerError.class, e);
        assertEquals("28000", e.getSQLState(), "no pg_hba.conf line matches: " + e);
    }
}

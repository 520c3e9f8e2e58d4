package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.admin;
import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.testing.PgServer;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The startup message's parameters, the session state it yields, and protocol negotiation. */
class StartupIT extends EngineTestBase {

    StartupIT(PgServer pg) {
        super(pg);
    }

    @Test
    void startupParametersReachTheSession() throws SQLException {
        NettyConnection c = connect(admin(pg).applicationName("tusk-startup")
                .options("-c statement_timeout=4321").startupParameter("search_path", "pg_catalog"));
        try {
            assertEquals("tusk-startup", value(c, "SHOW application_name"));
            assertEquals("4321ms", value(c, "SHOW statement_timeout"));
            assertEquals("pg_catalog", value(c, "SHOW search_path"));
            assertEquals("UTF8", value(c, "SHOW client_encoding"));
            assertTrue(value(c, "SHOW DateStyle").startsWith("ISO"));
            assertNotNull(c.session().parameter("server_version"));
            assertEquals(String.valueOf(c.session().processId()), value(c, "SELECT pg_backend_pid()"));
            assertEquals(4, c.session().secretKey().length, "protocol 3.0 has 4-byte cancel keys");
            assertEquals(ConnectionSettings.PROTOCOL_3_0, c.session().protocolVersion());
        } finally {
            close(c);
        }
    }

    @Test
    void protocol32IsUsedWhereTheServerHasItAndNegotiatedDownElsewhere() throws Exception {
        NettyConnection c = connect(admin(pg).protocolVersion(ConnectionSettings.PROTOCOL_3_2));
        NettyConnection observer = connect(admin(pg));
        try {
            if (pg.serverMajorVersion() >= 18) {
                assertEquals(ConnectionSettings.PROTOCOL_3_2, c.session().protocolVersion());
                assertTrue(c.session().secretKey().length > 4, "protocol 3.2 brings longer cancel keys");
            } else {
                assertEquals(ConnectionSettings.PROTOCOL_3_0, c.session().protocolVersion());
            }
            assertEquals("1", value(c, "SELECT 1"));
            // cancel works with whichever key length the server sent
            CompletableFuture<?> sleeping = inBackground(() -> c.submit(
                    new io.tusk.internal.protocol.command.SimpleQueryCommand("SELECT pg_sleep(30)")));
            TestEngine.awaitRunning(observer, c.session().processId());
            TestEngine.await(c.cancel());
            try {
                sleeping.get(20, TimeUnit.SECONDS);
                throw new AssertionError("the sleep was not cancelled");
            } catch (java.util.concurrent.ExecutionException e) {
                assertEquals("57014", ((SQLException) e.getCause()).getSQLState());
            }
        } finally {
            close(observer);
            close(c);
        }
    }

    @Test
    void theEventLoopTransportIsNativeOnLinux() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64|aarch64")) {
            assertEquals("epoll", EventLoops.transportName());
        } else {
            assertTrue(EventLoops.transportName().matches("epoll|nio"));
        }
    }
}

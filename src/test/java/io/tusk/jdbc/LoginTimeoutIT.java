package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Tusk;
import io.tusk.testing.PgServer;
import io.tusk.testing.SilentServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * loginTimeout bounds the whole connect, whichever way it is set (property, DriverManager, DataSource,
 * async URL), against servers that accept the TCP connection and never answer. connectTimeout is set
 * far longer than loginTimeout, so only loginTimeout can end these connects in time.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoginTimeoutIT extends JdbcTestBase {
    /** loginTimeout=1 s, with generous slack for a loaded machine; without it the connect would last 30 s. */
    private static final Duration WELL_BELOW_CONNECT_TIMEOUT = Duration.ofSeconds(8);

    LoginTimeoutIT(PgServer pg) {
        super(pg);
    }

    private static String url(String params, SilentServer... servers) {
        StringBuilder hosts = new StringBuilder();
        for (SilentServer s : servers) {
            hosts.append(hosts.length() == 0 ? "" : ",").append(s.host()).append(':').append(s.port());
        }
        return "jdbc:postgresql://" + hosts + "/db?connectTimeout=30" + params;
    }

    private static Properties user() {
        Properties p = new Properties();
        p.setProperty("user", "nobody");
        return p;
    }

    /** The connect fails with 08001 naming loginTimeout, after about a second, and every socket was closed. */
    private static SQLException assertLoginTimeout(Executable connect, SilentServer... servers) throws Exception {
        long start = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, connect);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("08001", e.getSQLState(), e::toString);
        assertInstanceOf(SQLTimeoutException.class, e, "DriverManager.getConnection's exception for a login timeout");
        assertTrue(e.getMessage().contains("loginTimeout"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "gave up early: " + took);
        assertTrue(took.compareTo(WELL_BELOW_CONNECT_TIMEOUT) < 0, "took " + took);
        for (SilentServer s : servers) {
            assertTrue(s.clientsConnectedAndClosed(1, Duration.ofSeconds(5)), "the driver closed its socket");
        }
        return e;
    }

    @Test
    void thePropertyBoundsTheConnect() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            // sslmode prefer (the default): the SSLRequest goes unanswered, and no plain retry follows
            assertLoginTimeout(() -> DriverManager.getConnection(url("&loginTimeout=1", silent), user()), silent);
        }
    }

    @Test
    void oneBoundForEveryHost() throws Exception {
        try (SilentServer first = new SilentServer(); SilentServer second = new SilentServer();
                SilentServer third = new SilentServer()) {
            // the first host uses up 0.6 s of connectTimeout, the second the rest of the second
            String url = url("&loginTimeout=1&sslmode=disable", first, second, third).replace("connectTimeout=30",
                    "connectTimeout=0.6");
            SQLException e = assertLoginTimeout(() -> DriverManager.getConnection(url, user()), first, second);
            assertTrue(e.getMessage().contains(":" + second.port()), "names the host it was trying: " + e.getMessage());
            assertEquals(1, e.getSuppressed().length, "only the first host failed before; the third was never tried");
            assertTrue(e.getSuppressed()[0].getMessage().contains("connectTimeout"), e.getSuppressed()[0].getMessage());
        }
    }

    @Test
    void driverManagersLoginTimeoutAppliesWhenThePropertyIsNotGiven() throws Exception {
        int before = DriverManager.getLoginTimeout();
        DriverManager.setLoginTimeout(1);
        try (SilentServer silent = new SilentServer()) {
            assertLoginTimeout(() -> DriverManager.getConnection(url("", silent), user()), silent);
        } finally {
            DriverManager.setLoginTimeout(before);
        }
    }

    @Test
    void theDataSourcesLoginTimeoutApplies() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            TuskDataSource ds = new TuskDataSource();
            ds.setServerName(silent.host());
            ds.setPortNumber(silent.port());
            ds.setDatabaseName("db");
            ds.setUser("nobody");
            ds.setConnectTimeout(30);
            ds.setLoginTimeout(1);
            assertEquals(1, ds.getLoginTimeout());
            assertLoginTimeout(ds::getConnection, silent);
        }
    }

    @Test
    void theAsyncConnectIsBoundToo() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            String url = "postgresql://" + silent.host() + ":" + silent.port() + "/db?loginTimeout=1&connect_timeout=30";
            assertLoginTimeout(() -> {
                try {
                    Tusk.connect(url, user()).get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }, silent);
        }
    }

    @Test
    void aConnectWithinTheLimitSucceeds() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        p.setProperty("loginTimeout", "10");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            assertTrue(c.isValid(5));
        }
    }
}

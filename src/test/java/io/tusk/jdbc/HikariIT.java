package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tusk.testing.PgServer;
import io.tusk.testing.SilentServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tusk under HikariCP, configured the three ways applications do: {@code dataSourceClassName} with
 * bean properties, and {@code jdbcUrl} with pgjdbc's and Tusk's URLs. Every pool is named after a fresh
 * application_name, so pg_stat_activity shows exactly its sessions, and every test ends by closing the
 * pool and checking that none of them is left on the server.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HikariIT extends JdbcTestBase {
    static {
        // Hikari skips the liveness check of a connection used in the last 500 ms (a documented system
        // property, read once when the pool class loads; only this test class uses Hikari). At 0 every
        // borrow is checked, so the eviction test does not depend on how fast it runs.
        System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
    }

    private final String app = "hikari-it-" + UUID.randomUUID().toString().substring(0, 8);
    private int loginTimeoutBefore;

    HikariIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void rememberLoginTimeout() {
        loginTimeoutBefore = DriverManager.getLoginTimeout();
    }

    /** Hikari's jdbcUrl pools set DriverManager's (JVM-wide) login timeout to their connectionTimeout. */
    @AfterEach
    void restoreLoginTimeout() {
        DriverManager.setLoginTimeout(loginTimeoutBefore);
    }

    private HikariConfig config(String how) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(app);
        if (how.equals("dataSourceClassName")) {
            // the keys of Hikari's documented PostgreSQL example (for PGSimpleDataSource)
            c.setDataSourceClassName(TuskDataSource.class.getName());
            c.addDataSourceProperty("serverName", pg.host());
            c.addDataSourceProperty("portNumber", pg.port());
            c.addDataSourceProperty("databaseName", pg.database());
            c.addDataSourceProperty("user", PgServer.SCRAM_USER);
            c.addDataSourceProperty("password", pg.passwordOf(PgServer.SCRAM_USER));
            c.addDataSourceProperty("applicationName", app);
            if (pg.isEmbedded()) {
                c.addDataSourceProperty("sslMode", "disable");
            }
        } else {
            c.setJdbcUrl(how + "://" + pg.host() + ":" + pg.port() + "/" + pg.database() + "?ApplicationName=" + app
                    + (pg.isEmbedded() ? "&sslmode=disable" : ""));
            c.setUsername(PgServer.SCRAM_USER);
            c.setPassword(pg.passwordOf(PgServer.SCRAM_USER));
        }
        return c;
    }

    private HikariDataSource pool(String how, int size) {
        HikariConfig c = config(how);
        c.setMaximumPoolSize(size);
        return new HikariDataSource(c);
    }

    private int sessionsOnServer() {
        return Integer.parseInt(pg.adminQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + app + "'").get(0).get(0));
    }

    /**
     * A backend ends a moment after its client said goodbye or it was told to: polls the server (every
     * 10 ms, each time over a fresh harness connection) until {@code condition} holds, for at most 10 s.
     */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10); // the polling interval, not a timing assumption
        }
        return true;
    }

    private void closeAndCheckNothingLeft(HikariDataSource pool) throws InterruptedException {
        pool.close();
        assertTrue(pool.isClosed());
        assertTrue(eventually(() -> sessionsOnServer() == 0), () -> sessionsOnServer() + " sessions left open");
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private void terminate(String pid) throws InterruptedException {
        assertEquals("t", pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")").get(0).get(0));
        assertTrue(eventually(() -> pg.adminQuery("SELECT 1 FROM pg_stat_activity WHERE pid = " + pid).isEmpty()),
                "backend " + pid + " still there");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataSourceClassName", "jdbc:postgresql", "jdbc:tusk"})
    void pooledConnectionsRunQueriesConcurrently(String how) throws Exception {
        HikariDataSource pool = pool(how, 4);
        Set<String> pids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (Connection c = pool.getConnection();
                                PreparedStatement ps = c.prepareStatement(
                                        "SELECT pg_backend_pid(), ?::int * 2, current_user, current_setting('application_name')")) {
                            ps.setInt(1, thread * 100 + i);
                            try (ResultSet rs = ps.executeQuery()) {
                                assertTrue(rs.next());
                                pids.add(rs.getString(1));
                                assertEquals((thread * 100 + i) * 2, rs.getInt(2));
                                assertEquals(PgServer.SCRAM_USER, rs.getString(3));
                                assertEquals(app, rs.getString(4));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(pids.size() <= 4, "at most the pool's size of sessions: " + pids);
        // (the pool may still be adding idle sessions in the background, so compare with the pids used)
        Set<String> onServer = ConcurrentHashMap.newKeySet();
        pg.adminQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'")
                .forEach(row -> onServer.add(row.get(0)));
        assertTrue(onServer.size() <= 4 && onServer.containsAll(pids), "every session used is still open: " + pids
                + " of " + onServer);
        closeAndCheckNothingLeft(pool);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataSourceClassName", "jdbc:postgresql"})
    void settingsABorrowerChangedAreResetOnReturn(String how) throws Exception {
        pg.adminQuery("CREATE SCHEMA IF NOT EXISTS hikari_other; GRANT USAGE ON SCHEMA hikari_other TO "
                + PgServer.SCRAM_USER);
        HikariConfig config = config(how);
        config.setMaximumPoolSize(1); // one session, so every borrow gets the same one
        // Hikari restores schema and catalog only to configured values (it has nothing to restore otherwise)
        config.setSchema("public");
        config.setCatalog(pg.database());
        HikariDataSource pool = new HikariDataSource(config);
        String pid;
        try (Connection c = pool.getConnection()) {
            pid = scalar(c, "SELECT pg_backend_pid()");
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setCatalog("elsewhere");
            c.setSchema("hikari_other");
            assertEquals("hikari_other", c.getSchema());
            assertEquals("on", scalar(c, "SHOW transaction_read_only"));
        }
        try (Connection c = pool.getConnection()) {
            assertEquals(pid, scalar(c, "SELECT pg_backend_pid()"), "the same session");
            assertTrue(c.getAutoCommit());
            assertFalse(c.isReadOnly());
            assertEquals("off", scalar(c, "SHOW transaction_read_only"));
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            assertEquals("read committed", scalar(c, "SHOW transaction_isolation"));
            assertEquals("public", c.getSchema());
            assertEquals(pg.database(), c.getCatalog());
            c.createStatement().execute("CREATE TEMP TABLE left_open (v int)");
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO left_open VALUES (1)");
            // returned with the transaction open, and with autoCommit off
        }
        try (Connection c = pool.getConnection()) {
            assertEquals(pid, scalar(c, "SELECT pg_backend_pid()"), "the same session");
            assertTrue(c.getAutoCommit());
            assertEquals("0", scalar(c, "SELECT count(*) FROM left_open"), "the open transaction was rolled back");
        }
        assertEquals("idle", pg.adminQuery("SELECT state FROM pg_stat_activity WHERE pid = " + pid).get(0).get(0));
        closeAndCheckNothingLeft(pool);
    }

    /**
     * A configuration written for pgjdbc's PGSimpleDataSource works unchanged: Hikari calls
     * {@code set<Name>} for each entry and refuses to start when a setter is missing.
     */
    @Test
    void pgjdbcStyleDataSourcePropertiesAreAccepted() throws Exception {
        HikariConfig c = new HikariConfig();
        c.setPoolName(app);
        c.setDataSourceClassName(TuskDataSource.class.getName());
        c.addDataSourceProperty("URL", "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database());
        c.addDataSourceProperty("user", PgServer.SCRAM_USER);
        c.addDataSourceProperty("password", pg.passwordOf(PgServer.SCRAM_USER));
        c.addDataSourceProperty("sslmode", pg.isEmbedded() ? "disable" : "prefer");
        c.addDataSourceProperty("ApplicationName", app);
        c.addDataSourceProperty("options", "-c statement_timeout=60000");
        c.addDataSourceProperty("currentSchema", "public");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("connectTimeout", "5");
        c.addDataSourceProperty("socketTimeout", "30");
        c.addDataSourceProperty("cancelSignalTimeout", "10");
        c.addDataSourceProperty("prepareThreshold", "5");
        c.addDataSourceProperty("preparedStatementCacheQueries", "256");
        c.addDataSourceProperty("preparedStatementCacheSizeMiB", "5");
        c.addDataSourceProperty("reWriteBatchedInserts", "false");
        c.addDataSourceProperty("defaultRowFetchSize", "0");
        c.addDataSourceProperty("binaryTransfer", "true");
        c.addDataSourceProperty("stringType", "unspecified");
        c.addDataSourceProperty("autosave", "never");
        c.addDataSourceProperty("targetServerType", "any");
        c.addDataSourceProperty("loadBalanceHosts", "false");
        c.addDataSourceProperty("hostRecheckSeconds", "10");
        c.addDataSourceProperty("assumeMinServerVersion", "12");
        c.addDataSourceProperty("logUnclosedConnections", "false");
        HikariDataSource pool = new HikariDataSource(c);
        try (Connection conn = pool.getConnection()) {
            assertEquals(app, scalar(conn, "SELECT current_setting('application_name')"));
            assertEquals("1min", scalar(conn, "SHOW statement_timeout"));
            assertEquals(30_000, conn.getNetworkTimeout());
        }
        closeAndCheckNothingLeft(pool);
    }

    /** An idle pooled session killed on the server: the next borrow's isValid check replaces it, unseen. */
    @Test
    void aSessionKilledWhileIdleIsReplacedBeforeAnyoneSeesIt() throws Exception {
        HikariDataSource pool = pool("dataSourceClassName", 1);
        String pid;
        try (Connection c = pool.getConnection()) {
            pid = scalar(c, "SELECT pg_backend_pid()");
        }
        terminate(pid);
        try (Connection c = pool.getConnection()) {
            assertNotEquals(pid, scalar(c, "SELECT pg_backend_pid()"), "a new session");
        }
        assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
        closeAndCheckNothingLeft(pool);
    }

    /** A session killed while borrowed: the borrower gets a class-08/57P01 error, Hikari evicts, the pool recovers. */
    @Test
    void aSessionKilledWhileBorrowedIsEvicted() throws Exception {
        HikariDataSource pool = pool("jdbc:postgresql", 1);
        String pid;
        try (Connection c = pool.getConnection()) {
            pid = scalar(c, "SELECT pg_backend_pid()");
            terminate(pid);
            SQLException e = assertThrows(SQLException.class, () -> scalar(c, "SELECT 1"));
            assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"), e::toString);
            assertFalse(c.isValid(1));
        }
        try (Connection c = pool.getConnection()) {
            assertNotEquals(pid, scalar(c, "SELECT pg_backend_pid()"), "a new session");
        }
        assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
        closeAndCheckNothingLeft(pool);
    }

    /**
     * Hikari saves a new connection's network timeout, changes it while setting the connection up, and
     * restores it: socketTimeout must survive that (it did not: the saved value was 0, so pooled
     * connections lost their socketTimeout), and a connection closed by it is evicted.
     */
    @Test
    void socketTimeoutStillBoundsPooledConnections() throws Exception {
        HikariConfig config = config("jdbc:postgresql");
        config.setJdbcUrl(config.getJdbcUrl() + "&socketTimeout=1");
        config.setMaximumPoolSize(1);
        HikariDataSource pool = new HikariDataSource(config);
        String pid;
        try (Connection c = pool.getConnection()) {
            assertEquals(1000, c.getNetworkTimeout());
            pid = scalar(c, "SELECT pg_backend_pid()");
            SQLException e = assertThrows(SQLException.class, () -> scalar(c, "SELECT pg_sleep(4)"));
            assertTrue(e.getSQLState().startsWith("08"), e::toString);
        }
        pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")"); // the server is still sleeping in it
        try (Connection c = pool.getConnection()) {
            assertNotEquals(pid, scalar(c, "SELECT pg_backend_pid()"), "the timed-out connection was evicted");
        }
        closeAndCheckNothingLeft(pool);
    }

    @Test
    void connectionTimeoutWhenThePoolIsExhausted() throws Exception {
        HikariConfig config = config("dataSourceClassName");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection held = pool.getConnection()) {
            long start = System.nanoTime();
            assertThrows(SQLTransientConnectionException.class, pool::getConnection);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
            assertEquals("1", scalar(held, "SELECT 1"));
        }
        closeAndCheckNothingLeft(pool);
    }

    /**
     * A server that never answers: loginTimeout ends each connect, so the pool reports the driver's
     * 08001 as the cause, its adder thread is not stuck for connectTimeout (30 s), and it closes at once.
     */
    @Test
    void anUnresponsiveServerFailsWithinConnectionTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(app);
            config.setJdbcUrl("jdbc:postgresql://" + silent.host() + ":" + silent.port()
                    + "/db?sslmode=disable&connectTimeout=30&loginTimeout=1");
            config.setUsername("nobody");
            config.setConnectionTimeout(3000);
            config.setInitializationFailTimeout(-1); // start without a connection
            long start = System.nanoTime();
            HikariDataSource pool = new HikariDataSource(config);
            SQLException e = assertThrows(SQLTransientConnectionException.class, pool::getConnection);
            SQLException cause = assertInstanceOf(SQLException.class, e.getCause(), e::toString);
            assertEquals("08001", cause.getSQLState());
            assertTrue(cause.getMessage().contains("loginTimeout"), cause.getMessage());
            pool.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
            assertTrue(silent.clientsConnectedAndClosed(1, Duration.ofSeconds(5)), "the driver closed its socket");
        }
    }

    /**
     * Without a loginTimeout of its own, the data source gets Hikari's connectionTimeout as its login
     * timeout: the attempt ends after about a second instead of holding the socket for connectTimeout.
     */
    @Test
    void hikarisConnectionTimeoutBecomesTheDataSourcesLoginTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(app);
            config.setDataSourceClassName(TuskDataSource.class.getName());
            config.addDataSourceProperty("serverName", silent.host());
            config.addDataSourceProperty("portNumber", silent.port());
            config.addDataSourceProperty("user", "nobody");
            config.addDataSourceProperty("sslMode", "disable");
            config.addDataSourceProperty("connectTimeout", "30");
            config.setConnectionTimeout(1000);
            config.setInitializationFailTimeout(-1);
            HikariDataSource pool = new HikariDataSource(config);
            assertEquals(1, pool.unwrap(TuskDataSource.class).getLoginTimeout(), "set by Hikari");
            assertThrows(SQLTransientConnectionException.class, pool::getConnection);
            long start = System.nanoTime();
            pool.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "no adder thread left waiting");
            // (checked after close: until then Hikari keeps retrying, and a retry may be under way)
            assertTrue(silent.clientsConnectedAndClosed(1, Duration.ofSeconds(5)), "every attempt ended");
        }
    }
}

package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Query timeouts, Statement.cancel and socketTimeout: every wait ends, and the right thing survives. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeoutCancelIT extends JdbcTestBase {
    private ExecutorService pool;

    TimeoutCancelIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static int one(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    /** Waits (bounded) until backend {@code pid} runs a statement containing {@code text}. */
    private void awaitRunning(int pid, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = open(); PreparedStatement ps = watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND state = 'active' AND query LIKE ?")) {
            ps.setInt(1, pid);
            ps.setString(2, "%" + text + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("backend " + pid + " never ran " + text);
    }

    @Test
    void queryTimeoutCancelsWith57014AndTheConnectionStaysUsable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertEquals(1, s.getQueryTimeout());
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(5)"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertTrue(ms >= 900 && ms < 4000, "cancelled after " + ms + " ms");
            assertEquals(1, one(s), "the same statement works again");
        }
        assertFalse(conn.isClosed());
        try (Statement s = conn.createStatement()) {
            assertEquals(1, one(s));
        }
    }

    @Test
    void queryTimeoutOnAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_sleep(?)")) {
            ps.setQueryTimeout(1);
            for (int round = 0; round < 2; round++) {
                ps.setDouble(1, 5);
                SQLException e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals("57014", e.getSQLState());
                ps.setDouble(1, 0.01);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                }
            }
        }
    }

    @Test
    void expiredTimerDoesNotCancelALaterStatement() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertEquals(1, one(s)); // finishes long before the timer would fire
            Thread.sleep(1300); // the timer's time passes while the connection is idle
            for (int i = 0; i < 5; i++) {
                try (ResultSet rs = s.executeQuery("SELECT pg_sleep(0.1), 2")) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(2));
                }
            }
        }
    }

    @Test
    void queryTimeoutInsideATransactionAbortsOnlyTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertEquals("57014", assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(5)")).getSQLState());
            assertEquals("25P02", assertThrows(SQLException.class, () -> one(s)).getSQLState());
            conn.rollback();
            assertEquals(1, one(s));
        }
        conn.rollback();
    }

    @Test
    void negativeQueryTimeoutIsRejected() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
        }
    }

    @Test
    void cancelFromAnotherThreadGives57014() throws Exception {
        int pid = pid(conn);
        Statement s = conn.createStatement();
        Future<SQLException> sleeper = pool.submit(() -> {
            try {
                s.execute("SELECT pg_sleep(20)");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        awaitRunning(pid, "pg_sleep(20)");
        long start = System.nanoTime();
        s.cancel();
        SQLException e = sleeper.get(10, TimeUnit.SECONDS);
        assertNotNull(e, "the statement must be cancelled");
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5);
        assertEquals("57014", e.getSQLState());
        assertInstanceOf(SQLTimeoutException.class, e);
        assertEquals(1, one(s));
        s.close();
    }

    @Test
    void cancelOfAPreparedStatementFromAnotherThread() throws Exception {
        int pid = pid(conn);
        PreparedStatement ps = conn.prepareStatement("SELECT pg_sleep(?)");
        ps.setInt(1, 20);
        Future<SQLException> sleeper = pool.submit(() -> {
            try {
                ps.executeQuery();
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        awaitRunning(pid, "pg_sleep");
        ps.cancel();
        SQLException e = sleeper.get(10, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals("57014", e.getSQLState());
        ps.setInt(1, 0);
        try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
        }
        ps.close();
    }

    /**
     * pgjdbc ignores cancel() when the statement is not executing. A CancelRequest sent anyway can arrive while
     * a later statement runs and cancel that one instead.
     */
    @Test
    void cancelWhileIdleDoesNotCancelLaterStatements() throws Exception {
        try (Statement s = conn.createStatement()) {
            for (int i = 0; i < 10; i++) {
                s.cancel();
                try (ResultSet rs = s.executeQuery("SELECT pg_sleep(0.05), " + i)) {
                    assertTrue(rs.next());
                    assertEquals(i, rs.getInt(2));
                }
            }
        }
    }

    @Test
    void socketTimeoutPropertyClosesTheConnection() throws Exception {
        Properties p = new Properties();
        p.setProperty("socketTimeout", "1");
        try (Connection c = open(p)) {
            int pid = pid(c);
            try (Statement s = c.createStatement()) {
                long start = System.nanoTime();
                SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(4)"));
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"), e.toString());
                assertTrue(ms >= 900 && ms < 3500, "timed out after " + ms + " ms");
            } finally {
                pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
            }
            assertTrue(c.isClosed());
        }
    }

    /** socketTimeout is the network timeout a connection starts with, and isValid puts it back after its own. */
    @Test
    void socketTimeoutIsTheInitialNetworkTimeoutAndSurvivesIsValid() throws Exception {
        Properties p = new Properties();
        p.setProperty("socketTimeout", "1");
        try (Connection c = open(p)) {
            assertEquals(1000, c.getNetworkTimeout());
            assertTrue(c.isValid(5));
            assertEquals(1000, c.getNetworkTimeout());
            int pid = pid(c);
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(4)"));
                assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"), e.toString());
            } finally {
                pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
            }
        }
    }

    @Test
    void isValidAnswersQuicklyOnAnIdleConnection() throws Exception {
        // isValid on an idle connection answers at once
        long start = System.nanoTime();
        assertTrue(conn.isValid(1));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
    }

    @Test
    void statementTimeoutFromTheServerIsAlso57014() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SET statement_timeout = '200ms'");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(3)"));
            assertEquals("57014", e.getSQLState());
            assertInstanceOf(SQLTimeoutException.class, e);
            s.execute("RESET statement_timeout");
            assertEquals(1, one(s));
        }
    }
}

package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Query timeouts, Statement.cancel from another thread, and the network timeout. Every wait is bounded. */
public abstract class TimeoutTckBase extends TckBase {

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Waits (at most 10 s) until the server runs a query containing {@code marker} on backend {@code pid}. */
    private static void awaitRunning(long pid, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String n = PgServer.get().adminQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                + " AND state = 'active' AND query LIKE '%" + marker + "%'").get(0).get(0);
            if (!n.equals("0")) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, () -> "the query never started on the server: "
                + PgServer.get().adminQuery("SELECT pid, state, wait_event_type, wait_event, query FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend'"));
            Thread.sleep(10);
        }
    }

    // ------------------------------------------------------------------------------------ query timeout

    @Test
    void queryTimeoutCancelsALongQuery() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertSqlState("57014", () -> s.execute("SELECT pg_sleep(20)"));
            long took = millisSince(start);
            assertTrue(took >= 900 && took < 10_000, "cancelled after " + took + " ms");
        }
        assertUsable(conn);
    }

    @Test
    void queryTimeoutThrowsSQLTimeoutException() throws SQLException {
        // Statement.setQueryTimeout: "SQLTimeoutException ... when the driver has determined that the timeout
        // value that was specified by the setQueryTimeout method has been exceeded".
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertInstanceOf(SQLTimeoutException.class, assertSqlException(() -> s.execute("SELECT pg_sleep(20)")));
        }
    }

    @Test
    void queryTimeoutOnPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_sleep(CAST(? AS float8))")) {
            ps.setQueryTimeout(1);
            ps.setDouble(1, 20);
            assertSqlState("57014", ps::executeQuery);
            ps.setDouble(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void queryTimeoutDoesNotFireForQuickQueries() throws SQLException {
        // Each execution gets the full timeout: five queries of 0.5 s under a 2 s timeout all finish (together
        // they take longer than the timeout, so a timer shared by the executions would fire).
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(2);
            for (int i = 0; i < 5; i++) {
                s.execute("SELECT pg_sleep(0.5)");
            }
        }
    }

    @Test
    void queryTimeoutDoesNotLeakIntoLaterStatements() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            s.execute("SELECT 1");
        }
        Thread.sleep(1300); // a stray timer would cancel the next query now
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT pg_sleep(0.3)");
        }
    }

    @Test
    void queryTimeoutInTransactionFailsTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertSqlState("57014", () -> s.execute("SELECT pg_sleep(20)"));
        }
        assertSqlState("25P02", () -> execute("SELECT 1"));
        conn.rollback();
        assertUsable(conn);
    }

    @Test
    void queryTimeoutAppliesToBatches() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            s.addBatch("DO $$BEGIN PERFORM pg_sleep(5); END$$");
            long start = System.nanoTime();
            SQLException e = assertSqlException(s::executeBatch);
            assertTrue(millisSince(start) < 10_000);
            assertEquals("57014", sqlStateIn(e, "57014"));
        }
        assertUsable(conn);
    }

    // ------------------------------------------------------------------------------------------ cancel

    @Test
    void cancelFromAnotherThread() throws Exception {
        long pid = scalarLong(conn, "SELECT pg_backend_pid()");
        Statement s = closeLater(conn.createStatement());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SQLException> running = executor.submit(() -> {
                try {
                    s.execute("SELECT pg_sleep(20), 'tck_cancel_me'");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitRunning(pid, "tck_cancel_me");
            long start = System.nanoTime();
            s.cancel();
            SQLException e = running.get(10, TimeUnit.SECONDS);
            assertTrue(e != null, "the query was cancelled");
            assertEquals("57014", e.getSQLState());
            assertTrue(millisSince(start) < 10_000);
        } finally {
            executor.shutdownNow();
        }
        assertUsable(conn);
    }

    @Test
    void cancelWithoutRunningQueryIsHarmless() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.cancel();
            // A cancel request that arrives late must not hit this query.
            s.execute("SELECT pg_sleep(0.5)");
            try (ResultSet rs = s.executeQuery("SELECT 7")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        }
    }

    @Test
    void cancelOfPreparedStatement() throws Exception {
        long pid = scalarLong(conn, "SELECT pg_backend_pid()");
        PreparedStatement ps = closeLater(conn.prepareStatement("SELECT pg_sleep(CAST(? AS float8)), 'tck_cancel_ps'"));
        ps.setDouble(1, 20);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SQLException> running = executor.submit(() -> {
                try {
                    ps.executeQuery();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitRunning(pid, "tck_cancel_ps");
            ps.cancel();
            SQLException e = running.get(10, TimeUnit.SECONDS);
            assertTrue(e != null, "the query was cancelled");
            assertEquals("57014", e.getSQLState());
        } finally {
            executor.shutdownNow();
        }
        assertUsable(conn);
    }

    // ------------------------------------------------------------------------------- network timeout

    @Test
    void networkTimeoutClosesTheConnection() throws Exception {
        // Connection.setNetworkTimeout: when the limit is exceeded the driver throws and the connection is
        // marked closed.
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            conn.setNetworkTimeout(executor, 500);
            long start = System.nanoTime();
            assertSqlException(() -> execute("SELECT pg_sleep(10)"));
            assertTrue(millisSince(start) < 8_000, "gave up after " + millisSince(start) + " ms");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!conn.isClosed()) {
                assertTrue(System.nanoTime() < deadline, "connection not closed after the network timeout");
                Thread.sleep(10);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void isValidAnswersQuickly() throws SQLException {
        long start = System.nanoTime();
        assertTrue(conn.isValid(2));
        assertTrue(millisSince(start) < 2_000);
    }
}

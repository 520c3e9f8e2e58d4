package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.admin;
import static io.tusk.internal.net.TestEngine.await;
import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.query;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import io.tusk.testing.TcpProxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * socketTimeout on connections whose I/O runs on the event loop: a wait for a server that says
 * nothing ends with 08006 and closes the connection; idling is never cut. (The caller-driven path
 * applies the same bound through SO_TIMEOUT; the JDBC tests cover it.)
 */
class SocketTimeoutIT extends EngineTestBase {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    SocketTimeoutIT(PgServer pg) {
        super(pg);
    }

    private static List<Command<?>> selects(int from, int count) {
        List<Command<?>> commands = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            commands.add(new SimpleQueryCommand("SELECT " + i));
        }
        return commands;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** The failure socketTimeout gives: 08006 naming the property and its value. */
    private static void assertTimedOut(CompletableFuture<?> future, String value) {
        SQLException e = assertThrows(SQLException.class, () -> await(future));
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08006", e.getSQLState(), e.toString());
        assertTrue(e.getMessage().contains("socketTimeout (" + value + ")"), e.getMessage());
    }

    /** The connection is closed and refuses later commands with class 08. */
    private static void assertClosed(NettyConnection c) throws SQLException {
        await(c.closeFuture());
        assertFalse(c.isOpen());
        SQLException after = assertThrows(SQLException.class, () -> query(c, "SELECT 1"));
        assertTrue(after.getSQLState().startsWith("08"), after.toString());
    }

    @Test
    void aStalledNetworkFailsTheWaitingCommandAndEveryOneBehindIt() throws Exception {
        try (TcpProxy proxy = new TcpProxy(pg.host(), pg.port())) {
            NettyConnection c = connect(admin(pg).host(proxy.host(), proxy.port()));
            c.socketTimeout(ONE_SECOND);
            assertEquals("1", value(c, "SELECT 1"));
            proxy.stall(); // no reset, no FIN: only the timeout can notice
            long start = System.nanoTime();
            List<CompletableFuture<?>> futures = c.submitAll(selects(0, 10));
            for (CompletableFuture<?> f : futures) {
                assertTimedOut(f, "1000 ms");
            }
            long ms = millisSince(start);
            assertTrue(ms >= 900 && ms < 4000, "timed out after " + ms + " ms");
            assertClosed(c);
        }
    }

    /** As on the JDBC path and in pgjdbc: socketTimeout bounds the server's silence, a slow query's too. */
    @Test
    void aQuerySilentForLongerThanTheTimeoutIsKilled() throws Exception {
        NettyConnection c = connect(admin(pg));
        c.socketTimeout(ONE_SECOND);
        int pid = c.session().processId();
        try {
            long start = System.nanoTime();
            assertTimedOut(c.submit(new SimpleQueryCommand("SELECT pg_sleep(5)")), "1000 ms");
            long ms = millisSince(start);
            assertTrue(ms >= 900 && ms < 4000, "timed out after " + ms + " ms");
            assertClosed(c);
        } finally {
            pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    @Test
    void anIdleConnectionOutlivesItsTimeout() throws Exception {
        NettyConnection c = connect(admin(pg));
        try {
            c.socketTimeout(ONE_SECOND);
            assertEquals("1", value(c, "SELECT 1"));
            Thread.sleep(2500);
            assertTrue(c.isOpen());
            assertEquals("2", value(c, "SELECT 2"));
        } finally {
            close(c);
        }
    }

    /**
     * The silence is counted from the start of the wait, not from the last answer: a check scheduled
     * for an earlier wait must not cut a later one short. Here the check of "SELECT 1" comes due half
     * a second into the sleep, which has 1.5 s left of its own bound by then.
     */
    @Test
    void aWaitThatStartsAfterAnIdlePauseGetsTheWholeTimeout() throws Exception {
        NettyConnection c = connect(admin(pg));
        try {
            c.socketTimeout(Duration.ofSeconds(2));
            assertEquals("1", value(c, "SELECT 1"));
            Thread.sleep(1500);
            assertEquals("", value(c, "SELECT pg_sleep(1)"));
            assertTrue(c.isOpen());
        } finally {
            close(c);
        }
    }

    @Test
    void aStallShorterThanTheTimeoutIsWaitedOut() throws Exception {
        try (TcpProxy proxy = new TcpProxy(pg.host(), pg.port())) {
            NettyConnection c = connect(admin(pg).host(proxy.host(), proxy.port()));
            c.socketTimeout(Duration.ofSeconds(3));
            assertEquals("1", value(c, "SELECT 1"));
            proxy.stall();
            CompletableFuture<List<QueryResult>> held = c.submit(new SimpleQueryCommand("SELECT 2"));
            Thread.sleep(500);
            assertFalse(held.isDone());
            proxy.resume();
            assertEquals("2", await(held).get(0).rows().get(0).text(0));
            close(c);
        }
    }

    @Test
    void aTimeoutSetWhileACommandWaitsBoundsThatWait() throws Exception {
        NettyConnection c = connect(admin(pg));
        NettyConnection observer = connect(admin(pg));
        int pid = c.session().processId();
        try {
            CompletableFuture<List<QueryResult>> sleeping = c.submit(new SimpleQueryCommand("SELECT pg_sleep(10)"));
            TestEngine.awaitRunning(observer, pid);
            long start = System.nanoTime();
            c.socketTimeout(ONE_SECOND); // from this thread, not the event loop
            assertTimedOut(sleeping, "1000 ms");
            long ms = millisSince(start);
            assertTrue(ms >= 900 && ms < 4000, "timed out after " + ms + " ms");
            assertClosed(c);
        } finally {
            pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
            close(observer);
        }
    }

    @Test
    void theTimeoutCanBeRemovedRaisedAndLowered() throws Exception {
        NettyConnection c = connect(admin(pg));
        int pid = c.session().processId();
        try {
            c.socketTimeout(ONE_SECOND);
            c.socketTimeout(Duration.ZERO);
            assertEquals("", value(c, "SELECT pg_sleep(1.5)"));
            c.socketTimeout(Duration.ofSeconds(4));
            assertEquals("", value(c, "SELECT pg_sleep(1.5)"));
            c.socketTimeout(Duration.ofMillis(500));
            long start = System.nanoTime();
            assertTimedOut(c.submit(new SimpleQueryCommand("SELECT pg_sleep(5)")), "500 ms");
            long ms = millisSince(start);
            assertTrue(ms >= 400 && ms < 4000, "timed out after " + ms + " ms");
        } finally {
            pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    /** Answers that keep coming keep the connection alive, however long the whole stream takes. */
    @Test
    void aLongStreamOfPipelinedQuickCommandsIsNeverCut() throws Exception {
        NettyConnection c = connect(admin(pg));
        try {
            c.socketTimeout(ONE_SECOND);
            List<CompletableFuture<?>> big = c.submitAll(selects(0, 20_000));
            assertEquals("19999", ((QueryResult) ((List<?>) await(big.get(big.size() - 1))).get(0)).rows().get(0).text(0));
            // then batches back to back for longer than two timeouts, each sent before the last is answered
            long start = System.nanoTime();
            int next = 0;
            List<CompletableFuture<?>> previous = c.submitAll(selects(next, 500));
            while (millisSince(start) < 2500) {
                next += 500;
                List<CompletableFuture<?>> batch = c.submitAll(selects(next, 500));
                for (CompletableFuture<?> f : previous) {
                    await(f);
                }
                previous = batch;
            }
            List<?> last = (List<?>) await(previous.get(previous.size() - 1));
            assertEquals(String.valueOf(next + 499), ((QueryResult) last.get(0)).rows().get(0).text(0));
            assertTrue(c.isOpen());
        } finally {
            close(c);
        }
    }
}

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
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import io.tusk.testing.TcpProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A connection that dies, is cancelled, times out or is closed never leaves a command waiting. */
class ConnectionLossIT extends EngineTestBase {

    ConnectionLossIT(PgServer pg) {
        super(pg);
    }

    /** A long sleep and ten commands queued behind it, submitted as one pipelined batch from another thread. */
    private static CompletableFuture<List<CompletableFuture<?>>> sleepAndQueue(NettyConnection c) {
        List<Command<?>> commands = new ArrayList<>();
        commands.add(new SimpleQueryCommand("SELECT pg_sleep(60)"));
        for (int i = 0; i < 10; i++) {
            commands.add(new SimpleQueryCommand("SELECT " + i));
        }
        return CompletableFuture.supplyAsync(() -> c.submitAll(commands));
    }

    @Test
    void killingTheBackendFailsEveryPendingCommandFast() throws Exception {
        NettyConnection victim = connect(admin(pg));
        NettyConnection killer = connect(admin(pg));
        try {
            CompletableFuture<List<CompletableFuture<?>>> submitted = sleepAndQueue(victim);
            TestEngine.awaitRunning(killer, victim.session().processId());
            long start = System.nanoTime();
            query(killer, "SELECT pg_terminate_backend(" + victim.session().processId() + ")");
            List<CompletableFuture<?>> futures = await(submitted);
            SQLException first = assertThrows(SQLException.class, () -> await(futures.get(0)));
            assertInstanceOf(SQLNonTransientConnectionException.class, first);
            assertEquals("57P01", first.getSQLState(), "the running command gets the server's reason");
            for (CompletableFuture<?> f : futures.subList(1, futures.size())) {
                SQLException e = assertThrows(SQLException.class, () -> await(f));
                assertTrue(e.getSQLState().startsWith("08"), e.toString());
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "failed promptly");
            await(victim.closeFuture());
            assertFalse(victim.isOpen());
            SQLException after = assertThrows(SQLException.class, () -> query(victim, "SELECT 1"));
            assertTrue(after.getSQLState().startsWith("08"), after.toString());
        } finally {
            close(killer);
        }
    }

    @Test
    void cuttingTheNetworkFailsEveryPendingCommand() throws Exception {
        try (TcpProxy proxy = new TcpProxy(pg.host(), pg.port())) {
            NettyConnection c = connect(admin(pg).host(proxy.host(), proxy.port()));
            NettyConnection observer = connect(admin(pg));
            assertEquals("1", value(c, "SELECT 1"));
            CompletableFuture<List<CompletableFuture<?>>> submitted = sleepAndQueue(c);
            TestEngine.awaitRunning(observer, c.session().processId());
            proxy.cutAll();
            for (CompletableFuture<?> f : await(submitted)) {
                SQLException e = assertThrows(SQLException.class, () -> await(f));
                assertTrue(e.getSQLState().startsWith("08"), e.toString());
            }
            close(observer);
        }
    }

    @Test
    void cancelStopsTheRunningQueryAndKeepsTheConnection() throws Exception {
        NettyConnection c = connect(admin(pg));
        NettyConnection observer = connect(admin(pg));
        try {
            CompletableFuture<List<QueryResult>> sleeping = inBackground(
                    () -> c.submit(new SimpleQueryCommand("SELECT pg_sleep(60)")));
            TestEngine.awaitRunning(observer, c.session().processId());
            await(c.cancel());
            SQLException e = assertThrows(SQLException.class, () -> await(sleeping));
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertEquals("2", value(c, "SELECT 2"));
        } finally {
            close(observer);
            close(c);
        }
    }

    @Test
    void anOversizedMessageClosesTheConnectionWith08P01() throws SQLException {
        NettyConnection c = connect(admin(pg).maxMessageSize(1000));
        CompletableFuture<List<QueryResult>> big = c.submit(new SimpleQueryCommand("SELECT repeat('x', 5000)"));
        CompletableFuture<List<QueryResult>> after = c.submit(new SimpleQueryCommand("SELECT 1"));
        SQLException e = assertThrows(SQLException.class, () -> await(big));
        assertEquals("08P01", e.getSQLState(), e.toString());
        assertTrue(e.getMessage().contains("message length: 5010 (expected: <= 1004)"), e.getMessage());
        SQLException e2 = assertThrows(SQLException.class, () -> await(after));
        assertTrue(e2.getSQLState().startsWith("08"));
    }

    @Test
    void closeAnswersWhatWasSentAndRefusesWhatComesAfter() throws SQLException {
        NettyConnection c = connect(admin(pg));
        CompletableFuture<List<QueryResult>> sent = c.submit(new SimpleQueryCommand("SELECT 7"));
        await(c.close());
        assertEquals("7", await(sent).get(0).rows().get(0).text(0));
        SQLException e = assertThrows(SQLException.class, () -> query(c, "SELECT 1"));
        assertEquals("08003", e.getSQLState());
    }

    @Test
    void abortFailsTheRunningCommand() throws Exception {
        NettyConnection c = connect(admin(pg));
        NettyConnection observer = connect(admin(pg));
        CompletableFuture<List<QueryResult>> sleeping = inBackground(
                () -> c.submit(new SimpleQueryCommand("SELECT pg_sleep(60)")));
        TestEngine.awaitRunning(observer, c.session().processId());
        close(observer);
        await(c.abort());
        SQLException e = assertThrows(SQLException.class, () -> await(sleeping));
        assertTrue(e.getSQLState().startsWith("08"));
    }

    @Test
    void connectionRefusedIs08001() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        int port = deadPort;
        SQLException e = assertThrows(SQLException.class, () -> connect(admin(pg).host("127.0.0.1", port)));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
    }

    @Test
    void aSilentServerTimesOutWithConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (Exception ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> connect(admin(pg)
                    .host("127.0.0.1", silent.getLocalPort()).connectTimeout(Duration.ofMillis(500))));
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        }
    }

    @Test
    void theNextHostIsTriedWhenOneIsDown() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        NettyConnection c = connect(admin(pg).hosts(List.of(new HostSpec("127.0.0.1", deadPort),
                new HostSpec(pg.host(), pg.port()))));
        try {
            assertEquals(pg.port(), c.host().port());
            assertEquals("1", value(c, "SELECT 1"));
        } finally {
            close(c);
        }
    }
}

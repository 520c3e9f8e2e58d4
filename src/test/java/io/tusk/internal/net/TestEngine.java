package io.tusk.internal.net;

import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SslMode;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Engine-level helpers for integration tests that talk to the engine below the async API. */
public final class TestEngine {
    /** Bound on every wait in tests: a hang fails the test instead of the build. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestEngine() {
    }

    /** Settings for {@code user} on the test server, plain connection, the user's password. */
    public static ConnectionSettings.Builder settings(PgServer pg, String user) {
        ConnectionSettings.Builder b = ConnectionSettings.builder()
                .host(pg.host(), pg.port())
                .database(pg.database())
                .user(user)
                .password(pg.passwordOf(user))
                .sslMode(SslMode.DISABLE)
                .connectTimeout(Duration.ofSeconds(10));
        return pg.isEmbedded() ? b.sslRootCert(pg.caCertFile()) : b; // only the embedded server has our CA
    }

    /** Settings for the superuser (or the TUSK_TEST_URL user). */
    public static ConnectionSettings.Builder admin(PgServer pg) {
        return settings(pg, pg.superUser()).password(pg.superPassword())
                .sslMode(pg.isEmbedded() ? SslMode.DISABLE : SslMode.PREFER);
    }

    public static NettyConnection connect(ConnectionSettings.Builder settings) throws SQLException {
        return await(new Connector().connect(settings.build()));
    }

    public static List<QueryResult> query(NettyConnection c, String sql) throws SQLException {
        return await(c.submit(new SimpleQueryCommand(sql)));
    }

    /** The single value of a one-row, one-column query, as text. */
    public static String value(NettyConnection c, String sql) throws SQLException {
        List<QueryResult> results = query(c, sql);
        QueryResult last = results.get(results.size() - 1);
        return last.rows().get(0).text(0);
    }

    public static <T> T await(CompletableFuture<T> future) throws SQLException {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new AssertionError("future failed with a non-SQL exception", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        }
    }

    public static void close(NettyConnection c) throws SQLException {
        if (c != null) {
            await(c.close());
        }
    }

    /** Waits until the backend runs pg_sleep, so the kill or cancel hits a running query. */
    public static void awaitRunning(NettyConnection observer, int pid) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if ("active".equals(value(observer, "SELECT coalesce(max(state), 'none') FROM pg_stat_activity WHERE pid = " + pid))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + pid + " never became active");
    }
}

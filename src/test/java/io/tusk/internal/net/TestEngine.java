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

/** Engine-level helpers for integration tests (the JDBC facade does not exist yet). */
final class TestEngine {
    /** Bound on every wait in tests: a hang fails the test instead of the build. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private TestEngine() {
    }

    /** Settings for {@code user} on the test server, plain connection, the user's password. */
    static ConnectionSettings.Builder settings(PgServer pg, String user) {
        return ConnectionSettings.builder()
                .host(pg.host(), pg.port())
                .database(pg.database())
                .user(user)
                .password(pg.passwordOf(user))
                .sslMode(SslMode.DISABLE)
                .sslRootCert(pg.caCertFile())
                .connectTimeout(Duration.ofSeconds(10));
    }

    /** Settings for the superuser (or the TUSK_TEST_URL user). */
    static ConnectionSettings.Builder admin(PgServer pg) {
        return settings(pg, pg.superUser()).password(pg.superPassword())
                .sslMode(pg.isEmbedded() ? SslMode.DISABLE : SslMode.PREFER);
    }

    static NettyConnection connect(ConnectionSettings.Builder settings) throws SQLException {
        return await(new Connector().connect(settings.build()));
    }

    static List<QueryResult> query(NettyConnection c, String sql) throws SQLException {
        return await(c.submit(new SimpleQueryCommand(sql)));
    }

    /** The single value of a one-row, one-column query, as text. */
    static String value(NettyConnection c, String sql) throws SQLException {
        List<QueryResult> results = query(c, sql);
        QueryResult last = results.get(results.size() - 1);
        return last.rows().get(0).text(0);
    }

    static <T> T await(CompletableFuture<T> future) throws SQLException {
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

    static void close(NettyConnection c) throws SQLException {
        if (c != null) {
            await(c.close());
        }
    }

    /** Waits until the backend runs pg_sleep, so the kill or cancel hits a running query. */
    static void awaitRunning(NettyConnection observer, int pid) throws SQLException, InterruptedException {
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

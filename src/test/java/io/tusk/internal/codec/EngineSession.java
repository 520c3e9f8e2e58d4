package io.tusk.internal.codec;

import io.tusk.internal.net.Connector;
import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SslMode;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A superuser connection through the engine's internal API, for codec integration tests (the facade
 * is not there to use). The few lines are those of io.tusk.internal.net.TestEngine, which is
 * package-private there.
 */
final class EngineSession implements AutoCloseable {
    static final short TEXT = 0;
    static final short BINARY = 1;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final NettyConnection connection;

    private EngineSession(NettyConnection connection) {
        this.connection = connection;
    }

    static EngineSession open(PgServer pg) throws SQLException {
        ConnectionSettings settings = ConnectionSettings.builder()
                .host(pg.host(), pg.port())
                .database(pg.database())
                .user(pg.superUser())
                .password(pg.superPassword())
                .sslMode(pg.isEmbedded() ? SslMode.DISABLE : SslMode.PREFER)
                .sslRootCert(pg.caCertFile())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new EngineSession(await(new Connector().connect(settings)));
    }

    List<QueryResult> simple(String sql) throws SQLException {
        return await(connection.submit(new SimpleQueryCommand(sql)));
    }

    /** One extended-protocol statement; every parameter in {@code parameterFormat}, every column in {@code resultFormat}. */
    QueryResult extended(String sql, int[] parameterTypes, short parameterFormat, byte[][] parameters, short resultFormat)
            throws SQLException {
        short[] formats = new short[parameters.length];
        Arrays.fill(formats, parameterFormat);
        return await(connection.submit(new ExtendedQueryCommand("", sql, parameterTypes, formats, parameters,
                new short[] {resultFormat}, 0, null)));
    }

    private static <T> T await(CompletableFuture<T> future) throws SQLException {
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

    @Override
    public void close() throws SQLException {
        await(connection.close());
    }
}

package io.tusk.internal.codec;

import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.net.TestEngine;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A superuser connection through the engine's internal API, for codec integration tests that need
 * to choose each column's wire format, which the async API and the facade do not expose.
 */
final class EngineSession implements AutoCloseable {
    static final short TEXT = 0;
    static final short BINARY = 1;

    private final NettyConnection connection;

    private EngineSession(NettyConnection connection) {
        this.connection = connection;
    }

    static EngineSession open(PgServer pg) throws SQLException {
        return new EngineSession(TestEngine.connect(TestEngine.admin(pg)));
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

    /** The latest value the server reported for a run-time parameter (ParameterStatus). */
    String reported(String parameter) {
        return connection.session().parameter(parameter);
    }

    private static <T> T await(CompletableFuture<T> future) throws SQLException {
        return TestEngine.await(future);
    }

    @Override
    public void close() throws SQLException {
        await(connection.close());
    }
}

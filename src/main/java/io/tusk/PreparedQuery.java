package io.tusk;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.session.CachedStatement;
import io.tusk.internal.session.StatementResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A statement prepared on the server by {@link AsyncConnection#prepare}. Arguments are encoded for
 * the parameter types the server resolved, so a {@code String} can feed an {@code int} parameter
 * (sent as text, parsed by the server).
 *
 * <pre>{@code
 * PreparedQuery byId = conn.prepare("SELECT name FROM items WHERE id = $1").join();
 * for (int id : ids) {
 *     System.out.println(byId.fetchVal(id).join());
 * }
 * byId.close();
 * }</pre>
 */
public final class PreparedQuery {
    private final AsyncConnection connection;
    private final String sql;
    private final CachedStatement statement;
    private volatile String lastStatus;

    PreparedQuery(AsyncConnection connection, String sql, CachedStatement statement) {
        this.connection = connection;
        this.sql = sql;
        this.statement = statement;
    }

    /** The statement's name on the server. */
    public String name() {
        return statement.name();
    }

    public String sql() {
        return sql;
    }

    /** The PostgreSQL type names of the parameters, in order. */
    public List<String> parameterTypes() {
        return java.util.Arrays.stream(statement.parameterTypes())
                .mapToObj(oid -> connection.session().registry().forOid(oid).typeName()).toList();
    }

    /** The names of the result columns, in order; empty for a statement that returns no rows. */
    public List<String> columnNames() {
        return java.util.stream.IntStream.range(0, statement.descriptor().size())
                .mapToObj(statement.descriptor()::name).toList();
    }

    /** The PostgreSQL type names of the result columns, in order. */
    public List<String> columnTypes() {
        return java.util.stream.IntStream.range(0, statement.descriptor().size())
                .mapToObj(statement.descriptor()::codec).map(Codec::typeName).toList();
    }

    public CompletableFuture<List<Row>> fetch(Object... args) {
        return run(args, 0).thenApply(AsyncConnection::rows);
    }

    public CompletableFuture<Row> fetchRow(Object... args) {
        return run(args, 1).thenApply(AsyncConnection::firstRow);
    }

    public CompletableFuture<Object> fetchVal(Object... args) {
        return fetchRow(args).thenApply(r -> r == null ? null : r.get(0));
    }

    /** Runs the statement and returns its status, e.g. {@code "UPDATE 3"}. */
    public CompletableFuture<String> execute(Object... args) {
        return run(args, 0).thenApply(StatementResult::commandTag);
    }

    /** The status of the last execution, or {@code null} before the first one. */
    public String lastStatus() {
        return lastStatus;
    }

    /** Releases the statement on the server (sent with the connection's next command). */
    public void close() {
        connection.session().closeLater(statement);
    }

    private CompletableFuture<StatementResult> run(Object[] args, int maxRows) {
        return connection.runPrepared(statement, args, maxRows).thenApply(r -> {
            lastStatus = r.commandTag();
            return r;
        });
    }
}

package io.tusk;

import io.tusk.internal.row.RowData;
import io.tusk.internal.session.CachedStatement;
import io.tusk.internal.session.Parameters;
import io.tusk.internal.session.Session;
import io.tusk.internal.session.StatementResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A PostgreSQL connection with an asynchronous API, modelled on asyncpg. Queries use PostgreSQL's
 * own {@code $1, $2 …} placeholders; arguments are sent in binary with the type their Java class
 * maps to (see docs/type-mapping.md). Every method returns at once with a future that fails with
 * an {@link SQLException} (class by SQLSTATE, {@link HasServerError} for the server's fields).
 *
 * <pre>{@code
 * AsyncConnection conn = Tusk.connect("postgresql://app@db.example.com/shop").join();
 * conn.execute("CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, name text)").join();
 * conn.execute("INSERT INTO items VALUES ($1, $2)", 1, "tusk").join();
 * List<Row> rows = conn.fetch("SELECT id, name FROM items WHERE id > $1", 0).join();
 * String name = (String) conn.fetchVal("SELECT name FROM items WHERE id = $1", 1).join();
 * conn.close().join();
 * }</pre>
 *
 * Commands may be issued from any thread and without waiting for earlier ones: they are pipelined
 * on the connection and answered in order. The same connection is reachable from JDBC through
 * {@code jdbcConnection.unwrap(AsyncConnection.class)}.
 */
public final class AsyncConnection {
    private final Session session;

    /** Internal: connections come from {@link Tusk#connect} or a JDBC connection's unwrap. */
    public AsyncConnection(Session session) {
        this.session = session;
    }

    /**
     * Runs SQL and returns the status of the last command (e.g. {@code "INSERT 0 1"}). Without
     * arguments the string may hold several statements separated by semicolons.
     */
    public CompletableFuture<String> execute(String sql, Object... args) {
        if (args.length == 0) {
            return session.simpleQuery(sql).thenApply(results ->
                    results.isEmpty() ? null : results.get(results.size() - 1).commandTag());
        }
        return run(sql, args, 0).thenApply(StatementResult::commandTag);
    }

    /** Runs a query and returns all its rows. */
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return run(sql, args, 0).thenApply(AsyncConnection::rows);
    }

    /** Runs a query and returns its first row, or {@code null} when it returns none. */
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return run(sql, args, 1).thenApply(AsyncConnection::firstRow);
    }

    /** Runs a query and returns the first column of its first row, or {@code null} when it returns no row. */
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return fetchRow(sql, args).thenApply(r -> r == null ? null : r.get(0));
    }

    /** As {@link #fetchVal(String, Object...)}, converted to {@code type}. */
    public <T> CompletableFuture<T> fetchVal(Class<T> type, String sql, Object... args) {
        return fetchRow(sql, args).thenApply(r -> r == null ? null : r.get(0, type));
    }

    /**
     * Prepares a statement on the server for repeated use; its parameter and column types are
     * known once the future completes. It is not part of the automatic statement cache; close it
     * when done.
     */
    public CompletableFuture<PreparedQuery> prepare(String sql) {
        return session.prepare(sql, new int[0]).thenApply(s -> new PreparedQuery(this, sql, s));
    }

    /** Asks the server to cancel the command running now; the command then fails with SQLSTATE 57014. */
    public CompletableFuture<Void> cancel() {
        return session.cancel();
    }

    /** Closes gracefully: commands already sent are answered, later ones fail with SQLSTATE 08003. */
    public CompletableFuture<Void> close() {
        return session.close();
    }

    /** Closes the socket at once; whatever is running fails. */
    public void terminate() {
        session.abort();
    }

    public boolean isClosed() {
        return !session.isOpen();
    }

    /** Whether a transaction is open (as of the last command's answer). */
    public boolean isInTransaction() {
        return session.inTransaction();
    }

    /** The backend process id, as {@code pg_backend_pid()} gives it. */
    public int serverProcessId() {
        return session.processId();
    }

    /** The server's version string, e.g. {@code "18.1"}. */
    public String serverVersion() {
        return session.parameter("server_version");
    }

    /** The current value of a run-time parameter the server reports (ParameterStatus), e.g. {@code TimeZone}. */
    public String serverParameter(String name) {
        return session.parameter(name);
    }

    /** For the JDBC facade and the engine's own layers; not part of the supported API. */
    public Session session() {
        return session;
    }

    CompletableFuture<StatementResult> run(String sql, Object[] args, int maxRows) {
        Parameters params;
        try {
            params = Parameters.encode(args, session.registry());
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.execute(sql, params, maxRows);
    }

    CompletableFuture<StatementResult> runPrepared(CachedStatement statement, Object[] args, int maxRows) {
        Parameters params;
        try {
            params = Parameters.encodeFor(statement.parameterTypes(), args, session.registry());
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.executePrepared(statement, params, maxRows);
    }

    static List<Row> rows(StatementResult r) {
        if (r.descriptor() == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(r.rows().size());
        for (RowData data : r.rows()) {
            rows.add(new Row(r.descriptor(), data));
        }
        return rows;
    }

    static Row firstRow(StatementResult r) {
        return r.descriptor() == null || r.rows().isEmpty() ? null : new Row(r.descriptor(), r.rows().get(0));
    }
}

package io.tusk.internal.session;

import io.tusk.internal.cache.StatementCache;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.command.BatchCommand;
import io.tusk.internal.protocol.command.CloseStatementCommand;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.PrepareCommand;
import io.tusk.internal.protocol.command.PreparedStatementInfo;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One database session as the async API and the JDBC facade see it: the engine connection, the
 * codecs, and the statement cache. It turns "run this SQL with these values" into commands:
 *
 * <ul>
 *   <li>a statement seen for the first time is parsed under a name and described in the same round
 *       trip, with text results; the cache then remembers it, and every later run is one Bind/Execute
 *       with binary results for every column that has a binary codec;</li>
 *   <li>statements that leave the cache are closed on the server in the next batch written;</li>
 *   <li>when a cached statement's result type changed under it (DDL, search_path), the entry is
 *       dropped and, outside a transaction only, the statement runs again once, prepared anew
 *       (inside a transaction the error must reach the caller: the transaction is already failed).</li>
 * </ul>
 *
 * Callbacks here never submit work while the engine is dispatching, except the one-time retry,
 * which the engine allows (see {@code ProtocolConnection}).
 */
public final class Session {
    /** SQLSTATE of "cached plan must not change result type". */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    private static final String INVALID_SQL_STATEMENT_NAME = "26000";

    private final NettyConnection connection;
    private final CodecRegistry registry;
    private final StatementCache<CachedStatement> cache;
    private final ConcurrentLinkedQueue<String> statementsToClose = new ConcurrentLinkedQueue<>();
    private volatile boolean implicitTransactions;
    /** TimeZone and IntervalStyle as reported, for printing binary values as the server prints text. */
    private final ReportedSettings settings;

    /** @param prepareThreshold runs of a statement's text before it is prepared (see {@link StatementCache}) */
    public Session(NettyConnection connection, CodecRegistry registry, int cacheSize, int maxCacheableSqlLength,
            int prepareThreshold) {
        this.connection = connection;
        this.settings = new ReportedSettings(connection.session());
        this.registry = registry;
        this.cache = new StatementCache<>(cacheSize, maxCacheableSqlLength, prepareThreshold,
                s -> statementsToClose.add(s.name()));
    }

    public NettyConnection connection() {
        return connection;
    }

    // ---- the connection as the layers above see it

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Whether a transaction is open (or failed) on the server, from the last ReadyForQuery. */
    public boolean inTransaction() {
        return connection.session().transactionStatus() != 'I';
    }

    /** A setting the server reported (ParameterStatus), or {@code null}. */
    public String parameter(String name) {
        return connection.session().parameter(name);
    }

    public int processId() {
        return connection.session().processId();
    }

    /** The database this session is connected to. */
    public String database() {
        return connection.settings().database();
    }

    /** Bounds every later wait for the server; zero for none. */
    public void socketTimeout(java.time.Duration timeout) {
        connection.socketTimeout(timeout);
    }

    /** Sends a CancelRequest for whatever runs now (see {@link NettyConnection#cancel()}). */
    public CompletableFuture<Void> cancel() {
        return connection.cancel();
    }

    /**
     * Sends a CancelRequest after {@code seconds}, unless the returned future is cancelled first
     * (a query timeout). The timer runs on a shared event loop: with caller-driven I/O the caller is
     * blocked in a read and cannot act itself.
     */
    public java.util.concurrent.ScheduledFuture<?> cancelAfter(int seconds) {
        return io.tusk.internal.net.EventLoops.shared().schedule(() -> {
            connection.cancel();
        }, seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Closes gracefully (Terminate); see {@link NettyConnection#close()}. */
    public CompletableFuture<Void> close() {
        return connection.close();
    }

    /** Closes the socket at once, from any thread; running commands fail with class 08. */
    public CompletableFuture<Void> abort() {
        return connection.abort();
    }

    public CodecRegistry registry() {
        return registry;
    }

    public StatementCache<CachedStatement> statementCache() {
        return cache;
    }

    /**
     * With {@code true} (JDBC's autoCommit off), a BEGIN goes out in the same batch as the first
     * command after the session was idle, so a transaction costs no extra round trip.
     */
    public void implicitTransactions(boolean on) {
        this.implicitTransactions = on;
    }

    /** Runs a Query message: any number of statements, text results, one result each. */
    public CompletableFuture<List<StatementResult>> simpleQuery(String sql) {
        return submit(new SimpleQueryCommand(sql)).thenApply(results -> {
            List<StatementResult> out = new ArrayList<>(results.size());
            for (QueryResult r : results) {
                out.add(toResultWith(r, describe(r)));
            }
            return out;
        });
    }

    /**
     * Runs one statement with parameters through the extended protocol, using the statement cache.
     *
     * @param maxRows the row limit of the Execute, 0 for all rows
     */
    public CompletableFuture<StatementResult> execute(String sql, Parameters params, int maxRows) {
        return execute(sql, params, maxRows, true, true);
    }

    /** As {@link #execute(String, Parameters, int)}; {@code useCache false} runs it as an unnamed statement. */
    public CompletableFuture<StatementResult> execute(String sql, Parameters params, int maxRows, boolean useCache) {
        return execute(sql, params, maxRows, useCache, true);
    }

    private CompletableFuture<StatementResult> execute(String sql, Parameters params, int maxRows, boolean useCache,
            boolean mayRetry) {
        if (!useCache || !cache.isCacheable(sql)) {
            return executeUnnamed(sql, params, maxRows);
        }
        CachedStatement cached = cache.get(sql, params.types());
        if (cached != null) {
            ExtendedQueryCommand cmd = new ExtendedQueryCommand(cached.name(), null, null, params.formats(),
                    params.values(), cached.resultFormats(), maxRows, cached.description());
            CompletableFuture<StatementResult> done = submit(cmd).thenApply(r -> toResultWith(r, cached.descriptor()));
            return mayRetry ? done.exceptionallyCompose(e -> retryIfStale(unwrap(e), sql, params, maxRows)) : done;
        }
        if (!cache.countRun(sql)) {
            return executeUnnamed(sql, params, maxRows);
        }
        if (cache.describesFirst()) {
            return prepare(sql, params.types()).thenCompose(statement -> {
                cache.put(sql, params.types(), statement);
                return executePrepared(statement, params, maxRows);
            });
        }
        String name = cache.nextName();
        ExtendedQueryCommand cmd = new ExtendedQueryCommand(name, sql, params.types(), params.formats(),
                params.values(), new short[0], maxRows, null).describingStatement();
        return submit(cmd).handle((r, e) -> {
            if (e != null) {
                statementsToClose.add(name); // Parse may have succeeded before the failure
                throw new CompletionException(unwrap(e));
            }
            PreparedStatementInfo info = cmd.statementInfo();
            short[] formats = RowDescriptor.preferredFormats(info.description().fields(), registry);
            cache.put(sql, params.types(), new CachedStatement(name, info.parameterTypes(), info.description(),
                    formats, new RowDescriptor(info.description().fields(), formats, registry, settings)));
            return toResultWith(r, r.description() == null ? null : new RowDescriptor(info.description().fields(), new short[0], registry, settings));
        });
    }

    /**
     * After a cached statement failed: when the server no longer has it as cached, forgets it and,
     * outside a transaction, runs the statement once more, prepared anew.
     */
    private CompletableFuture<StatementResult> retryIfStale(SQLException error, String sql, Parameters params,
            int maxRows) {
        if (isStale(error)) {
            if (INVALID_SQL_STATEMENT_NAME.equals(error.getSQLState())) {
                cache.clear(); // DISCARD ALL or DEALLOCATE ALL: none of them exists any more
            } else {
                cache.invalidate(sql, params.types());
            }
            if (connection.session().transactionStatus() == 'I') {
                return execute(sql, params, maxRows, true, false);
            }
        }
        return CompletableFuture.failedFuture(error);
    }

    /** Runs a statement as the unnamed one: Parse, Bind, Describe portal, Execute in one round trip, text results. */
    private CompletableFuture<StatementResult> executeUnnamed(String sql, Parameters params, int maxRows) {
        ExtendedQueryCommand cmd = new ExtendedQueryCommand("", sql, params.types(), params.formats(),
                params.values(), new short[0], maxRows, null);
        return submit(cmd).thenApply(r -> toResultWith(r, describe(r)));
    }

    /** Prepares a statement outside the cache (an explicit prepare, asyncpg's {@code prepare()}). */
    public CompletableFuture<CachedStatement> prepare(String sql, int[] parameterTypes) {
        String name = cache.nextName();
        return submit(new PrepareCommand(name, sql, parameterTypes)).thenApply(info -> {
            short[] formats = RowDescriptor.preferredFormats(info.description().fields(), registry);
            return new CachedStatement(name, info.parameterTypes(), info.description(), formats,
                    new RowDescriptor(info.description().fields(), formats, registry, settings));
        });
    }

    /** Runs a statement prepared by {@link #prepare}. */
    public CompletableFuture<StatementResult> executePrepared(CachedStatement statement, Parameters params, int maxRows) {
        ExtendedQueryCommand cmd = new ExtendedQueryCommand(statement.name(), null, null, params.formats(),
                params.values(), statement.resultFormats(), maxRows, statement.description());
        return submit(cmd).thenApply(r -> toResultWith(r, statement.descriptor()));
    }

    /** Closes a statement prepared by {@link #prepare} (in the next batch written). */
    public void closeLater(CachedStatement statement) {
        statementsToClose.add(statement.name());
    }

    /**
     * Runs a batch of executions of one statement in one round trip (see {@link BatchCommand}).
     * Items whose parameter types differ from the item before are parsed anew.
     */
    public BatchExecution executeBatch(String sql, List<Parameters> rows) {
        CachedStatement cached = cache.isCacheable(sql) && !rows.isEmpty() ? cache.get(sql, rows.get(0).types()) : null;
        for (Parameters p : rows) {
            if (cached != null && !java.util.Arrays.equals(rows.get(0).types(), p.types())) {
                cached = null; // types change within the batch: parse anew where they do
            }
        }
        List<BatchCommand.Item> items = new ArrayList<>(rows.size());
        int[] previous = null;
        for (Parameters p : rows) {
            boolean parse = cached == null && (previous == null || !java.util.Arrays.equals(previous, p.types()));
            items.add(new BatchCommand.Item(parse ? sql : null, p.types(), p.formats(), p.values()));
            previous = p.types();
        }
        BatchCommand command = cached != null
                ? new BatchCommand(cached.name(), items, cached.resultFormats(), cached.description())
                : new BatchCommand("", items, new short[0], null);
        RowDescriptor descriptor = cached != null ? cached.descriptor() : null;
        return new BatchExecution(command, submit(command), descriptor);
    }

    /** Runs statements of different text in one round trip (JDBC {@code Statement.addBatch(String)}). */
    public BatchExecution executeBatch(List<String> statements) {
        List<BatchCommand.Item> items = new ArrayList<>(statements.size());
        for (String sql : statements) {
            items.add(new BatchCommand.Item(sql, Parameters.NONE.types(), Parameters.NONE.formats(),
                    Parameters.NONE.values()));
        }
        BatchCommand command = new BatchCommand("", items, new short[0], null);
        return new BatchExecution(command, submit(command), null);
    }

    /**
     * A batch that was sent: its results, and after a failure the results of the items that
     * completed before it.
     */
    public final class BatchExecution {
        private final BatchCommand command;
        private final CompletableFuture<List<QueryResult>> future;
        /** The rows' descriptor when known up front, else {@code null} (each result then carries its description). */
        private final RowDescriptor descriptor;

        BatchExecution(BatchCommand command, CompletableFuture<List<QueryResult>> future, RowDescriptor descriptor) {
            this.command = command;
            this.future = future;
            this.descriptor = descriptor;
        }

        /** One result per item, in order. */
        public CompletableFuture<List<StatementResult>> results() {
            return future.thenApply(this::toResults);
        }

        /** After a failure: the results of the items that completed before it. */
        public List<StatementResult> completedResults() {
            return toResults(command.completedResults());
        }

        private List<StatementResult> toResults(List<QueryResult> results) {
            List<StatementResult> out = new ArrayList<>(results.size());
            RowDescriptor last = descriptor;
            for (QueryResult r : results) {
                if (descriptor == null && r.description() != null
                        && (last == null || last.columns() != r.description().fields())) {
                    last = describe(r); // items described one by one mostly share one description
                }
                out.add(toResultWith(r, last));
            }
            return out;
        }
    }

    /**
     * Submits {@code command}, preceded in the same batch by Close for statements that left the
     * cache and, in an implicit transaction that is not open yet, by BEGIN.
     */
    public <T> CompletableFuture<T> submit(Command<T> command) {
        boolean begin = implicitTransactions && connection.session().transactionStatus() == 'I';
        if (statementsToClose.isEmpty() && !begin) {
            return connection.submit(command);
        }
        List<Command<?>> batch = new ArrayList<>();
        if (begin) {
            batch.add(new SimpleQueryCommand("BEGIN"));
        }
        String name;
        while ((name = statementsToClose.poll()) != null) {
            batch.add(new CloseStatementCommand(name));
        }
        batch.add(command);
        @SuppressWarnings("unchecked")
        CompletableFuture<T> last = (CompletableFuture<T>) connection.submitAll(batch).get(batch.size() - 1);
        return last;
    }

    private RowDescriptor describe(QueryResult r) {
        return r.description() == null ? null : new RowDescriptor(r.description().fields(), null, registry, settings);
    }

    /** A statement that returns no rows (its answer had no RowDescription) gets no descriptor. */
    private StatementResult toResultWith(QueryResult r, RowDescriptor descriptor) {
        String tag = r.commandTag();
        if ("DISCARD ALL".equals(tag) || "DEALLOCATE ALL".equals(tag)) {
            cache.clear(); // the server dropped every prepared statement; none is to be closed or reused
        }
        return new StatementResult(r.description() == null ? null : descriptor, r.rows(), r.commandTag(), r.rowCount(),
                r.suspended());
    }

    /** The server no longer has the statement as cached: its result type changed, or it was deallocated. */
    private static boolean isStale(SQLException e) {
        String state = e.getSQLState();
        return INVALID_SQL_STATEMENT_NAME.equals(state)
                || FEATURE_NOT_SUPPORTED.equals(state) && e.getMessage() != null
                        && e.getMessage().contains("cached plan must not change result type");
    }

    static SQLException unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof SQLException s ? s : new SQLException("unexpected failure: " + e, "XX000", e);
    }
}

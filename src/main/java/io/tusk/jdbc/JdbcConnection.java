package io.tusk.jdbc;

import io.tusk.AsyncConnection;
import io.tusk.ServerError;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.session.Session;
import io.tusk.internal.session.StatementResult;
import io.tusk.internal.sql.EscapeCallMode;
import io.tusk.internal.sql.SqlParser;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * {@link Connection} over an {@link AsyncConnection}. Transactions follow PostgreSQL: with
 * autoCommit off, BEGIN goes out with the first statement (no extra round trip), and
 * commit/rollback end the transaction only if one is open.
 */
public final class JdbcConnection implements Connection {
    private final AsyncConnection async;
    private final Session session;
    private final String url;
    private final String user;
    private final Set<JdbcStatement> statements = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<ServerError> notices;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    private int savepointCounter;
    private int networkTimeoutMillis;
    private final int defaultFetchSize;
    private final CompositeTypes compositeTypes;
    private final EscapeCallMode callMode;
    private Map<String, Class<?>> typeMap = Map.of();
    private SQLWarning warnings;

    /**
     * @param socketTimeout the socketTimeout the session was opened with: it is the connection's
     *                      network timeout until setNetworkTimeout changes it, so getNetworkTimeout
     *                      reports it and isValid, or a pool saving and restoring the network timeout
     *                      (HikariCP), puts it back rather than removing it
     */
    JdbcConnection(AsyncConnection async, String url, String user, ConcurrentLinkedQueue<ServerError> notices,
            int defaultFetchSize, EscapeCallMode callMode, Duration socketTimeout) {
        this.async = async;
        this.session = async.session();
        this.url = url;
        this.user = user;
        this.notices = notices;
        this.defaultFetchSize = defaultFetchSize;
        this.callMode = callMode;
        this.compositeTypes = new CompositeTypes(async);
        this.networkTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, socketTimeout.toMillis());
    }

    Session session() {
        return session;
    }

    AsyncConnection async() {
        return async;
    }

    int defaultFetchSize() {
        return defaultFetchSize;
    }

    /** How this connection's statements rewrite {@code {call ...}} escapes ({@code escapeSyntaxCallMode}). */
    EscapeCallMode callMode() {
        return callMode;
    }

    void checkOpen() throws SQLException {
        if (closed || !session.isOpen()) {
            throw new SQLNonTransientConnectionException("This connection has been closed.",
                    SqlStates.CONNECTION_DOES_NOT_EXIST);
        }
    }

    /** Runs SQL the facade writes itself (SET, SAVEPOINT …), outside any statement. */
    List<StatementResult> run(String sql) throws SQLException {
        checkOpen();
        return Await.result(session.simpleQuery(sql));
    }

    /** The OID of a composite type by name, asked of the server once per name (42704 unknown, 42809 not composite). */
    int compositeTypeOid(String typeName) throws SQLException {
        checkOpen();
        return compositeTypes.oid(typeName);
    }

    void forget(JdbcStatement statement) {
        statements.remove(statement);
    }

    private <S extends JdbcStatement> S track(S statement) {
        statements.add(statement);
        return statement;
    }

    // ---- statements

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, holdability);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        ResultSetOptions.check(type, concurrency, holdability);
        return track(new JdbcStatement(this, new ResultSetOptions(type, concurrency, holdability)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkOpen();
        ResultSetOptions.check(type, concurrency, holdability);
        return track(new JdbcPreparedStatement(this, sql, new ResultSetOptions(type, concurrency, holdability),
                GeneratedKeys.NONE));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, ResultSetOptions.DEFAULT, GeneratedKeys.of(autoGeneratedKeys)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, ResultSetOptions.DEFAULT, GeneratedKeys.of(columnIndexes)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, ResultSetOptions.DEFAULT, GeneratedKeys.of(columnNames)));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql, type, concurrency, holdability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        ResultSetOptions.check(type, concurrency, holdability);
        return track(new JdbcCallableStatement(this, sql, new ResultSetOptions(type, concurrency, holdability)));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return SqlParser.nativeSql(sql, callMode);
    }

    // ---- transactions

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit == this.autoCommit) {
            return;
        }
        if (autoCommit && inTransaction()) {
            commit(); // JDBC: switching autoCommit on commits the open transaction
        }
        this.autoCommit = autoCommit;
        session.implicitTransactions(!autoCommit);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    private boolean inTransaction() {
        return session.inTransaction();
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("Cannot commit when autoCommit is enabled.", "25000");
        }
        if (!inTransaction()) {
            return;
        }
        session.implicitTransactions(false); // COMMIT itself must not open a transaction first
        try {
            List<StatementResult> r = run("COMMIT");
            if (!r.isEmpty() && "ROLLBACK".equals(r.get(0).commandTag())) {
                throw new SQLException("The transaction had failed, so COMMIT rolled it back.", "25P02");
            }
        } finally {
            session.implicitTransactions(true);
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("Cannot rollback when autoCommit is enabled.", "25000");
        }
        if (inTransaction()) {
            session.implicitTransactions(false);
            try {
                run("ROLLBACK");
            } finally {
                session.implicitTransactions(true);
            }
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        String name = switch (level) {
            case TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> throw new SQLException("transaction isolation level: " + level
                    + " (expected: one of Connection.TRANSACTION_*)", SqlStates.INVALID_PARAMETER_VALUE);
        };
        if (inTransaction()) {
            throw new SQLException("Cannot change transaction isolation level in the middle of a transaction.", "25001");
        }
        runOutsideTransaction("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + name);
    }

    /** Asked of the server: SQL (SET SESSION CHARACTERISTICS …) or the server's default may have changed it. */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        List<StatementResult> r = runOutsideTransactionResult("SHOW transaction_isolation");
        String level = r.get(0).rows().get(0).text(0);
        return switch (level) {
            case "read uncommitted" -> TRANSACTION_READ_UNCOMMITTED;
            case "repeatable read" -> TRANSACTION_REPEATABLE_READ;
            case "serializable" -> TRANSACTION_SERIALIZABLE;
            default -> TRANSACTION_READ_COMMITTED;
        };
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (inTransaction()) {
            throw new SQLException("Cannot change transaction read-only property in the middle of a transaction.",
                    "25001");
        }
        runOutsideTransaction("SET SESSION CHARACTERISTICS AS TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE"));
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Session settings must not open an implicit transaction (they would only last as long as it). */
    private void runOutsideTransaction(String sql) throws SQLException {
        runOutsideTransactionResult(sql);
    }

    private List<StatementResult> runOutsideTransactionResult(String sql) throws SQLException {
        session.implicitTransactions(false);
        try {
            return run(sql);
        } finally {
            session.implicitTransactions(!autoCommit);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null) {
            throw new SQLException("savepoint name: null (expected: a name)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("Cannot establish a savepoint in auto-commit mode.", "25000");
        }
        JdbcSavepoint sp = new JdbcSavepoint(++savepointCounter, name);
        run("SAVEPOINT " + sp.sqlName()); // with autoCommit off this also opens the transaction
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        JdbcSavepoint sp = own(savepoint);
        sp.checkUsable();
        run("ROLLBACK TO SAVEPOINT " + sp.sqlName());
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        JdbcSavepoint sp = own(savepoint);
        sp.checkUsable();
        run("RELEASE SAVEPOINT " + sp.sqlName());
        sp.released();
    }

    private static JdbcSavepoint own(Savepoint savepoint) throws SQLException {
        if (savepoint instanceof JdbcSavepoint sp) {
            return sp;
        }
        throw new SQLException("savepoint: " + savepoint + " (expected: one made by this connection)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    // ---- lifecycle

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (JdbcStatement s : new ArrayList<>(statements)) {
            s.close();
        }
        try {
            Await.result(async.close());
        } catch (SQLException e) {
            // already gone: nothing more to close
        }
    }

    @Override
    public boolean isClosed() {
        return closed || !session.isOpen();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("executor: null (expected: an Executor)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        if (closed) {
            return;
        }
        closed = true;
        executor.execute(async::terminate);
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw new SQLException("timeout: " + timeoutSeconds + " (expected: >= 0)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        if (isClosed()) {
            return false;
        }
        Duration previous = Duration.ofMillis(networkTimeoutMillis);
        try {
            if (timeoutSeconds > 0) {
                session.socketTimeout(Duration.ofSeconds(timeoutSeconds));
            }
            Await.result(session.simpleQuery(""));
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            if (!isClosed()) {
                session.socketTimeout(previous);
            }
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("network timeout: " + milliseconds + " (expected: >= 0)",
                    SqlStates.INVALID_PARAMETER_VALUE);
        }
        networkTimeoutMillis = milliseconds;
        session.socketTimeout(Duration.ofMillis(milliseconds));
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    // ---- session state

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null) {
            throw new SQLException("schema: null (expected: a schema name)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        run("SET search_path TO " + Identifiers.quote(schema));
        compositeTypes.invalidate(); // type names may now find other types
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        List<StatementResult> r = run("SELECT current_schema()");
        StatementResult last = r.get(r.size() - 1);
        return last.rows().isEmpty() ? null : last.rows().get(0).text(0);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen(); // PostgreSQL cannot switch databases within a connection; JDBC says ignore
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return session.database();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if ("ApplicationName".equals(name)) {
            try {
                run("SET application_name = " + Identifiers.literal(value == null ? "" : value));
                return;
            } catch (SQLException e) {
                throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), Map.of(), e);
            }
        }
        // JDBC: a property the driver does not know is reported as a warning, not an error
        addWarning(new SQLWarning("client info property: " + name + " is not supported (expected: ApplicationName)",
                "01000"));
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        for (String name : properties.stringPropertyNames()) {
            setClientInfo(name, properties.getProperty(name));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return "ApplicationName".equals(name) ? async.serverParameter("application_name") : null;
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties p = new Properties();
        String app = async.serverParameter("application_name");
        if (app != null) {
            p.setProperty("ApplicationName", app);
        }
        return p;
    }

    /** Notices that arrived outside any statement's execution, and warnings of the connection itself. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        collectNotices(this::addWarning);
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        collectNotices(this::addWarning);
        warnings = null;
    }

    private void addWarning(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    /** Keeps the notices received so far as the connection's warnings (they came before a statement ran). */
    void absorbNotices() {
        collectNotices(this::addWarning);
    }

    /** Hands the notices received so far to {@code sink}: a statement takes those of its execution. */
    void collectNotices(java.util.function.Consumer<SQLWarning> sink) {
        ServerError notice;
        while ((notice = notices.poll()) != null) {
            sink.accept(new ServerWarning(notice));
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcDatabaseMetaData(this, url, user, async.serverVersion(), TuskDriver.MAJOR, TuskDriver.MINOR);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        ResultSetOptions.checkHoldability(holdability);
        this.holdability = holdability;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return typeMap;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("custom type maps are not supported", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        typeMap = Map.of();
    }

    /**
     * An array of a built-in element type ({@code "int4"}, {@code "integer"}, {@code "text"}, {@code "uuid"} …,
     * case-insensitive; unknown names fail with 22023). Nested arrays or Lists in {@code elements} make
     * a multi-dimensional array; Strings are read as the element type's text.
     */
    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return JdbcArray.of(JdbcArray.codecFor(typeName, session.registry()), elements);
    }

    /**
     * A value of a composite type ({@code CREATE TYPE … AS (…)}, or a table's row type) for
     * {@code setObject}. The type is looked up now (once per name and connection), so an unknown name
     * fails here with 42704 and a type that is not composite with 42809; a null or blank name or a
     * null attributes array is 22023, an attribute of a class with no PostgreSQL type 07006. The
     * number of attributes and their values are checked by the server when the value is sent. See
     * {@link JdbcStruct}.
     */
    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        JdbcStruct struct = JdbcStruct.of(typeName, attributes, session.registry());
        compositeTypes.oid(typeName);
        return struct;
    }

    // ---- factories for types that come with later milestones

    @Override
    public Clob createClob() throws SQLException {
        throw notYet("createClob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw notYet("createBlob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw notYet("createNClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw notYet("createSQLXML");
    }

    private static SQLFeatureNotSupportedException notYet(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported yet", SqlStates.FEATURE_NOT_SUPPORTED);
    }

    // ---- wrapper

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface == AsyncConnection.class) {
            return iface.cast(async);
        }
        throw new SQLException("cannot unwrap to " + iface.getName() + " (expected: JdbcConnection or AsyncConnection)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface == AsyncConnection.class;
    }

    @Override
    public String toString() {
        return "JdbcConnection[" + url + ", pid " + async.serverProcessId() + "]";
    }
}

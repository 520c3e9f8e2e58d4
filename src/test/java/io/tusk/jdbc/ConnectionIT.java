package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.AsyncConnection;
import io.tusk.HasServerError;
import io.tusk.testing.PgServer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Connection lifecycle, session state, warnings, metadata and the async escape hatch. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectionIT extends JdbcTestBase {
    ConnectionIT(PgServer pg) {
        super(pg);
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static SQLException expectState(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    private static SQLException expectClass(String sqlStateClass, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertNotNull(ex.getSQLState(), () -> "no SQLSTATE: " + ex);
        assertTrue(ex.getSQLState().startsWith(sqlStateClass), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    /** Waits (bounded) until backend {@code pid} is running a statement containing {@code text}. */
    private void awaitRunning(int pid, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = open();
                PreparedStatement ps = watcher.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND state = 'active' AND query LIKE ?")) {
            ps.setInt(1, pid);
            ps.setString(2, "%" + text + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("backend " + pid + " never ran " + text);
    }

    private void terminate(int pid) {
        pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
    }

    // ---- lifecycle

    @Test
    void isValidOnOpenAndClosedConnections() throws SQLException {
        assertTrue(conn.isValid(0));
        assertTrue(conn.isValid(5));
        assertThrows(SQLException.class, () -> conn.isValid(-1));
        conn.close();
        assertFalse(conn.isValid(1));
    }

    @Test
    void isValidDoesNotDisturbAnOpenTransaction() throws SQLException {
        conn.setAutoCommit(false);
        String xid = scalar(conn, "SELECT txid_current()");
        assertTrue(conn.isValid(2));
        assertEquals(xid, scalar(conn, "SELECT txid_current()"));
        conn.rollback();
    }

    @Test
    void closeIsIdempotentAndReported() throws SQLException {
        assertFalse(conn.isClosed());
        conn.close();
        assertTrue(conn.isClosed());
        conn.close();
        assertTrue(conn.isClosed());
    }

    @Test
    void closeClosesStatementsAndResultSets() throws SQLException {
        Statement s = conn.createStatement();
        PreparedStatement ps = conn.prepareStatement("SELECT ?::int");
        CallableStatement cs = conn.prepareCall("{? = call upper(?)}");
        ResultSet rs = s.executeQuery("SELECT generate_series(1, 3)");
        assertTrue(rs.next());
        conn.close();
        assertTrue(s.isClosed());
        assertTrue(ps.isClosed());
        assertTrue(cs.isClosed());
        assertTrue(rs.isClosed());
        assertThrows(SQLException.class, rs::next);
        assertThrows(SQLException.class, () -> rs.getInt(1));
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
        assertThrows(SQLException.class, () -> ps.setInt(1, 1));
        assertThrows(SQLException.class, ps::executeQuery);
    }

    @Test
    void operationsOnAClosedConnectionAre08003() throws SQLException {
        conn.close();
        expectState("08003", () -> conn.createStatement());
        expectState("08003", () -> conn.prepareStatement("SELECT 1"));
        expectState("08003", () -> conn.prepareCall("SELECT 1"));
        expectState("08003", () -> conn.setAutoCommit(false));
        expectState("08003", () -> conn.getAutoCommit());
        expectState("08003", () -> conn.commit());
        expectState("08003", () -> conn.rollback());
        expectState("08003", () -> conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
        expectState("08003", () -> conn.getMetaData());
        expectState("08003", () -> conn.setReadOnly(true));
        expectState("08003", () -> conn.getSchema());
        expectState("08003", () -> conn.nativeSQL("SELECT 1"));
        assertThrows(SQLClientInfoException.class, () -> conn.setClientInfo("ApplicationName", "x"));
    }

    @Test
    void abortFromAnotherThreadFailsTheRunningQueryFast() throws Exception {
        int pid = Integer.parseInt(scalar(conn, "SELECT pg_backend_pid()"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SQLException> sleeper = pool.submit(() -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("SELECT pg_sleep(30)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitRunning(pid, "pg_sleep(30)");
            long start = System.nanoTime();
            conn.abort(pool);
            SQLException e = sleeper.get(10, TimeUnit.SECONDS);
            assertNotNull(e, "the sleeping query must fail");
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "fails fast");
            assertNotNull(e.getSQLState(), e.toString());
            assertTrue(e.getSQLState().startsWith("08"), () -> "class 08 expected: " + e);
            assertTrue(conn.isClosed());
            assertFalse(conn.isValid(1));
            conn.abort(pool); // a second abort is a no-op
        } finally {
            terminate(pid);
            pool.shutdownNow();
        }
    }

    /**
     * A session the server ends (pg_terminate_backend: FATAL 57P01) fails the statement that learns
     * of it, and from then on the connection is closed: isClosed() says so and calls fail with 08003,
     * which is what pools look at to evict it.
     */
    @Test
    void aSessionTheServerEndedLeavesTheConnectionClosed() throws SQLException {
        int pid = Integer.parseInt(scalar(conn, "SELECT pg_backend_pid()"));
        terminate(pid);
        SQLException e = assertThrows(SQLException.class, () -> scalar(conn, "SELECT 1"));
        assertTrue("57P01".equals(e.getSQLState()) || e.getSQLState().startsWith("08"), e.toString());
        assertTrue(conn.isClosed());
        assertFalse(conn.isValid(1));
        expectState("08003", () -> conn.createStatement());
    }

    @Test
    void abortNeedsAnExecutor() {
        assertThrows(SQLException.class, () -> conn.abort(null));
    }

    @Test
    void networkTimeoutClosesTheConnectionWith08() throws Exception {
        int pid = Integer.parseInt(scalar(conn, "SELECT pg_backend_pid()"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            conn.setNetworkTimeout(pool, 500);
            assertEquals(500, conn.getNetworkTimeout());
            assertEquals("1", scalar(conn, "SELECT 1"), "fast statements are unaffected");
            long start = System.nanoTime();
            SQLException e = expectClass("08", () -> scalar(conn, "SELECT pg_sleep(5)"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 400 && ms < 4000, "timed out after " + ms + " ms: " + e);
            assertTrue(conn.isClosed());
            expectState("08003", () -> conn.createStatement());
        } finally {
            terminate(pid);
            pool.shutdownNow();
        }
    }

    @Test
    void negativeNetworkTimeoutIsRejected() {
        assertThrows(SQLException.class, () -> conn.setNetworkTimeout(Runnable::run, -1));
    }

    // ---- session state

    @Test
    void setSchemaAndGetSchema() throws SQLException {
        String schema = "sch_" + Long.toHexString(System.nanoTime());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".only_here (v text)");
            s.execute("INSERT INTO " + schema + ".only_here VALUES ('found')");
        }
        try {
            assertEquals("public", conn.getSchema());
            conn.setSchema(schema);
            assertEquals(schema, conn.getSchema());
            assertEquals("found", scalar(conn, "SELECT v FROM only_here"));
        } finally {
            try (Statement s = conn.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void setSchemaWithMixedCaseName() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS \"MixedCase\"");
        }
        try {
            conn.setSchema("MixedCase");
            assertEquals("MixedCase", conn.getSchema());
        } finally {
            try (Statement s = conn.createStatement()) {
                s.execute("DROP SCHEMA \"MixedCase\" CASCADE");
            }
        }
    }

    @Test
    void applicationNameIsVisibleInPgStatActivity() throws SQLException {
        conn.setClientInfo("ApplicationName", "tusk-connection-it");
        assertEquals("tusk-connection-it", conn.getClientInfo("ApplicationName"));
        assertEquals("tusk-connection-it", conn.getClientInfo().getProperty("ApplicationName"));
        assertEquals("tusk-connection-it",
                scalar(conn, "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"));
        try (Connection other = open()) {
            assertEquals("tusk-connection-it", scalar(other, "SELECT application_name FROM pg_stat_activity"
                    + " WHERE application_name = 'tusk-connection-it'"));
        }
    }

    @Test
    void applicationNameWithQuotes() throws SQLException {
        conn.setClientInfo("ApplicationName", "it's \"quoted\"");
        assertEquals("it's \"quoted\"", scalar(conn, "SHOW application_name"));
    }

    /**
     * JDBC (Connection.setClientInfo): "The driver will generate a warning if the client info name specified
     * is not recognized by the driver." pgjdbc adds an SQLWarning "ClientInfo property not supported.".
     */
    @Test
    void unknownClientInfoPropertyGivesAWarning() throws SQLException {
        conn.clearWarnings();
        conn.setClientInfo("NoSuchClientInfo", "x");
        assertNotNull(conn.getWarnings(), "a warning for the unknown client info property");
        assertNull(conn.getClientInfo("NoSuchClientInfo"));
    }

    @Test
    void nativeSqlExpandsEscapes() throws SQLException {
        String nativeSql = conn.nativeSQL("SELECT {fn ucase('a')}, {d '2024-01-02'}, ? FROM t");
        assertFalse(nativeSql.contains("{"), nativeSql);
        assertTrue(nativeSql.toLowerCase().contains("upper('a')"), nativeSql);
        assertTrue(nativeSql.contains("2024-01-02"), nativeSql);
        assertTrue(nativeSql.contains("?"), "parameters stay JDBC parameters: " + nativeSql);
        assertEquals("SELECT 1", conn.nativeSQL("SELECT 1"));
    }

    @Test
    void catalogIsTheDatabaseAndSetCatalogIsIgnored() throws SQLException {
        assertEquals(pg.database(), conn.getCatalog());
        conn.setCatalog("something_else");
        assertEquals(pg.database(), conn.getCatalog());
    }

    @Test
    void holdabilityAndTypeMapDefaults() throws SQLException {
        assertEquals(conn.getMetaData().getResultSetHoldability(), conn.getHoldability());
        conn.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, conn.getHoldability());
        assertTrue(conn.getTypeMap().isEmpty());
    }

    // ---- warnings

    @Test
    void serverNoticesBecomeWarnings() throws SQLException {
        conn.clearWarnings();
        assertNull(conn.getWarnings());
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$");
            SQLWarning w = s.getWarnings();
            assertNotNull(w, "the statement reports the notice");
            assertEquals("hello 42", w.getMessage());
            assertEquals("00000", w.getSQLState());
            assertInstanceOf(HasServerError.class, w);
            assertEquals("NOTICE", ((HasServerError) w).serverError().severityNonLocalized());
        }
    }

    @Test
    void connectionWarningsChainAndClear() throws SQLException {
        conn.clearWarnings();
        List<String> messages = new ArrayList<>();
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$ BEGIN RAISE NOTICE 'first'; RAISE WARNING 'second'; END $$");
            // notices of a statement's execution are its warnings, not the connection's (as in pgjdbc)
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
            assertEquals(List.of("first", "second"), messages);
            assertNull(conn.getWarnings());
            s.clearWarnings();
            assertNull(s.getWarnings());
        }
        conn.setClientInfo("NoSuchProperty", "x"); // a warning of the connection itself
        assertNotNull(conn.getWarnings());
        conn.clearWarnings();
        assertNull(conn.getWarnings());
    }

    @Test
    void warningsWithDetailAndHint() throws SQLException {
        SQLWarning w;
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$ BEGIN RAISE NOTICE 'with extras' USING DETAIL = 'the detail', HINT = 'the hint'; END $$");
            w = s.getWarnings();
        }
        assertNotNull(w);
        HasServerError h = assertInstanceOf(HasServerError.class, w);
        assertEquals("the detail", h.serverError().detail());
        assertEquals("the hint", h.serverError().hint());
    }

    // ---- metadata

    @Test
    void databaseMetaDataDescribesServerAndConnection() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertEquals("PostgreSQL", md.getDatabaseProductName());
        assertEquals(pg.serverMajorVersion(), md.getDatabaseMajorVersion());
        assertTrue(md.getDatabaseProductVersion().startsWith(pg.serverMajorVersion() + "."),
                md.getDatabaseProductVersion());
        assertEquals(pg.serverVersion(), md.getDatabaseProductVersion());
        assertTrue(md.getDatabaseMinorVersion() >= 0);
        assertEquals(url(), md.getURL());
        assertEquals(pg.superUser(), md.getUserName());
        assertSame(conn, md.getConnection());
        assertEquals(4, md.getJDBCMajorVersion());
        assertNotNull(md.getDriverName());
        assertFalse(md.getDriverName().isEmpty());
        assertNotNull(md.getDriverVersion());
        assertFalse(md.isReadOnly());
    }

    @Test
    void databaseMetaDataCapabilities() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertTrue(md.supportsTransactions());
        assertTrue(md.supportsSavepoints());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsMultipleResultSets());
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
        assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE),
                "result sets are read-only, so updatable must not be advertised");
        assertEquals("\"", md.getIdentifierQuoteString());
        assertTrue(md.storesLowerCaseIdentifiers());
        assertFalse(md.storesUpperCaseIdentifiers());
        assertTrue(md.supportsOuterJoins());
        assertTrue(md.supportsStoredProcedures());
        assertTrue(md.nullsAreSortedHigh());
        assertEquals(63, md.getMaxTableNameLength());
        assertTrue(md.getStringFunctions().contains("ucase"));
        assertTrue(md.supportsConvert(java.sql.Types.INTEGER, java.sql.Types.VARCHAR));
    }

    @Test
    void readOnlyConnectionReportsReadOnlyMetaData() throws SQLException {
        conn.setReadOnly(true);
        assertTrue(conn.getMetaData().isReadOnly());
    }

    @Test
    void unimplementedCatalogMethodsThrowFeatureNotSupported() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        List<Executable> calls = List.of(
                () -> md.getTables(null, "public", "%", null),
                () -> md.getColumns(null, "public", "%", "%"),
                () -> md.getPrimaryKeys(null, "public", "x"),
                () -> md.getSchemas(),
                () -> md.getCatalogs(),
                () -> md.getTableTypes(),
                () -> md.getTypeInfo(),
                () -> md.getIndexInfo(null, "public", "x", false, true),
                () -> md.getImportedKeys(null, "public", "x"),
                () -> md.getProcedures(null, "public", "%"),
                () -> md.getFunctions(null, "public", "%"));
        for (Executable call : calls) {
            assertThrows(SQLFeatureNotSupportedException.class, call);
        }
    }

    // ---- wrapper and async

    @Test
    void unwrapToAsyncConnectionSharesTheSession() throws Exception {
        assertTrue(conn.isWrapperFor(AsyncConnection.class));
        AsyncConnection async = conn.unwrap(AsyncConnection.class);
        assertNotNull(async);
        Object v = async.fetchVal("SELECT $1::int + 1", 41).get(10, TimeUnit.SECONDS);
        assertEquals(42, ((Number) v).intValue());
        assertEquals(Integer.parseInt(scalar(conn, "SELECT pg_backend_pid()")), async.serverProcessId());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE via_jdbc (i int)");
        }
        assertEquals("INSERT 0 1", async.execute("INSERT INTO via_jdbc VALUES ($1)", 7).get(10, TimeUnit.SECONDS));
        assertEquals("7", scalar(conn, "SELECT i FROM via_jdbc"), "JDBC sees what the async API did");
    }

    @Test
    void asyncSeesTheJdbcTransaction() throws Exception {
        AsyncConnection async = conn.unwrap(AsyncConnection.class);
        conn.setAutoCommit(false);
        scalar(conn, "SELECT 1");
        assertTrue(async.isInTransaction());
        conn.rollback();
        assertFalse(async.isInTransaction());
    }

    @Test
    void wrapperChecks() throws SQLException {
        assertTrue(conn.isWrapperFor(Connection.class));
        assertTrue(conn.isWrapperFor(JdbcConnection.class));
        assertFalse(conn.isWrapperFor(String.class));
        assertSame(conn, conn.unwrap(JdbcConnection.class));
        assertThrows(SQLException.class, () -> conn.unwrap(String.class));
    }

    @Test
    void unsupportedFactoriesThrowFeatureNotSupported() {
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.createBlob());
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.createClob());
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.createSQLXML());
    }

    @Test
    void manyConnectionsOpenAndClose() throws SQLException {
        for (int i = 0; i < 20; i++) {
            try (Connection c = open()) {
                assertEquals(String.valueOf(i), scalar(c, "SELECT " + i));
            }
        }
    }

    @Test
    void isValidInsideAFailedTransaction() throws SQLException {
        conn.setAutoCommit(false);
        assertThrows(SQLException.class, () -> scalar(conn, "SELECT 1/0"));
        assertTrue(conn.isValid(2), "the connection is fine, only the transaction failed");
        conn.rollback();
        assertEquals("1", scalar(conn, "SELECT 1"));
    }

    @Test
    void clientInfoFollowsApplicationNameSetThroughSql() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SET application_name = 'set-by-sql'");
        }
        assertEquals("set-by-sql", conn.getClientInfo("ApplicationName"));
    }
}

package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plain Statement: execute variants, several results, limits, escapes and the {@code ?} operator. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatementIT extends JdbcTestBase {
    private Statement s;

    StatementIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTable() throws SQLException {
        s = conn.createStatement();
        s.execute("CREATE TEMP TABLE st (id int PRIMARY KEY, v text)");
    }

    private List<Integer> ints(ResultSet rs) throws SQLException {
        List<Integer> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getInt(1));
        }
        return out;
    }

    @Test
    void maxFieldSizeCutsCharacterAndBinaryValuesOnly() throws SQLException {
        s.setMaxFieldSize(3);
        assertEquals(3, s.getMaxFieldSize());
        try (ResultSet rs = s.executeQuery("SELECT 'abcdef'::text, '\\x0102030405'::bytea, 123456")) {
            assertTrue(rs.next());
            assertEquals("abc", rs.getString(1));
            assertEquals(3, rs.getBytes(2).length);
            assertEquals("123456", rs.getString(3), "numbers are not cut");
        }
        s.setMaxFieldSize(0);
        try (ResultSet rs = s.executeQuery("SELECT 'abcdef'::text")) {
            assertTrue(rs.next());
            assertEquals("abcdef", rs.getString(1));
        }
    }

    @Test
    void executeQueryReturnsRows() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 5)")) {
            assertEquals(List.of(1, 2, 3, 4, 5), ints(rs));
        }
    }

    @Test
    void executeUpdateReturnsRowCounts() throws SQLException {
        assertEquals(3, s.executeUpdate("INSERT INTO st SELECT g, 'v' || g FROM generate_series(1, 3) g"));
        assertEquals(2, s.executeUpdate("UPDATE st SET v = 'x' WHERE id >= 2"));
        assertEquals(0, s.executeUpdate("UPDATE st SET v = 'x' WHERE id > 100"));
        assertEquals(3, s.executeUpdate("DELETE FROM st"));
    }

    @Test
    void executeLargeUpdate() throws SQLException {
        assertEquals(1000L, s.executeLargeUpdate("INSERT INTO st SELECT g, 'v' FROM generate_series(1, 1000) g"));
        assertEquals(1000L, s.getLargeUpdateCount());
    }

    @Test
    void ddlCountsZero() throws SQLException {
        assertEquals(0, s.executeUpdate("CREATE TEMP TABLE ddl_count (i int)"));
        assertFalse(s.execute("ALTER TABLE ddl_count ADD COLUMN j int"));
        assertEquals(0, s.getUpdateCount());
        assertNull(s.getResultSet());
        assertEquals(0, s.executeUpdate("DROP TABLE ddl_count"));
    }

    @Test
    void executeTellsResultSetFromUpdateCount() throws SQLException {
        assertTrue(s.execute("SELECT 1"));
        assertNotNull(s.getResultSet());
        assertEquals(-1, s.getUpdateCount());
        assertFalse(s.execute("INSERT INTO st VALUES (1, 'a')"));
        assertNull(s.getResultSet());
        assertEquals(1, s.getUpdateCount());
    }

    @Test
    void severalStatementsInOneStringFollowTheJdbcSequence() throws SQLException {
        s.execute("INSERT INTO st VALUES (1, 'a')");
        boolean isRs = s.execute("INSERT INTO st VALUES (2, 'b'); SELECT id FROM st ORDER BY id; "
                + "UPDATE st SET v = 'z'; SELECT 42; CREATE TEMP TABLE multi_ddl (i int)");
        assertFalse(isRs);
        assertEquals(1, s.getUpdateCount());
        assertNull(s.getResultSet());

        assertTrue(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount());
        try (ResultSet rs = s.getResultSet()) {
            assertEquals(List.of(1, 2), ints(rs));
        }

        assertFalse(s.getMoreResults());
        assertEquals(2, s.getUpdateCount());
        assertNull(s.getResultSet());

        assertTrue(s.getMoreResults());
        ResultSet rs42 = s.getResultSet();
        assertEquals(List.of(42), ints(rs42));

        assertFalse(s.getMoreResults());
        assertEquals(0, s.getUpdateCount(), "the DDL's count");

        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount(), "no more results: false and -1");
        assertNull(s.getResultSet());
        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount());
    }

    @Test
    void getMoreResultsClosesOrKeepsTheCurrentResultSet() throws SQLException {
        assertTrue(s.execute("SELECT 1; SELECT 2; SELECT 3"));
        ResultSet first = s.getResultSet();
        assertTrue(s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        assertFalse(first.isClosed());
        assertTrue(first.next());
        assertEquals(1, first.getInt(1));
        ResultSet second = s.getResultSet();
        assertTrue(s.getMoreResults(Statement.CLOSE_CURRENT_RESULT));
        assertTrue(second.isClosed());
        ResultSet third = s.getResultSet();
        assertTrue(third.next());
        assertEquals(3, third.getInt(1));
        assertFalse(s.getMoreResults());
        assertTrue(third.isClosed());
    }

    @Test
    void executeQueryOnAnUpdateFails() {
        assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO st VALUES (1, 'a')"));
    }

    @Test
    void executeUpdateOnASelectFails() {
        assertThrows(SQLException.class, () -> s.executeUpdate("SELECT 1"));
    }

    @Test
    void executeQueryWithTwoResultSetsFails() {
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1; SELECT 2"));
    }

    @Test
    void maxRowsLimitsRows() throws SQLException {
        s.setMaxRows(3);
        assertEquals(3, s.getMaxRows());
        try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 10)")) {
            assertEquals(List.of(1, 2, 3), ints(rs));
        }
        s.setMaxRows(0);
        try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 10)")) {
            assertEquals(10, ints(rs).size());
        }
        assertThrows(SQLException.class, () -> s.setMaxRows(-1));
    }

    @Test
    void maxRowsDoesNotLimitUpdates() throws SQLException {
        s.setMaxRows(1);
        assertEquals(5, s.executeUpdate("INSERT INTO st SELECT g, 'v' FROM generate_series(1, 5) g"));
        s.setMaxRows(0);
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM st")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void largeMaxRows() throws SQLException {
        s.setLargeMaxRows(2);
        assertEquals(2L, s.getLargeMaxRows());
        try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 10)")) {
            assertEquals(List.of(1, 2), ints(rs));
        }
    }

    @Test
    void fetchSizeIsStored() throws SQLException {
        assertEquals(0, s.getFetchSize());
        s.setFetchSize(50);
        assertEquals(50, s.getFetchSize());
        try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 120)")) {
            assertEquals(120, ints(rs).size(), "fetch size never loses rows");
        }
        assertThrows(SQLException.class, () -> s.setFetchSize(-1));
    }

    @Test
    void questionMarkIsNotAParameterInAPlainStatement() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT '{\"a\":1}'::jsonb ? 'a', '{\"a\":1}'::jsonb ?| array['b'],"
                + " '?' AS q")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1));
            assertFalse(rs.getBoolean(2));
            assertEquals("?", rs.getString(3));
        }
    }

    @Test
    void escapeProcessingOnAndOff() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT {fn ucase('abc')}, {d '2024-01-02'}")) {
            assertTrue(rs.next());
            assertEquals("ABC", rs.getString(1));
            assertEquals(java.time.LocalDate.of(2024, 1, 2), rs.getObject(2, java.time.LocalDate.class));
        }
        s.setEscapeProcessing(false);
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT {fn ucase('abc')}"));
        assertEquals("42601", e.getSQLState(), "the server sees the raw escape");
        try (ResultSet rs = s.executeQuery("SELECT '{fn ucase(''abc'')}'")) {
            assertTrue(rs.next());
            assertEquals("{fn ucase('abc')}", rs.getString(1));
        }
    }

    @Test
    void escapesInsideLiteralsAreLeftAlone() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT '{fn ucase(''a'')}', $$ {d '2024-01-01'} $$ -- {fn x}\n")) {
            assertTrue(rs.next());
            assertEquals("{fn ucase('a')}", rs.getString(1));
            assertEquals(" {d '2024-01-01'} ", rs.getString(2));
        }
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() throws SQLException {
        assertTrue(s.execute("SELECT 'a;b' /* ; */, $x$;$x$ -- ;\n"));
        try (ResultSet rs = s.getResultSet()) {
            assertTrue(rs.next());
            assertEquals("a;b", rs.getString(1));
            assertEquals(";", rs.getString(2));
        }
        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount());
    }

    @Test
    void reExecutingClosesThePreviousResultSet() throws SQLException {
        ResultSet first = s.executeQuery("SELECT 1");
        ResultSet second = s.executeQuery("SELECT 2");
        assertTrue(first.isClosed());
        assertTrue(second.next());
        assertEquals(2, second.getInt(1));
    }

    @Test
    void closingTheStatementClosesItsResultSet() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT 1");
        s.close();
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
        assertThrows(SQLException.class, () -> s.setMaxRows(1));
        s.close(); // idempotent
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResultSet() throws SQLException {
        s.closeOnCompletion();
        assertTrue(s.isCloseOnCompletion());
        ResultSet rs = s.executeQuery("SELECT 1");
        assertFalse(s.isClosed());
        rs.close();
        assertTrue(s.isClosed());
    }

    @Test
    void resultSetKnowsItsStatementAndStatementItsConnection() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT 1");
        assertSame(s, rs.getStatement());
        assertSame(conn, s.getConnection());
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
    }

    @Test
    void largeResultThroughAPlainStatement() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT g, repeat('x', 100) FROM generate_series(1, 10000) g")) {
            long sum = 0;
            int n = 0;
            while (rs.next()) {
                sum += rs.getInt(1);
                n++;
                assertEquals(100, rs.getString(2).length());
            }
            assertEquals(10000, n);
            assertEquals(10000L * 10001 / 2, sum);
        }
    }

    @Test
    void emptyStatementDoesNotFail() throws SQLException {
        assertFalse(s.execute(""));
        assertNull(s.getResultSet());
        assertFalse(s.execute(" -- only a comment\n"));
        assertNull(s.getResultSet());
    }

    @Test
    void statementWarningsAreClearedOnReExecution() throws SQLException {
        s.execute("DO $$ BEGIN RAISE NOTICE 'once'; END $$");
        assertNotNull(s.getWarnings());
        assertEquals("once", s.getWarnings().getMessage());
        // JDBC Statement.getWarnings: "The warning chain is automatically cleared each time a statement is (re)executed."
        s.execute("SELECT 1");
        assertNull(s.getWarnings(), "warnings of the previous execution must be gone");
    }

    @Test
    void statementClearWarnings() throws SQLException {
        s.execute("DO $$ BEGIN RAISE NOTICE 'clear me'; END $$");
        assertNotNull(s.getWarnings());
        s.clearWarnings();
        assertNull(s.getWarnings());
    }

    @Test
    void syntaxErrorFromAPlainStatement() {
        SQLException e = assertThrows(SQLException.class, () -> s.execute("SELEC 1"));
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals("42601", e.getSQLState());
    }

    @Test
    void errorInTheMiddleOfSeveralStatements() throws SQLException {
        SQLException e = assertThrows(SQLException.class,
                () -> s.execute("INSERT INTO st VALUES (1, 'a'); SELECT 1/0; INSERT INTO st VALUES (2, 'b')"));
        assertEquals("22012", e.getSQLState());
        // a multi-statement Query runs as one implicit transaction: nothing of it remains
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM st")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }

    /** pgjdbc answers COPY through a plain Statement with an error (it sends CopyFail); it must never hang. */
    @Test
    void copyFromStdinThroughAStatementFailsInsteadOfHanging() throws SQLException {
        SQLException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(SQLException.class, () -> s.execute("COPY st FROM STDIN")));
        assertNotNull(e.getSQLState());
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM st")) {
            assertTrue(rs.next(), "the connection is still usable");
            assertEquals(0, rs.getInt(1));
        }
    }

    /** The connection survives, so the error must not be of class 08, which pools take as "evict this connection". */
    @Test
    void copyToStdoutThroughAStatementFailsButTheConnectionSurvives() throws SQLException {
        SQLException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(SQLException.class, () -> s.execute("COPY (SELECT 1) TO STDOUT")));
        try (ResultSet rs = s.executeQuery("SELECT 7")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1));
        }
        assertFalse(conn.isClosed());
        assertFalse(e.getSQLState().startsWith("08"), "class 08 although the connection is fine: " + e);
    }

    /** A NUL character cannot be sent in SQL text; JDBC callers must get an SQLException, not a RuntimeException. */
    @Test
    void nulCharacterInSqlIsAnSqlException() throws SQLException {
        assertThrows(SQLException.class, () -> s.execute("SELECT 'a\0b'"));
        try (ResultSet rs = s.executeQuery("SELECT 8")) {
            assertTrue(rs.next(), "the connection is still usable");
            assertEquals(8, rs.getInt(1));
        }
    }

    @Test
    void listenAndNotifyDoNotDisturbQueries() throws SQLException {
        s.execute("LISTEN st_channel");
        s.execute("NOTIFY st_channel, 'payload'");
        for (int i = 0; i < 3; i++) {
            try (ResultSet rs = s.executeQuery("SELECT " + i)) {
                assertTrue(rs.next());
                assertEquals(i, rs.getInt(1));
            }
        }
        s.execute("UNLISTEN *");
    }

    @Test
    void insertOnConflictDoNothingCountsZero() throws SQLException {
        assertEquals(1, s.executeUpdate("INSERT INTO st VALUES (1, 'a') ON CONFLICT DO NOTHING"));
        assertEquals(0, s.executeUpdate("INSERT INTO st VALUES (1, 'a') ON CONFLICT DO NOTHING"));
    }

    @Test
    void manualTransactionControlThroughSql() throws SQLException {
        s.execute("BEGIN");
        s.execute("INSERT INTO st VALUES (1, 'a')");
        s.execute("ROLLBACK");
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM st")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }

    // ---- comments reach the server (query tags: sqlcommenter, ORMs' query comments)

    private static final String OWN_QUERY = "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()";

    private String ownQuery(String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void trailingCommentReachesTheServer() throws SQLException {
        String seen = ownQuery(OWN_QUERY + " /*app='it',traceparent='00-4bf9-01'*/");
        assertEquals(OWN_QUERY + " /*app='it',traceparent='00-4bf9-01'*/", seen);
        assertEquals(OWN_QUERY + " -- tag", ownQuery(OWN_QUERY + " -- tag\n  "), "trailing whitespace goes");
    }

    @Test
    void trailingCommentOfPreparedStatementReachesTheServer() throws SQLException {
        int pid;
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            assertTrue(rs.next());
            pid = rs.getInt(1);
        }
        String sql = "SELECT query FROM pg_stat_activity WHERE pid = ? /*app='it'*/";
        try (java.sql.PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int round = 0; round < 3; round++) { // the first run parses, the later ones use the cache
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("SELECT query FROM pg_stat_activity WHERE pid = $1 /*app='it'*/", rs.getString(1));
                }
            }
        }
    }

    @Test
    void trailingLineCommentsDoNotSwallowTheNextStatement() throws SQLException {
        assertTrue(s.execute(OWN_QUERY + " -- first\n; INSERT INTO st VALUES (1, 'a') -- second\n;"
                + " SELECT count(*) FROM st -- third"));
        String seen;
        try (ResultSet rs = s.getResultSet()) {
            assertTrue(rs.next());
            seen = rs.getString(1);
        }
        assertTrue(seen.contains("-- first\n") && seen.contains("-- second\n") && seen.contains("-- third"), seen);
        assertFalse(s.getMoreResults());
        assertEquals(1, s.getUpdateCount());
        assertTrue(s.getMoreResults());
        try (ResultSet rs = s.getResultSet()) {
            assertEquals(List.of(1), ints(rs));
        }
    }
}

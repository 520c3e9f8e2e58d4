package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Plain statements: execute variants, update counts, multiple results, limits and statement properties. */
public abstract class StatementTckBase extends TckBase {

    // ------------------------------------------------------------------------------------ execute variants

    @Test
    void executeQueryReturnsRows() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 UNION ALL SELECT 2")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertFalse(rs.next());
        }
    }

    @Test
    void executeQueryOfEmptyResultHasNoRows() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 WHERE false")) {
            assertFalse(rs.next());
        }
    }

    @Test
    void executeUpdateReturnsInsertedRowCount() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertEquals(3, s.executeUpdate("INSERT INTO " + table + " VALUES (1), (2), (3)"));
        }
    }

    @Test
    void executeUpdateReturnsUpdatedAndDeletedRowCounts() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " SELECT generate_series(1, 10)");
            assertEquals(4, s.executeUpdate("UPDATE " + table + " SET v = v + 100 WHERE v <= 4"));
            assertEquals(0, s.executeUpdate("UPDATE " + table + " SET v = 0 WHERE v < 0"));
            assertEquals(6, s.executeUpdate("DELETE FROM " + table + " WHERE v < 100"));
        }
    }

    @Test
    void executeUpdateOfDdlReturnsZero() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(0, s.executeUpdate("CREATE TEMPORARY TABLE " + uniqueName("tck_ddl") + " (v int)"));
        }
    }

    @Test
    void executeUpdateOfCreateTableAsReturnsRowCount() throws SQLException {
        // The command tag is "SELECT 5"; both libpq (PQcmdTuples) and pgjdbc report the 5 rows.
        try (Statement s = conn.createStatement()) {
            assertEquals(5, s.executeUpdate("CREATE TEMPORARY TABLE " + uniqueName("tck_ctas")
                + " AS SELECT generate_series(1, 5) AS v"));
        }
    }

    @Test
    void executeReturnsTrueForAQuery() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertTrue(s.execute("SELECT 1"));
            assertNotNull(s.getResultSet());
            assertEquals(-1, s.getUpdateCount());
        }
    }

    @Test
    void executeReturnsFalseForAnUpdate() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("INSERT INTO " + table + " VALUES (1), (2)"));
            assertEquals(2, s.getUpdateCount());
            assertNull(s.getResultSet());
        }
    }

    @Test
    void executeOfInsertReturningGivesResultSet() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertTrue(s.execute("INSERT INTO " + table + " VALUES (5) RETURNING v * 2"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(10, rs.getInt(1));
            }
        }
        assertEquals(1, count(table));
    }

    @Test
    void executeQueryOfAnUpdateThrows() throws SQLException {
        // executeQuery: SQLException "if the given SQL statement produces anything other than a single ResultSet".
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.executeQuery("INSERT INTO " + table + " VALUES (1)"));
        }
    }

    @Test
    void executeUpdateOfAQueryThrows() throws SQLException {
        // executeUpdate: SQLException "if the given SQL statement produces a ResultSet object".
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.executeUpdate("SELECT 1"));
        }
    }

    @Test
    void executeLargeUpdateReturnsCount() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertEquals(3L, s.executeLargeUpdate("INSERT INTO " + table + " SELECT generate_series(1, 3)"));
            s.execute("DELETE FROM " + table);
            assertEquals(3L, s.getLargeUpdateCount());
        }
    }

    @Test
    void setAndShowRunAsStatements() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("SET application_name = 'tck-set'"));
            try (ResultSet rs = s.executeQuery("SHOW application_name")) {
                assertTrue(rs.next());
                assertEquals("tck-set", rs.getString(1));
            }
        }
    }

    @Test
    void sqlWithCommentsRuns() throws SQLException {
        assertEquals(3, ((Number) scalar("/* leading; comment */ SELECT 3 -- trailing; comment\n")).intValue());
    }

    @Test
    void leadingCommentReachesTheServer() throws SQLException {
        // Optimizer hints (pg_hint_plan) live in a leading comment.
        String sql = "/*+ SeqScan(x) */ SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()";
        assertTrue(scalarString(sql).contains("/*+ SeqScan(x) */"), scalarString(sql));
    }

    @Test
    void trailingCommentReachesTheServer() throws SQLException {
        // Query tags (sqlcommenter, ORMs' query comments) are appended as a trailing comment and read back from
        // pg_stat_activity and pg_stat_statements.
        String sql = "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid() /*app='tck'*/";
        String seen = scalarString(sql);
        assertTrue(seen.contains("/*app='tck'*/"), seen);
    }

    @Test
    void trailingCommentOfPreparedStatementReachesTheServer() throws SQLException {
        try (var ps = conn.prepareStatement("SELECT query FROM pg_stat_activity WHERE pid = ? /*app='tck'*/")) {
            ps.setInt(1, (int) scalarLong(conn, "SELECT pg_backend_pid()"));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("/*app='tck'*/"), rs.getString(1));
            }
        }
    }

    @Test
    void dollarQuotedStringWithSemicolonIsOneStatement() throws SQLException {
        assertEquals("a;b", scalarString("SELECT $$a;b$$"));
    }

    @Test
    void questionMarkInPlainStatementIsNotAParameter() throws SQLException {
        // jsonb's ? operator: a plain Statement has no parameters, so the SQL goes to the server as written.
        assertEquals(Boolean.TRUE, scalar("SELECT '{\"a\": 1}'::jsonb ? 'a'"));
    }

    @Test
    void getUpdateCountIsStableUntilTheNextResult() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO " + table + " VALUES (1), (2)");
            assertEquals(2, s.getUpdateCount());
            assertEquals(2, s.getUpdateCount());
        }
    }

    @Test
    void unicodeLiteralRoundTrip() throws SQLException {
        String text = "h\u00e9llo \u4e16\u754c \ud83d\udc18 \u0645\u0631\u062d\u0628\u0627";
        assertEquals(text, scalarString("SELECT '" + text + "'"));
    }

    @Test
    void longSqlTextRuns() throws SQLException {
        String big = "x".repeat(200_000);
        assertEquals(200_000, ((Number) scalar("SELECT length('" + big + "')")).intValue());
    }

    // ---------------------------------------------------------------------------------- multiple results

    @Test
    void multipleResultsInOrder() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertTrue(s.execute("SELECT 1; INSERT INTO " + table + " VALUES (1), (2); SELECT 2"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            assertFalse(s.getMoreResults());
            assertEquals(2, s.getUpdateCount());
            assertTrue(s.getMoreResults());
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount()); // "There are no more results when ... (getUpdateCount() == -1)"
        }
    }

    @Test
    void multipleUpdateCounts() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("INSERT INTO " + table + " VALUES (1); INSERT INTO " + table
                + " VALUES (2), (3); DELETE FROM " + table));
            assertEquals(1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(2, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(3, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
        }
    }

    @Test
    void multipleStatementsInPreparedStatement() throws SQLException {
        try (var ps = conn.prepareStatement("SELECT CAST(? AS int4); SELECT CAST(? AS text)")) {
            ps.setInt(1, 5);
            ps.setString(2, "five");
            assertTrue(ps.execute());
            try (ResultSet rs = ps.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
            assertTrue(ps.getMoreResults());
            try (ResultSet rs = ps.getResultSet()) {
                assertTrue(rs.next());
                assertEquals("five", rs.getString(1));
            }
            assertFalse(ps.getMoreResults());
            assertEquals(-1, ps.getUpdateCount());
        }
    }

    @Test
    void getMoreResultsClosesTheCurrentResultSet() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 1; SELECT 2");
            ResultSet first = s.getResultSet();
            assertTrue(s.getMoreResults());
            assertTrue(first.isClosed());
        }
    }

    @Test
    void getMoreResultsKeepCurrentResultLeavesItOpen() throws SQLException {
        assumeTrue(conn.getMetaData().supportsMultipleOpenResults(), "driver does not support multiple open results");
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 1; SELECT 2");
            ResultSet first = s.getResultSet();
            assertTrue(s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
            assertFalse(first.isClosed());
            assertTrue(first.next());
            assertEquals(1, first.getInt(1));
            try (ResultSet second = s.getResultSet()) {
                assertTrue(second.next());
                assertEquals(2, second.getInt(1));
            }
            first.close();
        }
    }

    @Test
    void multipleResultsWithAnErrorThrowAndLeaveConnectionUsable() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            assertSqlState("22012", () -> s.execute("INSERT INTO " + table + " VALUES (1); SELECT 1/0; INSERT INTO "
                + table + " VALUES (2)"));
        }
        assertUsable(conn);
        // PostgreSQL runs the statements of one Query message (or one Sync) as one implicit transaction.
        assertEquals(0, count(table));
    }

    // ---------------------------------------------------------------------------------- limits, options

    @Test
    void maxRowsLimitsTheResult() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setMaxRows(3);
            assertEquals(3, s.getMaxRows());
            try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 10)")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertEquals(3, rows);
            }
        }
    }

    @Test
    void maxRowsZeroMeansNoLimit() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setMaxRows(0);
            try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 10)")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertEquals(10, rows);
            }
        }
    }

    @Test
    void negativeMaxRowsThrows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.setMaxRows(-1));
        }
    }

    @Test
    void largeMaxRowsRoundTrip() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setLargeMaxRows(5L);
            assertEquals(5L, s.getLargeMaxRows());
            assertEquals(5, s.getMaxRows());
        }
    }

    @Test
    void maxRowsDoesNotLimitUpdates() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.setMaxRows(1);
            assertEquals(5, s.executeUpdate("INSERT INTO " + table + " SELECT generate_series(1, 5)"));
        }
        assertEquals(5, count(table));
    }

    @Test
    void fetchSizeRoundTrip() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setFetchSize(25);
            assertEquals(25, s.getFetchSize());
        }
    }

    @Test
    void negativeFetchSizeThrows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.setFetchSize(-1));
        }
    }

    @Test
    void fetchSizeDoesNotChangeTheRows() throws SQLException {
        conn.setAutoCommit(false); // where a driver streams with a cursor, it needs a transaction
        try (Statement s = conn.createStatement()) {
            s.setFetchSize(3);
            try (ResultSet rs = s.executeQuery("SELECT generate_series(1, 20)")) {
                long sum = 0;
                int rows = 0;
                while (rs.next()) {
                    sum += rs.getInt(1);
                    rows++;
                }
                assertEquals(20, rows);
                assertEquals(210, sum);
            }
        }
        conn.commit();
    }

    @Test
    void queryTimeoutRoundTrip() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(0, s.getQueryTimeout());
            s.setQueryTimeout(7);
            assertEquals(7, s.getQueryTimeout());
        }
    }

    @Test
    void negativeQueryTimeoutThrows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.setQueryTimeout(-1));
        }
    }

    @Test
    void maxFieldSizeTruncatesCharacterValues() throws SQLException {
        // setMaxFieldSize: "If the limit is exceeded, the excess data is silently discarded" (character and
        // binary columns).
        try (Statement s = conn.createStatement()) {
            assertEquals(0, s.getMaxFieldSize());
            s.setMaxFieldSize(3);
            assertEquals(3, s.getMaxFieldSize());
            try (ResultSet rs = s.executeQuery("SELECT 'abcdef'::text")) {
                assertTrue(rs.next());
                assertEquals("abc", rs.getString(1));
            }
        }
    }

    @Test
    void negativeMaxFieldSizeThrows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertSqlException(() -> s.setMaxFieldSize(-1));
        }
    }

    @Test
    void poolableDefaultsFalseAndRoundTrips() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertFalse(s.isPoolable()); // "By default, a Statement object is not poolable when created"
            s.setPoolable(true);
            assertTrue(s.isPoolable());
        }
    }

    @Test
    void escapeProcessingCanBeDisabled() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setEscapeProcessing(false);
            assertSqlState("42601", () -> s.executeQuery("SELECT {fn ucase('a')}"));
        }
    }

    @Test
    void statementBelongsToItsConnection() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertSame(conn, s.getConnection());
        }
    }

    @Test
    void resultSetKnowsItsStatement() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertSame(s, rs.getStatement());
        }
    }

    // ---------------------------------------------------------------------------------- closing rules

    @Test
    void reexecutingClosesThePreviousResultSet() throws SQLException {
        // Statement: "All execution methods ... implicitly close a current ResultSet object of the statement."
        try (Statement s = conn.createStatement()) {
            ResultSet first = s.executeQuery("SELECT 1");
            s.executeQuery("SELECT 2").close();
            assertTrue(first.isClosed());
        }
    }

    @Test
    void closingStatementClosesItsResultSet() throws SQLException {
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1");
        s.close();
        assertTrue(rs.isClosed());
        assertTrue(s.isClosed());
    }

    @Test
    void closeOnCompletionClosesStatementWithItsResultSet() throws SQLException {
        Statement s = conn.createStatement();
        assertFalse(s.isCloseOnCompletion());
        s.closeOnCompletion();
        assertTrue(s.isCloseOnCompletion());
        ResultSet rs = s.executeQuery("SELECT 1");
        assertFalse(s.isClosed());
        rs.close();
        assertTrue(s.isClosed());
    }

    @Test
    void twoStatementsHaveIndependentResultSets() throws SQLException {
        try (Statement a = conn.createStatement(); Statement b = conn.createStatement();
             ResultSet ra = a.executeQuery("SELECT generate_series(1, 3)");
             ResultSet rb = b.executeQuery("SELECT generate_series(11, 13)")) {
            int[] seen = new int[6];
            for (int i = 0; i < 3; i++) {
                assertTrue(ra.next());
                assertTrue(rb.next());
                seen[2 * i] = ra.getInt(1);
                seen[2 * i + 1] = rb.getInt(1);
            }
            assertArrayEquals(new int[] {1, 11, 2, 12, 3, 13}, seen);
        }
    }

    @Test
    void enquoteLiteralAndIdentifier() throws SQLException {
        try (Statement s = conn.createStatement()) {
            String literal = s.enquoteLiteral("O'Neil");
            assertEquals("O'Neil", scalarString("SELECT " + literal));
            assertEquals("\"a b\"", s.enquoteIdentifier("a b", false));
        }
    }
}

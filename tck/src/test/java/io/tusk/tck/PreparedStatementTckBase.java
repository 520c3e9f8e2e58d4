package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * PreparedStatement: parameter markers and their handling, reuse across executions, statement metadata and the
 * rules of the interface (the setters are in {@link SettersTckBase}).
 */
public abstract class PreparedStatementTckBase extends TckBase {

    // -------------------------------------------------------------------------------- parameter handling

    @Test
    void manyParameters() throws SQLException {
        String table = tempTable("v int");
        int n = 10_000;
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES (?)");
        for (int i = 1; i < n; i++) {
            sql.append(", (?)");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 1; i <= n; i++) {
                ps.setInt(i, i);
            }
            assertEquals(n, ps.executeUpdate());
        }
        assertEquals((long) n * (n + 1) / 2, scalarLong(conn, "SELECT sum(v) FROM " + table));
    }

    @Test
    void tooManyParametersIsAnErrorNotAHang() throws SQLException {
        // The protocol counts parameters in 16 bits: 70000 cannot be sent; the driver must say so.
        int n = 70_000;
        StringBuilder sql = new StringBuilder("SELECT 1 WHERE 1 IN (?");
        for (int i = 1; i < n; i++) {
            sql.append(", ?");
        }
        sql.append(")");
        assertSqlException(() -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                for (int i = 1; i <= n; i++) {
                    ps.setInt(i, i);
                }
                ps.executeQuery();
            }
        });
        assertUsable(conn);
    }

    @Test
    void largeByteaParameter() throws SQLException {
        byte[] data = new byte[5 * 1024 * 1024];
        new java.util.Random(42).nextBytes(data);
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS bytea)")) {
            ps.setBytes(1, data);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertArrayEquals(data, rs.getBytes(1));
            }
        }
    }

    @Test
    void parametersStayForLaterExecutions() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4) * 2")) {
            ps.setInt(1, 21);
            for (int i = 0; i < 3; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void manyExecutionsWithChangingValues() throws SQLException {
        // Crosses the point where drivers switch to a named server-side statement (pgjdbc: 5th execution).
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int8) + 1, CAST(? AS text)")) {
            for (int i = 0; i < 20; i++) {
                ps.setLong(1, i);
                ps.setString(2, "v" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i + 1, rs.getLong(1));
                    assertEquals("v" + i, rs.getString(2));
                    assertFalse(rs.next());
                }
            }
        }
    }

    @Test
    void parameterTypeMayChangeBetweenExecutions() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS text)")) {
            for (int i = 0; i < 6; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(String.valueOf(i), rs.getString(1));
                }
            }
            ps.setString(1, "now a string");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("now a string", rs.getString(1));
            }
        }
    }

    @Test
    void missingParameterThrows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4), CAST(? AS int4)")) {
            ps.setInt(1, 1);
            assertSqlException(ps::executeQuery);
        }
        assertUsable(conn);
    }

    @Test
    void clearParametersForgetsValues() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            ps.setInt(1, 1);
            ps.clearParameters();
            assertSqlException(ps::executeQuery);
        }
    }

    @Test
    void parameterIndexOutOfRangeThrows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            assertSqlException(() -> ps.setInt(2, 1));
            assertSqlException(() -> ps.setInt(0, 1));
        }
    }

    @Test
    void statementWithoutParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 5"); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void questionMarksInLiteralsCommentsAndIdentifiersAreNotParameters() throws SQLException {
        String sql = "SELECT '?' AS \"what?\", $$?$$, /* ? */ CAST(? AS int4) -- ?\n";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 9);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("?", rs.getString(1));
                assertEquals("?", rs.getString(2));
                assertEquals(9, rs.getInt(3));
            }
        }
    }

    @Test
    void questionMarksInEscapeStringsAndNestedCommentsAreNotParameters() throws SQLException {
        // E'…' strings end only at an unescaped quote; standard strings treat backslash as a character;
        // PostgreSQL block comments nest.
        String sql = "SELECT E'it\\'s ?', 'back\\', /* outer /* inner ? */ still ? */ CAST(? AS int4), $tag$ ? $tag$";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("it's ?", rs.getString(1));
                assertEquals("back\\", rs.getString(2));
                assertEquals(3, rs.getInt(3));
                assertEquals(" ? ", rs.getString(4));
            }
        }
    }

    @Test
    void doubledQuestionMarkIsTheQuestionMarkOperator() throws SQLException {
        // The PostgreSQL drivers' convention (pgjdbc, Tusk): ?? in a PreparedStatement is a literal ?, so
        // jsonb's ? operator can be used next to parameters.
        assertEquals("true", queryString("SELECT (CAST(? AS jsonb) ?? 'a')::text", ps -> ps.setString(1, "{\"a\": 1}")));
    }

    @Test
    void postgresCastSyntaxNextToParameter() throws SQLException {
        assertEquals("12", queryString("SELECT (?::int4 + 2)::text", ps -> ps.setInt(1, 10)));
    }

    @Test
    void executeUpdateWithParameters() throws SQLException {
        String table = tempTable("a int, b text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "one");
            assertEquals(1, ps.executeUpdate());
            ps.setInt(1, 2);
            ps.setString(2, "two");
            assertFalse(ps.execute());
            assertEquals(1, ps.getUpdateCount());
        }
        assertEquals(2, count(table));
    }

    @Test
    void executeQueryOfAnUpdateThrows() throws SQLException {
        String table = tempTable("a int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setInt(1, 1);
            assertSqlException(ps::executeQuery);
        }
    }

    @Test
    void executeUpdateOfAQueryThrows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            ps.setInt(1, 1);
            assertSqlException(ps::executeUpdate);
        }
    }

    @Test
    void invalidSqlFailsAtPrepareOrExecute() {
        // The driver may parse on the server when preparing or only when executing; either way 42601.
        assertSqlState("42601", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELEC ?")) {
                ps.setInt(1, 1);
                ps.executeQuery();
            }
        });
    }

    @Test
    void sqlStringMethodsAreRejectedOnPreparedStatement() throws SQLException {
        // PreparedStatement: executeQuery(String), executeUpdate(String), execute(String) and addBatch(String)
        // throw "if the method is called on a PreparedStatement".
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
            assertSqlException(() -> ps.executeQuery("SELECT 2"));
            assertSqlException(() -> ps.executeUpdate("SELECT 2"));
            assertSqlException(() -> ps.execute("SELECT 2"));
            assertSqlException(() -> ps.addBatch("SELECT 2"));
        }
    }

    @Test
    void getMetaDataBeforeExecution() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4) AS a, 'x'::text AS b")) {
            ResultSetMetaData md = ps.getMetaData();
            assertNotNull(md);
            assertEquals(2, md.getColumnCount());
            assertEquals("a", md.getColumnLabel(1));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals("b", md.getColumnLabel(2));
        }
    }

    @Test
    void getMetaDataOfAnUpdateIsNullOrEmpty() throws SQLException {
        String table = tempTable("a int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ResultSetMetaData md = ps.getMetaData();
            assertTrue(md == null || md.getColumnCount() == 0);
        }
    }

    @Test
    void maxRowsOnPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT generate_series(1, CAST(? AS int4))")) {
            ps.setMaxRows(2);
            ps.setInt(1, 10);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(2, rows);
        }
    }

    @Test
    void sameSqlPreparedTwiceWorksIndependently() throws SQLException {
        // Closing one of two statements with the same SQL must not close the other's server-side statement.
        try (PreparedStatement a = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            try (PreparedStatement b = conn.prepareStatement("SELECT CAST(? AS int4)")) {
                a.setInt(1, 1);
                b.setInt(1, 2);
                try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
                    assertTrue(ra.next());
                    assertTrue(rb.next());
                    assertEquals(1, ra.getInt(1));
                    assertEquals(2, rb.getInt(1));
                }
            }
            a.setInt(1, 3);
            try (ResultSet ra = a.executeQuery()) {
                assertTrue(ra.next());
                assertEquals(3, ra.getInt(1));
            }
        }
    }

    @Test
    void tableChangeBetweenExecutionsIsSeen() throws SQLException {
        // After DDL changes a table's row type, a cached statement may fail once (0A000 "cached plan must not
        // change result type"); the next execution must see the new shape.
        String table = tempTable("a int");
        execute("INSERT INTO " + table + " VALUES (1)");
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + table)) {
            for (int i = 0; i < 6; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(1, rs.getMetaData().getColumnCount());
                }
            }
            execute("ALTER TABLE " + table + " ADD COLUMN b text DEFAULT 'new'");
            ResultSet rs;
            try {
                rs = ps.executeQuery();
            } catch (SQLException e) {
                assertEquals("0A000", e.getSQLState(), () -> "first execution after DDL: " + e);
                rs = ps.executeQuery();
            }
            try (ResultSet r = rs) {
                assertEquals(2, r.getMetaData().getColumnCount());
                assertTrue(r.next());
                assertEquals("new", r.getString(2));
            }
        }
    }

    @Test
    void nullParameterComparisonFindsNothing() throws SQLException {
        String table = tempTable("v int4");
        execute("INSERT INTO " + table + " VALUES (NULL), (1)");
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + table + " WHERE v = ?")) {
            ps.setNull(1, Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void parameterUsedInLimit() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM generate_series(1, 10) v LIMIT ?")) {
            ps.setInt(1, 4);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(4, rows);
        }
    }

    @Test
    void setObjectAfterSetNullReplacesTheValue() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            ps.setNull(1, Types.INTEGER);
            ps.setObject(1, 5);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
                assertFalse(rs.wasNull());
            }
        }
    }

    @Test
    void resultIsNullForNullParameter() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS text)")) {
            ps.setNull(1, Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(1));
                assertTrue(rs.wasNull());
            }
        }
    }
}

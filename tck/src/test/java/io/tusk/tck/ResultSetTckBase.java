package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * ResultSet: navigation (forward-only and scrollable), column lookup, NULL handling and result set properties
 * (the getters and their conversions are in {@link GettersTckBase}).
 */
public abstract class ResultSetTckBase extends TckBase {

    private ResultSet scrollable(String sql) throws SQLException {
        Statement s = closeLater(conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
        return s.executeQuery(sql);
    }

    // -------------------------------------------------------------------------------------- navigation

    @Test
    void forwardOnlyIteration() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT generate_series(1, 100)")) {
            int expected = 1;
            while (rs.next()) {
                assertEquals(expected, rs.getInt(1));
                assertEquals(expected, rs.getRow());
                expected++;
            }
            assertEquals(101, expected);
            assertFalse(rs.next()); // next() after the end keeps returning false
        }
    }

    @Test
    void largeResult() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT v, 'row ' || v FROM generate_series(1, 50000) v")) {
            long sum = 0;
            int rows = 0;
            while (rs.next()) {
                sum += rs.getLong(1);
                rows++;
                if (rows == 40000) {
                    assertEquals("row 40000", rs.getString(2));
                }
            }
            assertEquals(50000, rows);
            assertEquals(50000L * 50001 / 2, sum);
        }
    }

    @Test
    void getRowIsZeroWithoutCurrentRow() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertEquals(0, rs.getRow());
            assertTrue(rs.next());
            assertEquals(1, rs.getRow());
            assertFalse(rs.next());
            assertEquals(0, rs.getRow());
        }
    }

    @Test
    void unicodeColumnLabel() throws SQLException {
        ResultSet rs = firstRow("SELECT 1 AS \"gr\u00f6\u00dfe \u540d\"");
        assertEquals("gr\u00f6\u00dfe \u540d", rs.getMetaData().getColumnLabel(1));
        assertEquals(1, rs.getInt("gr\u00f6\u00dfe \u540d"));
    }

    @Test
    void forwardOnlyRejectsBackwardMoves() throws SQLException {
        ResultSet rs = firstRow("SELECT generate_series(1, 3)");
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertSqlException(rs::previous);
        assertSqlException(rs::first);
        assertSqlException(() -> rs.absolute(1));
    }

    @Test
    void scrollableNavigation() throws SQLException {
        try (ResultSet rs = scrollable("SELECT generate_series(1, 5)")) {
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.last());
            assertEquals(5, rs.getInt(1));
            assertEquals(5, rs.getRow());
            assertTrue(rs.isLast());
            assertTrue(rs.first());
            assertTrue(rs.isFirst());
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.absolute(3));
            assertEquals(3, rs.getInt(1));
            assertTrue(rs.relative(-1));
            assertEquals(2, rs.getInt(1));
            assertTrue(rs.previous());
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.previous());
            assertTrue(rs.isBeforeFirst());
            rs.afterLast();
            assertTrue(rs.isAfterLast());
            assertTrue(rs.previous());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void scrollableAbsoluteFromTheEnd() throws SQLException {
        try (ResultSet rs = scrollable("SELECT generate_series(1, 5)")) {
            assertTrue(rs.absolute(-1));
            assertEquals(5, rs.getInt(1));
            assertTrue(rs.absolute(-5));
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.absolute(6));
            assertTrue(rs.isAfterLast());
            assertFalse(rs.absolute(0));
            assertTrue(rs.isBeforeFirst());
        }
    }

    @Test
    void scrollableEmptyResult() throws SQLException {
        try (ResultSet rs = scrollable("SELECT 1 WHERE false")) {
            assertFalse(rs.isBeforeFirst()); // "false if the cursor is in any other position or the result set contains no rows"
            assertFalse(rs.first());
            assertFalse(rs.last());
            assertEquals(0, rs.getRow());
        }
    }

    @Test
    void getterBeforeFirstRowThrows() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertSqlException(() -> rs.getInt(1));
        }
    }

    @Test
    void getterAfterLastRowThrows() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertFalse(rs.next());
            assertSqlException(() -> rs.getInt(1));
        }
    }

    @Test
    void fetchDirectionReverseOnForwardOnlyThrows() throws SQLException {
        // setFetchDirection: SQLException if "the result set type is TYPE_FORWARD_ONLY and the fetch direction
        // is not FETCH_FORWARD".
        ResultSet rs = firstRow("SELECT 1");
        assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
        assertSqlException(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
    }

    @Test
    void twoOpenResultSetsInterleaved() throws SQLException {
        ResultSet a = firstRow("SELECT generate_series(1, 3)");
        ResultSet b = firstRow("SELECT generate_series(10, 12)");
        assertEquals(1, a.getInt(1));
        assertEquals(10, b.getInt(1));
        assertTrue(a.next());
        assertTrue(b.next());
        assertEquals(2, a.getInt(1));
        assertEquals(11, b.getInt(1));
    }

    // --------------------------------------------------------------------------------- column lookup

    @Test
    void columnLabelsAreCaseInsensitive() throws SQLException {
        ResultSet rs = firstRow("SELECT 1 AS id, 2 AS \"MixedCase\"");
        assertEquals(1, rs.getInt("ID"));
        assertEquals(1, rs.getInt("id"));
        assertEquals(2, rs.getInt("mixedcase"));
        assertEquals(2, rs.getInt("MixedCase"));
        assertEquals(2, rs.findColumn("MIXEDCASE"));
    }

    @Test
    void duplicateLabelsGiveTheFirstColumn() throws SQLException {
        // ResultSet: "If several columns have the same name, the value of the first matching column is returned."
        ResultSet rs = firstRow("SELECT 1 AS v, 2 AS v");
        assertEquals(1, rs.getInt("v"));
        assertEquals(1, rs.findColumn("v"));
    }

    @Test
    void unknownColumnLabelThrows() throws SQLException {
        ResultSet rs = firstRow("SELECT 1 AS v");
        assertSqlException(() -> rs.getInt("nope"));
        assertSqlException(() -> rs.findColumn("nope"));
    }

    @Test
    void columnIndexOutOfRangeThrows() throws SQLException {
        ResultSet rs = firstRow("SELECT 1, 2");
        assertSqlException(() -> rs.getInt(0));
        assertSqlException(() -> rs.getInt(3));
        assertSqlException(() -> rs.getString(-1));
    }

    // ------------------------------------------------------------------------------------------- NULL

    @Test
    void nullValuesThroughEveryGetter() throws SQLException {
        ResultSet rs = firstRow("SELECT NULL::int4, NULL::text, NULL::numeric, NULL::bytea, NULL::date, NULL::timestamp,"
            + " NULL::bool, NULL::float8, NULL::time");
        assertEquals(0, rs.getInt(1));
        assertTrue(rs.wasNull());
        assertEquals(0L, rs.getLong(1));
        assertEquals(0, rs.getShort(1));
        assertEquals(0, rs.getByte(1));
        assertNull(rs.getObject(1));
        assertNull(rs.getString(2));
        assertTrue(rs.wasNull());
        assertNull(rs.getBigDecimal(3));
        assertNull(rs.getBytes(4));
        assertNull(rs.getDate(5));
        assertNull(rs.getTimestamp(6));
        assertFalse(rs.getBoolean(7));
        assertTrue(rs.wasNull());
        assertEquals(0.0, rs.getDouble(8));
        assertEquals(0.0f, rs.getFloat(8));
        assertNull(rs.getTime(9));
        assertNull(rs.getObject(1, Integer.class));
        assertNull(rs.getObject(5, LocalDate.class));
    }

    @Test
    void wasNullTracksTheLastGetter() throws SQLException {
        ResultSet rs = firstRow("SELECT NULL::int4, 5");
        rs.getInt(1);
        assertTrue(rs.wasNull());
        rs.getInt(2);
        assertFalse(rs.wasNull());
        rs.getObject(1);
        assertTrue(rs.wasNull());
    }

    // ------------------------------------------------------------------------------------ properties

    @Test
    void readOnlyResultSetRejectsUpdates() throws SQLException {
        ResultSet rs = firstRow("SELECT 1 AS v");
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertSqlException(() -> rs.updateInt(1, 2));
        assertSqlException(rs::updateRow);
    }

    @Test
    void updatableResultSetUpdatesRow() throws SQLException {
        String table = tempTable("id int PRIMARY KEY, v text");
        execute("INSERT INTO " + table + " VALUES (1, 'old')");
        try (Statement s = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
            assertEquals(ResultSet.CONCUR_UPDATABLE, rs.getConcurrency());
            assertTrue(rs.next());
            rs.updateString(2, "new");
            rs.updateRow();
        }
        assertEquals("new", scalarString("SELECT v FROM " + table));
    }

    @Test
    void updatableResultSetInsertsAndDeletesRows() throws SQLException {
        String table = tempTable("id int PRIMARY KEY, v text");
        execute("INSERT INTO " + table + " VALUES (1, 'a')");
        try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
            rs.moveToInsertRow();
            rs.updateInt(1, 2);
            rs.updateString(2, "b");
            rs.insertRow();
            rs.moveToCurrentRow();
            assertTrue(rs.first());
            rs.deleteRow();
        }
        assertEquals("b", scalarString("SELECT string_agg(v, ',') FROM " + table));
    }

    @Test
    void unsupportedResultSetTypeIsDowngradedWithWarningOrRefused() throws SQLException {
        // Connection.createStatement: an unsupported type/concurrency is either refused
        // (SQLFeatureNotSupportedException) or the driver uses another one and adds an SQLWarning.
        boolean sensitive = conn.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE);
        Statement s;
        try {
            s = closeLater(conn.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY));
        } catch (java.sql.SQLFeatureNotSupportedException refused) {
            assertFalse(sensitive, "metadata says TYPE_SCROLL_SENSITIVE is supported");
            return;
        }
        try (ResultSet rs = s.executeQuery("SELECT 1")) {
            if (rs.getType() != ResultSet.TYPE_SCROLL_SENSITIVE) {
                assertTrue(conn.getWarnings() != null || s.getWarnings() != null,
                    "downgraded to type " + rs.getType() + " without a warning");
            }
        }
    }

    @Test
    void fetchSizeOfResultSetRoundTrip() throws SQLException {
        ResultSet rs = firstRow("SELECT 1");
        rs.setFetchSize(50);
        assertEquals(50, rs.getFetchSize());
        assertSqlException(() -> rs.setFetchSize(-1));
    }

    @Test
    void closeTwiceIsNoOp() throws SQLException {
        ResultSet rs = firstRow("SELECT 1");
        rs.close();
        rs.close();
        assertTrue(rs.isClosed());
    }

    @Test
    void unwrapToResultSet() throws SQLException {
        ResultSet rs = firstRow("SELECT 1");
        assertTrue(rs.isWrapperFor(ResultSet.class));
        assertTrue(rs.unwrap(ResultSet.class) != null);
        assertSqlException(() -> rs.unwrap(String.class));
    }

    @Test
    void resultSetOfPreparedStatementAfterManyExecutions() throws SQLException {
        // From the fifth execution on pgjdbc switches to a server-prepared statement and binary results.
        try (var ps = conn.prepareStatement("SELECT ?::int4 AS i, ?::text AS s, ?::numeric AS n, ?::date AS d")) {
            for (int i = 0; i < 8; i++) {
                ps.setInt(1, i);
                ps.setString(2, "s" + i);
                ps.setBigDecimal(3, new BigDecimal("1.25"));
                ps.setDate(4, Date.valueOf("2024-01-0" + (i + 1)));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i, rs.getInt("i"));
                    assertEquals("s" + i, rs.getString("s"));
                    assertEquals(new BigDecimal("1.25"), rs.getBigDecimal("n"));
                    assertEquals(Date.valueOf("2024-01-0" + (i + 1)), rs.getDate("d"));
                    assertEquals("2024-01-0" + (i + 1), rs.getString("d"));
                    assertEquals(String.valueOf(i), rs.getString("i"));
                    assertEquals("1.25", rs.getString("n"));
                }
            }
        }
    }
}

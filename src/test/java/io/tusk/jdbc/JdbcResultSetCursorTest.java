package io.tusk.jdbc;

import static io.tusk.jdbc.JdbcResultSetTest.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ServerError;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.session.RowDescriptor;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Cursor movement, state errors, column lookup, properties and the read-only contract. */
class JdbcResultSetCursorTest {

    private static JdbcResultSet threeRows(int type) throws Exception {
        return new JdbcResultSetTest.Result(true).column("id", Oids.INT4).column("Name", Oids.TEXT)
                .row("1", "a").row("2", "b").row("3", "c").open(type);
    }

    @Test
    void forwardOnlyWalksOnceAndRefusesToScroll() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_FORWARD_ONLY);
        assertTrue(rs.isBeforeFirst());
        assertEquals(0, rs.getRow());
        assertSqlState("24000", () -> rs.getInt(1));
        assertTrue(rs.next());
        assertTrue(rs.isFirst());
        assertEquals(1, rs.getRow());
        assertEquals(1, rs.getInt(1));
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertTrue(rs.isLast());
        assertEquals(3, rs.getInt("id"));
        assertFalse(rs.next());
        assertTrue(rs.isAfterLast());
        assertEquals(0, rs.getRow());
        assertFalse(rs.next(), "next after the end stays after the end");
        assertSqlState("24000", () -> rs.getInt(1));
        for (Executable scroll : List.<Executable>of(rs::previous, rs::first, rs::last, rs::beforeFirst, rs::afterLast,
                () -> rs.absolute(1), () -> rs.relative(-1))) {
            assertSqlState("24000", scroll);
        }
        assertSqlState("24000", () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
    }

    @Test
    void scrollInsensitiveMovesAnywhere() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_SCROLL_INSENSITIVE);
        assertTrue(rs.last());
        assertEquals(3, rs.getRow());
        assertEquals("c", rs.getString(2));
        assertTrue(rs.previous());
        assertEquals(2, rs.getInt(1));
        assertTrue(rs.first());
        assertTrue(rs.isFirst());
        assertFalse(rs.previous());
        assertTrue(rs.isBeforeFirst());
        assertTrue(rs.absolute(-1));
        assertEquals(3, rs.getInt(1));
        assertTrue(rs.absolute(2));
        assertEquals(2, rs.getInt(1));
        assertTrue(rs.relative(1));
        assertEquals(3, rs.getInt(1));
        assertFalse(rs.relative(1));
        assertTrue(rs.isAfterLast());
        assertTrue(rs.relative(-2));
        assertEquals(2, rs.getInt(1));
        assertTrue(rs.relative(0));
        assertEquals(2, rs.getInt(1));
        assertFalse(rs.absolute(4));
        assertTrue(rs.isAfterLast());
        assertFalse(rs.absolute(-4));
        assertTrue(rs.isBeforeFirst());
        assertFalse(rs.absolute(0));
        assertTrue(rs.isBeforeFirst());
        assertFalse(rs.relative(Integer.MIN_VALUE));
        assertFalse(rs.relative(Integer.MAX_VALUE));
        assertTrue(rs.isAfterLast());
        assertTrue(rs.previous());
        assertEquals(3, rs.getInt(1));
        rs.beforeFirst();
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
        rs.afterLast();
        assertTrue(rs.isAfterLast());
        rs.setFetchDirection(ResultSet.FETCH_REVERSE);
        assertEquals(ResultSet.FETCH_REVERSE, rs.getFetchDirection());
    }

    @Test
    void emptyResultIsNeitherBeforeFirstNorAfterLast() throws Exception {
        JdbcResultSet rs = new JdbcResultSetTest.Result(false).column("x", Oids.INT4)
                .open(ResultSet.TYPE_SCROLL_INSENSITIVE);
        assertFalse(rs.isBeforeFirst());
        assertFalse(rs.isAfterLast());
        assertFalse(rs.isFirst());
        assertFalse(rs.isLast());
        assertFalse(rs.next());
        assertFalse(rs.first());
        assertFalse(rs.last());
        assertEquals(0, rs.getRow());
    }

    @Test
    void columnIndexOutOfRangeIs22023() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_FORWARD_ONLY);
        rs.next();
        assertSqlState("22023", () -> rs.getInt(0));
        assertSqlState("22023", () -> rs.getString(3));
        assertSqlState("22023", () -> rs.getObject(-1));
    }

    @Test
    void findColumnPrefersExactThenIgnoresCase() throws Exception {
        JdbcResultSet rs = new JdbcResultSetTest.Result(false).column("a", Oids.INT4).column("A", Oids.INT4)
                .column("Name", Oids.TEXT).row("1", "2", "x").first();
        assertEquals(1, rs.findColumn("a"));
        assertEquals(2, rs.findColumn("A"));
        assertEquals(3, rs.findColumn("NAME"));
        assertEquals(3, rs.findColumn("name"));
        assertEquals(2, rs.getInt("A"));
        SQLException e = assertThrows(SQLException.class, () -> rs.findColumn("missing"));
        assertEquals("42703", e.getSQLState());
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("Name"), e.getMessage());
        assertSqlState("42703", () -> rs.getInt("missing"));
        assertSqlState("42703", () -> rs.findColumn(null));
    }

    @Test
    void closedResultSetRefusesEverythingButCloseAndIsClosed() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        JdbcResultSetTest.Result r = new JdbcResultSetTest.Result(false).column("x", Oids.INT4).row("1");
        RowDescriptor descriptor = r.descriptor();
        JdbcResultSet rs = new JdbcResultSet(null, descriptor, r.rowData(descriptor), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT, 0, closes::incrementAndGet);
        assertTrue(rs.next());
        assertFalse(rs.isClosed());
        rs.close();
        rs.close();
        assertTrue(rs.isClosed());
        assertEquals(1, closes.get(), "onClose runs once");
        for (Executable call : List.<Executable>of(rs::next, () -> rs.getInt(1), () -> rs.getString("x"),
                () -> rs.findColumn("x"), rs::getMetaData, rs::wasNull, rs::getWarnings, rs::getType,
                rs::getFetchSize, rs::isBeforeFirst, rs::getRow, rs::getStatement, () -> rs.updateInt(1, 2))) {
            assertSqlState("24000", call);
        }
    }

    @Test
    void everyUpdaterSaysReadOnly() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_SCROLL_INSENSITIVE);
        rs.next();
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertFalse(rs.rowUpdated());
        assertFalse(rs.rowInserted());
        assertFalse(rs.rowDeleted());
        for (Executable call : List.<Executable>of(() -> rs.updateInt(1, 5), () -> rs.updateString("Name", "x"),
                () -> rs.updateNull(1), () -> rs.updateObject(1, 1), () -> rs.updateBigDecimal(1, BigDecimal.ONE),
                () -> rs.updateBinaryStream(1, new ByteArrayInputStream(new byte[0])),
                () -> rs.updateCharacterStream("Name", new StringReader(""), 0L),
                () -> rs.updateObject(1, 1, java.sql.JDBCType.INTEGER), rs::insertRow, rs::updateRow,
                rs::deleteRow, rs::refreshRow, rs::cancelRowUpdates, rs::moveToInsertRow, rs::moveToCurrentRow)) {
            SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, call);
            assertEquals("0A000", e.getSQLState());
        }
        assertEquals(1, rs.getInt(1), "the cursor is where it was");
    }

    @Test
    void propertiesAndFetchSize() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_SCROLL_INSENSITIVE);
        assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
        assertNull(rs.getStatement());
        assertEquals(0, rs.getFetchSize());
        rs.setFetchSize(50);
        assertEquals(50, rs.getFetchSize());
        assertSqlState("22023", () -> rs.setFetchSize(-1));
        assertSqlState("22023", () -> rs.setFetchDirection(42));
        assertSame(rs, rs.unwrap(ResultSet.class));
        assertSame(rs, rs.unwrap(JdbcResultSet.class));
        assertTrue(rs.isWrapperFor(ResultSet.class));
        assertFalse(rs.isWrapperFor(String.class));
        assertSqlState("22023", () -> rs.unwrap(String.class));
    }

    @Test
    void warningsChainAndClear() throws Exception {
        JdbcResultSet rs = threeRows(ResultSet.TYPE_FORWARD_ONLY);
        assertNull(rs.getWarnings());
        ServerError notice = new ServerError(Map.of('S', "WARNING", 'C', "01000", 'M', "careful", 'D', "details"));
        rs.addWarning(new ServerWarning(notice));
        rs.addWarning(new SQLWarning("second"));
        SQLWarning w = rs.getWarnings();
        assertEquals("careful", w.getMessage());
        assertEquals("01000", w.getSQLState());
        assertEquals("details", ((ServerWarning) w).serverError().detail());
        assertEquals("second", w.getNextWarning().getMessage());
        rs.clearWarnings();
        assertNull(rs.getWarnings());
    }

    @Test
    void driverBuiltResults() throws Exception {
        JdbcResultSet rs = JdbcResultSet.ofText(new String[] {"TABLE_NAME", "ORDINAL"},
                new int[] {Oids.TEXT, Oids.INT4}, List.of(new String[] {"t1", "1"}, new String[] {null, null}));
        assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
        assertTrue(rs.next());
        assertEquals("t1", rs.getString("table_name"));
        assertEquals(1, rs.getInt("ORDINAL"));
        assertTrue(rs.next());
        assertNull(rs.getString(1));
        assertTrue(rs.wasNull());
        assertEquals(Types.INTEGER, rs.getMetaData().getColumnType(2));
        assertFalse(rs.next());

        JdbcResultSet empty = JdbcResultSet.empty(null);
        assertEquals(0, empty.getMetaData().getColumnCount());
        assertFalse(empty.next());
    }
}

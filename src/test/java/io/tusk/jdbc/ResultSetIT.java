package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import io.tusk.testing.PgServer;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ResultSet getters. Every value check runs on the text results of a plain Statement and on both result
 * formats of a PreparedStatement: its first executions (text) and later ones (binary, from the statement cache).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultSetIT extends JdbcTestBase {
    ResultSetIT(PgServer pg) {
        super(pg);
    }

    @FunctionalInterface
    interface RowCheck {
        void check(ResultSet rs) throws Exception;
    }

    /** Runs {@code sql} as a Statement and as a PreparedStatement three times; checks the first row each time. */
    private void inAllFormats(String sql, RowCheck check) throws Exception {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            checkRow("Statement (text)", rs, check);
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int round = 1; round <= RUNS_THROUGH_ALL_FORMATS; round++) {
                try (ResultSet rs = ps.executeQuery()) {
                    checkRow("PreparedStatement run " + round + (round < FIRST_BINARY_RUN ? " (text)" : " (binary)"), rs,
                            check);
                }
            }
        }
    }

    private static void checkRow(String how, ResultSet rs, RowCheck check) throws Exception {
        assertTrue(rs.next(), how + ": no row");
        try {
            check.check(rs);
        } catch (AssertionError | SQLException e) {
            throw new AssertionError(how + ": " + e.getMessage(), e);
        }
    }

    private static SQLException expectState(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    // ---- numbers

    @Test
    void smallint() throws Exception {
        inAllFormats("SELECT 12::int2, (-32768)::int2", rs -> {
            assertEquals(12, rs.getShort(1));
            assertEquals(12, rs.getInt(1));
            assertEquals(12L, rs.getLong(1));
            assertEquals(12, rs.getByte(1));
            assertEquals(12.0, rs.getDouble(1));
            assertEquals(12.0f, rs.getFloat(1));
            assertEquals(new BigDecimal("12"), rs.getBigDecimal(1));
            assertEquals("12", rs.getString(1));
            assertEquals(12, rs.getObject(1), "pgjdbc gives Integer for int2");
            assertInstanceOf(Integer.class, rs.getObject(1));
            assertEquals((short) 12, rs.getObject(1, Short.class));
            assertEquals(Short.MIN_VALUE, rs.getShort(2));
            assertEquals("-32768", rs.getString(2));
        });
    }

    @Test
    void integer() throws Exception {
        inAllFormats("SELECT 2147483647, -7, 1, 0, 300", rs -> {
            assertEquals(Integer.MAX_VALUE, rs.getInt(1));
            assertEquals(2147483647L, rs.getLong(1));
            assertEquals("2147483647", rs.getString(1));
            assertEquals(Integer.MAX_VALUE, rs.getObject(1));
            assertEquals(2147483647L, rs.getObject(1, Long.class));
            assertEquals("2147483647", rs.getObject(1, String.class));
            assertEquals(new BigDecimal("2147483647"), rs.getObject(1, BigDecimal.class));
            assertEquals(2147483647.0, rs.getDouble(1));
            assertEquals(-7, rs.getInt(2));
            assertEquals((byte) -7, rs.getByte(2));
            assertTrue(rs.getBoolean(3));
            assertFalse(rs.getBoolean(4));
            expectState("22003", () -> rs.getByte(5));
            expectState("22003", () -> rs.getShort(1));
        });
    }

    @Test
    void bigint() throws Exception {
        inAllFormats("SELECT 9223372036854775807, (-9223372036854775808)::int8, 5::int8", rs -> {
            assertEquals(Long.MAX_VALUE, rs.getLong(1));
            assertEquals(Long.MIN_VALUE, rs.getLong(2));
            assertEquals("9223372036854775807", rs.getString(1));
            assertEquals(Long.MAX_VALUE, rs.getObject(1));
            assertEquals(new BigDecimal("9223372036854775807"), rs.getBigDecimal(1));
            assertEquals(5, rs.getInt(3));
            expectState("22003", () -> rs.getInt(1));
        });
    }

    @Test
    void realAndDouble() throws Exception {
        inAllFormats("SELECT 1.5::float4, 0.1::float8, 'NaN'::float8, '-Infinity'::float4, 1e300::float8, 3.7::float8",
                rs -> {
                    assertEquals(1.5f, rs.getFloat(1));
                    assertEquals(1.5, rs.getDouble(1));
                    assertEquals("1.5", rs.getString(1));
                    assertEquals(1.5f, rs.getObject(1));
                    assertEquals(new BigDecimal("1.5"), rs.getBigDecimal(1));
                    assertEquals(0.1, rs.getDouble(2));
                    assertEquals(0.1, rs.getObject(2));
                    assertEquals("0.1", rs.getString(2));
                    assertEquals(0.1f, rs.getFloat(2));
                    assertTrue(Double.isNaN(rs.getDouble(3)));
                    assertEquals("NaN", rs.getString(3));
                    assertEquals(Float.NEGATIVE_INFINITY, rs.getFloat(4));
                    assertEquals("-Infinity", rs.getString(4));
                    assertEquals(1e300, rs.getDouble(5));
                    assertEquals("1e+300", rs.getString(5));
                    assertEquals(3, rs.getInt(6), "truncated toward zero, as pgjdbc");
                    assertEquals(3L, rs.getLong(6));
                });
    }

    @Test
    void numeric() throws Exception {
        inAllFormats("SELECT 12345.678::numeric, 3.7::numeric, -3.7::numeric, 'NaN'::numeric, 1.50::numeric(5,2),"
                + " 0.000000000000000000001::numeric, 99999999999999999999::numeric", rs -> {
                    assertEquals(new BigDecimal("12345.678"), rs.getBigDecimal(1));
                    assertEquals("12345.678", rs.getString(1));
                    assertEquals(new BigDecimal("12345.678"), rs.getObject(1));
                    assertEquals(12345.678, rs.getDouble(1));
                    assertEquals(3, rs.getInt(2));
                    assertEquals(-3, rs.getInt(3));
                    assertEquals(-3L, rs.getLong(3));
                    assertTrue(Double.isNaN(rs.getDouble(4)));
                    assertEquals("NaN", rs.getString(4));
                    assertTrue(Double.isNaN((Double) rs.getObject(4)), "pgjdbc gives Double.NaN");
                    assertThrows(SQLException.class, () -> rs.getBigDecimal(4));
                    assertEquals(new BigDecimal("1.50"), rs.getBigDecimal(5));
                    assertEquals("1.50", rs.getString(5));
                    assertEquals(new BigDecimal("0.000000000000000000001"), rs.getBigDecimal(6));
                    assertEquals("0.000000000000000000001", rs.getString(6));
                    assertEquals(new BigDecimal("99999999999999999999"), rs.getBigDecimal(7));
                    expectState("22003", () -> rs.getLong(7));
                });
    }

    @Test
    @SuppressWarnings("deprecation")
    void bigDecimalWithScale() throws Exception {
        inAllFormats("SELECT 2.345::numeric", rs -> {
            assertEquals(new BigDecimal("2.35"), rs.getBigDecimal(1, 2));
            assertEquals(new BigDecimal("2"), rs.getBigDecimal(1, 0));
        });
    }

    // ---- text, bool, bytea

    @Test
    void text() throws Exception {
        inAllFormats("SELECT 'héllo ✓ 😀'::text, 'abc'::varchar(10), 'ab'::char(4), '42'::text, ''::text, 'x'::\"char\","
                + " 'nm'::name, 't'::text", rs -> {
                    assertEquals("héllo ✓ 😀", rs.getString(1));
                    assertEquals("héllo ✓ 😀", rs.getObject(1));
                    assertEquals("héllo ✓ 😀", rs.getNString(1));
                    assertEquals("abc", rs.getString(2));
                    assertEquals("ab  ", rs.getString(3));
                    assertEquals(42, rs.getInt(4), "a number in text converts, as with pgjdbc");
                    assertEquals(42L, rs.getLong(4));
                    assertEquals(new BigDecimal("42"), rs.getBigDecimal(4));
                    assertEquals("", rs.getString(5));
                    assertFalse(rs.wasNull());
                    assertEquals("x", rs.getString(6));
                    assertEquals("nm", rs.getString(7));
                    assertTrue(rs.getBoolean(8));
                    try (Reader r = rs.getCharacterStream(1)) {
                        char[] buf = new char[64];
                        int n = r.read(buf);
                        assertEquals("héllo ✓ 😀", new String(buf, 0, n));
                    }
                    try (InputStream in = rs.getAsciiStream(2)) {
                        assertEquals("abc", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                    }
                    expectState("22P02", () -> rs.getInt(1));
                });
    }

    @Test
    void bool() throws Exception {
        inAllFormats("SELECT true, false", rs -> {
            assertTrue(rs.getBoolean(1));
            assertFalse(rs.getBoolean(2));
            assertEquals(Boolean.TRUE, rs.getObject(1));
            assertEquals("t", rs.getString(1));
            assertEquals("f", rs.getString(2));
            assertEquals(Boolean.FALSE, rs.getObject(2, Boolean.class));
        });
    }

    @Test
    void bytea() throws Exception {
        inAllFormats("SELECT '\\x0001ff'::bytea, ''::bytea", rs -> {
            assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, rs.getBytes(1));
            assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) rs.getObject(1));
            assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, rs.getObject(1, byte[].class));
            try (InputStream in = rs.getBinaryStream(1)) {
                assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, in.readAllBytes());
            }
            assertEquals("\\x0001ff", rs.getString(1));
            assertArrayEquals(new byte[0], rs.getBytes(2));
            assertFalse(rs.wasNull());
        });
    }

    // ---- dates and times

    @Test
    void date() throws Exception {
        inAllFormats("SELECT DATE '2024-01-02'", rs -> {
            assertEquals(Date.valueOf("2024-01-02"), rs.getDate(1));
            assertEquals(Date.valueOf("2024-01-02"), rs.getObject(1));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
            assertEquals(Timestamp.valueOf("2024-01-02 00:00:00"), rs.getTimestamp(1));
            assertEquals("2024-01-02", rs.getString(1));
        });
    }

    @Test
    void time() throws Exception {
        inAllFormats("SELECT TIME '13:14:15.5', TIME '00:00:00'", rs -> {
            assertEquals(LocalTime.of(13, 14, 15, 500_000_000), rs.getObject(1, LocalTime.class));
            assertEquals(Time.valueOf("13:14:15").getTime() + 500, rs.getTime(1).getTime());
            assertInstanceOf(Time.class, rs.getObject(1));
            assertEquals("13:14:15.5", rs.getString(1));
            assertEquals(LocalTime.MIDNIGHT, rs.getObject(2, LocalTime.class));
            assertEquals("00:00:00", rs.getString(2));
        });
    }

    @Test
    void timeWithTimeZone() throws Exception {
        inAllFormats("SELECT TIME WITH TIME ZONE '10:11:12+05:30'", rs -> {
            assertEquals(OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                    rs.getObject(1, OffsetTime.class));
            assertEquals("10:11:12+05:30", rs.getString(1));
            // the instant on 1970-01-01: 04:41:12 UTC
            assertEquals((4 * 3600 + 41 * 60 + 12) * 1000L, rs.getTime(1).getTime());
        });
    }

    @Test
    void timestamp() throws Exception {
        inAllFormats("SELECT TIMESTAMP '2024-01-02 03:04:05.123456'", rs -> {
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.123456"), rs.getTimestamp(1));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.123456"), rs.getObject(1));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), rs.getObject(1, LocalDateTime.class));
            assertEquals(Date.valueOf("2024-01-02"), rs.getDate(1));
            assertEquals(Time.valueOf("03:04:05").getTime() + 123, rs.getTime(1).getTime());
            assertEquals("2024-01-02 03:04:05.123456", rs.getString(1));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
        });
    }

    @Test
    void timestampWithTimeZone() throws Exception {
        OffsetDateTime expected = OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 123_456_000, ZoneOffset.UTC);
        inAllFormats("SELECT TIMESTAMPTZ '2024-01-02 03:04:05.123456+02'", rs -> {
            OffsetDateTime odt = rs.getObject(1, OffsetDateTime.class);
            assertTrue(expected.isEqual(odt), "same instant: " + odt);
            Timestamp ts = rs.getTimestamp(1);
            assertEquals(expected.toInstant(), ts.toInstant());
            assertEquals(expected.toInstant(), ((Timestamp) rs.getObject(1)).toInstant());
        });
    }

    @Test
    void infinityTimestampsAndDates() throws Exception {
        inAllFormats("SELECT 'infinity'::timestamp, '-infinity'::timestamptz, 'infinity'::date", rs -> {
            assertEquals(LocalDateTime.MAX, rs.getObject(1, LocalDateTime.class));
            assertEquals(OffsetDateTime.MIN, rs.getObject(2, OffsetDateTime.class));
            assertEquals(LocalDate.MAX, rs.getObject(3, LocalDate.class));
            assertEquals("infinity", rs.getString(1));
            assertEquals("-infinity", rs.getString(2));
            assertEquals(9_223_372_036_825_200_000L, rs.getTimestamp(1).getTime(), "pgjdbc's DATE_POSITIVE_INFINITY");
        });
    }

    @Test
    void interval() throws Exception {
        inAllFormats("SELECT INTERVAL '1 year 2 mons 3 days 04:05:06.5', INTERVAL '-1 day'", rs -> {
            assertEquals("1 year 2 mons 3 days 04:05:06.5", rs.getString(1));
            assertInstanceOf(Interval.class, rs.getObject(1));
            assertEquals("-1 days", rs.getString(2));
        });
    }

    // ---- other types

    @Test
    void uuid() throws Exception {
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        inAllFormats("SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", rs -> {
            assertEquals(u, rs.getObject(1));
            assertEquals(u, rs.getObject(1, UUID.class));
            assertEquals(u.toString(), rs.getString(1));
        });
    }

    @Test
    void jsonAndJsonb() throws Exception {
        inAllFormats("SELECT '{\"b\":1,  \"a\":[1,2]}'::json, '{\"b\":1,  \"a\":[1,2]}'::jsonb", rs -> {
            assertEquals("{\"b\":1,  \"a\":[1,2]}", rs.getString(1), "json keeps its text");
            assertEquals("{\"a\": [1, 2], \"b\": 1}", rs.getString(2), "jsonb is normalized, without a version byte");
        });
    }

    @Test
    void oid() throws Exception {
        inAllFormats("SELECT 4294967295::oid, 26::oid", rs -> {
            assertEquals(4294967295L, rs.getLong(1));
            assertEquals("4294967295", rs.getString(1));
            assertEquals(4294967295L, rs.getObject(1));
            assertEquals(26, rs.getInt(2));
        });
    }

    // ---- NULL and wasNull

    @Test
    void nullsAndWasNull() throws Exception {
        inAllFormats("SELECT NULL::int4, 5, NULL::text, NULL::bool, NULL::float8, NULL::numeric, NULL::bytea,"
                + " NULL::date, NULL::timestamptz, NULL::uuid", rs -> {
                    assertEquals(0, rs.getInt(1));
                    assertTrue(rs.wasNull());
                    assertEquals(5, rs.getInt(2));
                    assertFalse(rs.wasNull());
                    assertNull(rs.getString(3));
                    assertTrue(rs.wasNull());
                    assertFalse(rs.getBoolean(4));
                    assertTrue(rs.wasNull());
                    assertEquals(0.0, rs.getDouble(5));
                    assertTrue(rs.wasNull());
                    assertNull(rs.getBigDecimal(6));
                    assertNull(rs.getBytes(7));
                    assertNull(rs.getDate(8));
                    assertNull(rs.getTimestamp(9));
                    assertNull(rs.getObject(10));
                    assertTrue(rs.wasNull());
                    assertNull(rs.getObject(1, Integer.class));
                    assertNull(rs.getObject(9, OffsetDateTime.class));
                    assertNull(rs.getObject(10, UUID.class));
                    assertEquals(0L, rs.getLong(1));
                    assertEquals(0, rs.getShort(1));
                    assertNull(rs.getCharacterStream(3));
                    assertNull(rs.getBinaryStream(7));
                });
    }

    // ---- columns by name

    @Test
    void findColumnIsCaseInsensitive() throws Exception {
        inAllFormats("SELECT 1 AS \"MyCol\", 2 AS lower_col, 3 AS dup, 4 AS dup", rs -> {
            assertEquals(1, rs.findColumn("MyCol"));
            assertEquals(1, rs.findColumn("mycol"));
            assertEquals(1, rs.findColumn("MYCOL"));
            assertEquals(2, rs.findColumn("LOWER_COL"));
            assertEquals(1, rs.getInt("mycol"));
            assertEquals(2, rs.getInt("Lower_Col"));
            assertEquals(3, rs.findColumn("dup"), "the first of equal names");
            assertThrows(SQLException.class, () -> rs.findColumn("nope"));
            assertThrows(SQLException.class, () -> rs.getInt("nope"));
        });
    }

    /** JDBC ResultSet: "the value of the first matching column will be returned", also when the case differs. */
    @Test
    void duplicateLabelsFoundCaseInsensitivelyGiveTheFirstColumn() throws Exception {
        inAllFormats("SELECT 3 AS dup, 4 AS dup", rs -> {
            assertEquals(1, rs.findColumn("DUP"));
            assertEquals(3, rs.getInt("Dup"));
        });
    }

    // ---- cursor and lifecycle

    @Test
    void closedResultSetThrows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1");
            assertTrue(rs.next());
            rs.close();
            assertTrue(rs.isClosed());
            assertThrows(SQLException.class, rs::next);
            assertThrows(SQLException.class, () -> rs.getInt(1));
            assertThrows(SQLException.class, rs::getMetaData);
            assertThrows(SQLException.class, rs::wasNull);
            rs.close();
        }
    }

    @Test
    void gettersOutsideTheRowsThrow() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThrows(SQLException.class, () -> rs.getInt(1), "before first");
            assertTrue(rs.next());
            assertThrows(SQLException.class, () -> rs.getInt(0));
            assertThrows(SQLException.class, () -> rs.getInt(2));
            assertFalse(rs.next());
            assertThrows(SQLException.class, () -> rs.getInt(1), "after last");
            assertFalse(rs.next(), "next after the end stays false");
        }
    }

    @Test
    void emptyResult() throws Exception {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 WHERE false")) {
            assertFalse(rs.isBeforeFirst());
            assertFalse(rs.next());
            assertFalse(rs.isAfterLast());
            assertEquals(0, rs.getRow());
            assertEquals(1, rs.getMetaData().getColumnCount());
        }
    }

    @Test
    void forwardOnlyRefusesScrolling() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT generate_series(1, 3)")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertTrue(rs.next());
            assertTrue(rs.next());
            assertEquals(2, rs.getRow());
            assertThrows(SQLException.class, rs::previous);
            assertThrows(SQLException.class, rs::first);
            assertThrows(SQLException.class, rs::last);
            assertThrows(SQLException.class, () -> rs.absolute(1));
            assertThrows(SQLException.class, () -> rs.relative(-1));
            assertThrows(SQLException.class, rs::beforeFirst);
            assertThrows(SQLException.class, rs::afterLast);
            assertEquals(2, rs.getInt(1), "the failed moves did not move the cursor");
        }
    }

    private void scrollAround(ResultSet rs) throws SQLException {
        assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
        assertTrue(rs.isBeforeFirst());
        assertTrue(rs.last());
        assertEquals(5, rs.getInt(1));
        assertEquals(5, rs.getRow());
        assertTrue(rs.isLast());
        assertTrue(rs.previous());
        assertEquals(4, rs.getInt(1));
        assertTrue(rs.first());
        assertTrue(rs.isFirst());
        assertEquals(1, rs.getInt(1));
        assertFalse(rs.previous());
        assertTrue(rs.isBeforeFirst());
        assertTrue(rs.absolute(3));
        assertEquals(3, rs.getInt(1));
        assertTrue(rs.absolute(-2));
        assertEquals(4, rs.getInt(1));
        assertTrue(rs.relative(-3));
        assertEquals(1, rs.getInt(1));
        assertFalse(rs.relative(10));
        assertTrue(rs.isAfterLast());
        assertEquals(0, rs.getRow());
        rs.beforeFirst();
        List<Integer> all = new ArrayList<>();
        while (rs.next()) {
            all.add(rs.getInt(1));
        }
        assertEquals(List.of(1, 2, 3, 4, 5), all);
        rs.afterLast();
        assertTrue(rs.previous());
        assertEquals(5, rs.getInt(1));
        assertFalse(rs.absolute(0));
        assertTrue(rs.isBeforeFirst());
        assertFalse(rs.absolute(6));
        assertTrue(rs.isAfterLast());
    }

    @Test
    void scrollInsensitiveNavigationFromAStatement() throws SQLException {
        try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                ResultSet rs = s.executeQuery("SELECT generate_series(1, 5)")) {
            scrollAround(rs);
        }
    }

    @Test
    void scrollInsensitiveNavigationFromAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT generate_series(1, ?)",
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            for (int round = 0; round < 3; round++) {
                ps.setInt(1, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    scrollAround(rs);
                }
            }
        }
    }

    @Test
    void resultSetIsReadOnly() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 AS a")) {
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertTrue(rs.next());
            assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 2));
            assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateString("a", "x"));
            assertThrows(SQLFeatureNotSupportedException.class, rs::updateRow);
            assertThrows(SQLFeatureNotSupportedException.class, rs::deleteRow);
        }
    }

    @Test
    void fetchSizeAndDirection() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.setFetchSize(10);
            assertEquals(10, rs.getFetchSize());
            assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
            assertThrows(SQLException.class, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        }
    }

    @Test
    void largeValueAndManyColumns() throws Exception {
        String big = "0123456789abcdef".repeat(1 << 16); // 1 MiB
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text, length(?::text)")) {
            for (int round = 0; round < 2; round++) {
                ps.setString(1, big);
                ps.setString(2, big);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(big, rs.getString(1));
                    assertEquals(big.length(), rs.getInt(2));
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 1; i <= 300; i++) {
            sql.append(i == 1 ? "" : ", ").append(i).append(" AS c").append(i);
        }
        inAllFormats(sql.toString(), rs -> {
            assertEquals(300, rs.getMetaData().getColumnCount());
            for (int i = 1; i <= 300; i++) {
                assertEquals(i, rs.getInt("c" + i));
            }
        });
    }

    @Test
    void manyRowsThroughAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT g, g::text, g * 1.5 FROM generate_series(1, ?) g")) {
            for (int round = 0; round < 2; round++) {
                ps.setInt(1, 5000);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                        assertEquals(n, rs.getInt(1));
                        assertEquals(String.valueOf(n), rs.getString(2));
                        assertEquals(0, new BigDecimal(n).multiply(new BigDecimal("1.5")).compareTo(rs.getBigDecimal(3)));
                    }
                    assertEquals(5000, n);
                }
            }
        }
    }

    @Test
    void byteaInEscapeOutputFormat() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("SET bytea_output = 'escape'");
        }
        inAllFormats("SELECT '\\x00015c27ff41'::bytea", rs -> {
            assertArrayEquals(new byte[] {0, 1, 0x5c, 0x27, (byte) 0xff, 0x41}, rs.getBytes(1));
        });
    }

    /**
     * The same PreparedStatement must give the same getString for a timestamptz on every run. The session's
     * TimeZone is known to the driver (the server reports it), so the binary runs can print what the server
     * prints in text.
     */
    @Test
    void timestamptzGetStringFollowsTheSessionTimeZoneInBothFormats() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("SET TimeZone = 'America/New_York'");
        }
        inAllFormats("SELECT TIMESTAMPTZ '2024-01-02 03:04:05+00'", rs -> {
            assertEquals("2024-01-01 22:04:05-05", rs.getString(1));
        });
    }

    /** Array elements print as they would alone: in the session's TimeZone and IntervalStyle. */
    @Test
    void arrayElementsFollowTheSessionSettingsInBothFormats() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("SET TimeZone = 'America/New_York'; SET IntervalStyle = 'sql_standard'");
        }
        inAllFormats("SELECT ARRAY[TIMESTAMPTZ '2024-01-02 03:04:05+00', NULL], ARRAY[INTERVAL '1 day 2 hours']", rs -> {
            assertEquals("{\"2024-01-01 22:04:05-05\",NULL}", rs.getString(1));
            assertEquals("{\"1 2:00:00\"}", rs.getString(2));
        });
    }

    @Test
    void intervalGetStringFollowsIntervalStyleInBothFormats() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("SET IntervalStyle = 'iso_8601'");
        }
        inAllFormats("SELECT INTERVAL '1 day 2 hours'", rs -> {
            assertEquals("P1DT2H", rs.getString(1));
        });
    }

    /**
     * Every IntervalStyle, with signs that each style writes its own way; getObject reads the text of
     * every style back to the same value. The expected strings are what PostgreSQL prints.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres         | 1 day 02:00:00  | -1 years +2 days -00:00:01.5    | 00:00:00",
        "postgres_verbose | @ 1 day 2 hours | @ 1 year -2 days 1.5 secs ago  | @ 0",
        "sql_standard     | 1 2:00:00       | -1-0 +2 -0:00:01.5             | 0",
        "iso_8601         | P1DT2H          | P-1Y2DT-1.5S                   | PT0S"})
    void intervalsPrintInEveryIntervalStyle(String style, String simple, String mixed, String zero) throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("SET IntervalStyle = '" + style + "'");
        }
        inAllFormats("SELECT INTERVAL '1 day 2 hours', INTERVAL '-1 year +2 days -1.5 seconds', INTERVAL '0'", rs -> {
            assertEquals(simple, rs.getString(1));
            assertEquals(mixed, rs.getString(2));
            assertEquals(zero, rs.getString(3));
            assertEquals(new Interval(0, 1, 7_200_000_000L), rs.getObject(1, Interval.class));
            assertEquals(new Interval(-12, 2, -1_500_000L), rs.getObject(2, Interval.class));
            assertEquals(Interval.ZERO, rs.getObject(3));
        });
    }
}

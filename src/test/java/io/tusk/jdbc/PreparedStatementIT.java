package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PreparedStatement setters, each executed {@link JdbcTestBase#RUNS_THROUGH_ALL_FORMATS} times on one
 * statement (unnamed at first, then prepared and described, then from the statement cache with binary
 * results), and read back through a second prepared statement that also runs more than once.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PreparedStatementIT extends JdbcTestBase {
    private static final int ROUNDS = RUNS_THROUGH_ALL_FORMATS;

    PreparedStatementIT(PgServer pg) {
        super(pg);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @BeforeEach
    void createTable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE pt (id serial PRIMARY KEY, b bool, i2 int2, i4 int4, i8 int8, f4 float4,"
                    + " f8 float8, n numeric, n102 numeric(10,2), t text, vc varchar(20), c char(3), by bytea,"
                    + " d date, tm time, tmtz timetz, ts timestamp, tstz timestamptz, u uuid, j jsonb, iv interval)");
        }
    }

    /** Inserts through {@code binder} ROUNDS times and reads the column back as {@code type} each time. */
    private <T> List<T> insertAndRead(String column, Class<T> type, Binder binder) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO pt(" + column + ") VALUES (?) RETURNING id");
                PreparedStatement sel = conn.prepareStatement("SELECT " + column + " FROM pt WHERE id = ?")) {
            for (int round = 0; round < ROUNDS; round++) {
                binder.bind(ins);
                int id;
                try (ResultSet rs = ins.executeQuery()) {
                    assertTrue(rs.next());
                    id = rs.getInt(1);
                }
                sel.setInt(1, id);
                try (ResultSet rs = sel.executeQuery()) {
                    assertTrue(rs.next());
                    out.add(rs.getObject(1, type));
                    assertFalse(rs.next());
                }
            }
        }
        return out;
    }

    /** The column read back as text by the server ({@code col::text}), for the last row. */
    private String serverText(String column) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + "::text FROM pt ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static <T> void assertAll(T expected, List<T> actual) {
        assertEquals(ROUNDS, actual.size());
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected, actual.get(i), "round " + (i + 1));
        }
    }

    private static SQLException expectState(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    private String scalar(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    // ---- primitive setters

    @Test
    void setBoolean() throws SQLException {
        assertAll(true, insertAndRead("b", Boolean.class, ps -> ps.setBoolean(1, true)));
        assertAll(false, insertAndRead("b", Boolean.class, ps -> ps.setBoolean(1, false)));
    }

    @Test
    void setByteAndShort() throws SQLException {
        assertAll((short) -5, insertAndRead("i2", Short.class, ps -> ps.setByte(1, (byte) -5)));
        assertAll(Short.MIN_VALUE, insertAndRead("i2", Short.class, ps -> ps.setShort(1, Short.MIN_VALUE)));
        assertAll(Short.MAX_VALUE, insertAndRead("i2", Short.class, ps -> ps.setShort(1, Short.MAX_VALUE)));
    }

    @Test
    void setInt() throws SQLException {
        assertAll(Integer.MAX_VALUE, insertAndRead("i4", Integer.class, ps -> ps.setInt(1, Integer.MAX_VALUE)));
        assertAll(Integer.MIN_VALUE, insertAndRead("i4", Integer.class, ps -> ps.setInt(1, Integer.MIN_VALUE)));
        assertAll(7L, insertAndRead("i8", Long.class, ps -> ps.setInt(1, 7)));
        assertAll(new BigDecimal("7"), insertAndRead("n", BigDecimal.class, ps -> ps.setInt(1, 7)));
        assertAll(7.0, insertAndRead("f8", Double.class, ps -> ps.setInt(1, 7)));
    }

    @Test
    void setLong() throws SQLException {
        assertAll(Long.MIN_VALUE, insertAndRead("i8", Long.class, ps -> ps.setLong(1, Long.MIN_VALUE)));
        assertAll(Long.MAX_VALUE, insertAndRead("i8", Long.class, ps -> ps.setLong(1, Long.MAX_VALUE)));
        assertAll(5, insertAndRead("i4", Integer.class, ps -> ps.setLong(1, 5L)));
    }

    @Test
    void setFloatAndDouble() throws SQLException {
        assertAll(1.5f, insertAndRead("f4", Float.class, ps -> ps.setFloat(1, 1.5f)));
        assertAll(1.5, insertAndRead("f8", Double.class, ps -> ps.setFloat(1, 1.5f)));
        assertAll(0.1, insertAndRead("f8", Double.class, ps -> ps.setDouble(1, 0.1)));
        assertAll(Double.MAX_VALUE, insertAndRead("f8", Double.class, ps -> ps.setDouble(1, Double.MAX_VALUE)));
        List<Double> nan = insertAndRead("f8", Double.class, ps -> ps.setDouble(1, Double.NaN));
        nan.forEach(v -> assertTrue(v.isNaN(), "NaN: " + v));
        assertAll(Double.NEGATIVE_INFINITY,
                insertAndRead("f8", Double.class, ps -> ps.setDouble(1, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void setBigDecimal() throws SQLException {
        BigDecimal big = new BigDecimal("-12345678901234567890.123456789012345678901234567890");
        assertAll(big, insertAndRead("n", BigDecimal.class, ps -> ps.setBigDecimal(1, big)));
        assertAll(new BigDecimal("1.50"), insertAndRead("n102", BigDecimal.class,
                ps -> ps.setBigDecimal(1, new BigDecimal("1.5"))));
        assertAll(new BigDecimal("0.00"), insertAndRead("n102", BigDecimal.class,
                ps -> ps.setBigDecimal(1, BigDecimal.ZERO)));
        assertAll(new BigDecimal("1E+20"), insertAndRead("n", BigDecimal.class,
                ps -> ps.setBigDecimal(1, new BigDecimal("1E+20"))).stream()
                .map(d -> d.stripTrailingZeros()).toList());
        assertAll(8, insertAndRead("i4", Integer.class, ps -> ps.setBigDecimal(1, new BigDecimal("8"))));
    }

    @Test
    void setString() throws SQLException {
        String s = "héllo wörld ✓ 😀 日本語 'quoted' \"double\" \\back";
        assertAll(s, insertAndRead("t", String.class, ps -> ps.setString(1, s)));
        assertAll("short", insertAndRead("vc", String.class, ps -> ps.setString(1, "short")));
        assertAll("ab ", insertAndRead("c", String.class, ps -> ps.setString(1, "ab")));
        assertAll("", insertAndRead("t", String.class, ps -> ps.setString(1, "")));
        assertAll("x", insertAndRead("t", String.class, ps -> ps.setNString(1, "x")));
    }

    /** setString is sent untyped (pgjdbc's stringtype=unspecified), so the server converts it to the column's type. */
    @Test
    void setStringIntoTypedColumns() throws SQLException {
        assertAll(42, insertAndRead("i4", Integer.class, ps -> ps.setString(1, "42")));
        assertAll(LocalDate.of(2024, 1, 2), insertAndRead("d", LocalDate.class, ps -> ps.setString(1, "2024-01-02")));
        UUID u = UUID.randomUUID();
        assertAll(u, insertAndRead("u", UUID.class, ps -> ps.setString(1, u.toString())));
        assertAll("{\"a\": 1}", insertAndRead("j", String.class, ps -> ps.setString(1, "{\"a\":1}")));
        assertAll(true, insertAndRead("b", Boolean.class, ps -> ps.setString(1, "true")));
    }

    @Test
    void setBytes() throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        for (byte[] v : insertAndRead("by", byte[].class, ps -> ps.setBytes(1, all))) {
            assertArrayEquals(all, v);
        }
        for (byte[] v : insertAndRead("by", byte[].class, ps -> ps.setBytes(1, new byte[0]))) {
            assertNotNull(v, "empty bytea is not NULL");
            assertEquals(0, v.length);
        }
        for (byte[] v : insertAndRead("by", byte[].class, ps -> ps.setBytes(1, null))) {
            assertNull(v);
        }
    }

    // ---- setNull

    @ParameterizedTest
    @CsvSource({
        "INTEGER, i4", "BIGINT, i8", "SMALLINT, i2", "TINYINT, i2", "VARCHAR, t", "CHAR, c", "LONGVARCHAR, t",
        "NUMERIC, n", "DECIMAL, n102", "DOUBLE, f8", "FLOAT, f8", "REAL, f4", "BOOLEAN, b", "BIT, b", "DATE, d",
        "TIME, tm", "TIMESTAMP, ts", "TIMESTAMP_WITH_TIMEZONE, tstz", "TIME_WITH_TIMEZONE, tmtz", "BINARY, by",
        "VARBINARY, by", "LONGVARBINARY, by", "OTHER, u", "OTHER, j", "NULL, i4", "VARCHAR, iv", "CLOB, t",
        "BLOB, by", "JAVA_OBJECT, i4"})
    void setNull(String sqlTypeName, String column) throws Exception {
        int sqlType = Types.class.getField(sqlTypeName).getInt(null);
        for (Object v : insertAndRead(column, Object.class, ps -> ps.setNull(1, sqlType))) {
            assertNull(v);
        }
        assertEquals("t", scalar("SELECT " + column + " IS NULL FROM pt ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void setNullWithTypeName() throws SQLException {
        for (Object v : insertAndRead("u", Object.class, ps -> ps.setNull(1, Types.OTHER, "uuid"))) {
            assertNull(v);
        }
    }

    @Test
    void typedNullInAnExpression() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ? IS NULL, ?::int IS NULL")) {
            for (int round = 0; round < ROUNDS; round++) {
                ps.setNull(1, Types.INTEGER);
                ps.setNull(2, Types.VARCHAR);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean(1));
                    assertTrue(rs.getBoolean(2));
                }
            }
        }
    }

    @Test
    void setObjectNullIntoTypedColumn() throws SQLException {
        for (Object v : insertAndRead("i4", Object.class, ps -> ps.setObject(1, null))) {
            assertNull(v);
        }
    }

    // ---- dates and times

    @Test
    void setDateAndTime() throws SQLException {
        assertAll(LocalDate.of(2024, 2, 29), insertAndRead("d", LocalDate.class,
                ps -> ps.setDate(1, Date.valueOf("2024-02-29"))));
        assertAll(LocalTime.of(13, 14, 15), insertAndRead("tm", LocalTime.class,
                ps -> ps.setTime(1, Time.valueOf("13:14:15"))));
        assertAll(Date.valueOf("2024-02-29"), insertAndRead("d", Date.class,
                ps -> ps.setDate(1, Date.valueOf("2024-02-29"))));
        assertAll(Time.valueOf("13:14:15"), insertAndRead("tm", Time.class,
                ps -> ps.setTime(1, Time.valueOf("13:14:15"))));
    }

    /** With the JVM in New York: timestamptz keeps the instant, timestamp keeps the wall-clock time. */
    @Test
    void setTimestampKeepsInstantAndWallClockOutsideUtc() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            Timestamp t = Timestamp.valueOf("2024-07-01 12:34:56.789");
            assertAll(t, insertAndRead("tstz", Timestamp.class, ps -> ps.setTimestamp(1, t)));
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT extract(epoch from tstz) FROM pt ORDER BY id DESC LIMIT 1")) {
                assertTrue(rs.next());
                assertEquals(0, BigDecimal.valueOf(t.getTime(), 3).compareTo(rs.getBigDecimal(1)),
                        "instant kept: " + rs.getBigDecimal(1) + " vs " + t.getTime());
            }
            assertAll(t, insertAndRead("ts", Timestamp.class, ps -> ps.setTimestamp(1, t)));
            assertEquals("2024-07-01 12:34:56.789", serverText("ts"));
            assertAll(LocalDateTime.of(2024, 7, 1, 12, 34, 56, 789_000_000),
                    insertAndRead("ts", LocalDateTime.class, ps -> ps.setTimestamp(1, t)));
            assertAll(t.toInstant(), insertAndRead("tstz", OffsetDateTime.class, ps -> ps.setTimestamp(1, t))
                    .stream().map(OffsetDateTime::toInstant).toList());
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void setTimestampWithCalendar() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            Timestamp t = Timestamp.valueOf("2024-07-01 12:34:56.789"); // 16:34:56.789 UTC
            insertAndRead("ts", Timestamp.class, ps -> ps.setTimestamp(1, t, utc));
            assertEquals("2024-07-01 16:34:56.789", serverText("ts"), "wall-clock time in the calendar's zone");
            try (PreparedStatement ps = conn.prepareStatement("SELECT ts FROM pt WHERE ts IS NOT NULL LIMIT 1")) {
                for (int round = 0; round < ROUNDS; round++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(t, rs.getTimestamp(1, utc));
                    }
                }
            }
            assertAll(t, insertAndRead("tstz", Timestamp.class, ps -> ps.setTimestamp(1, t, utc)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void setDateAndTimeWithCalendar() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            Calendar honolulu = Calendar.getInstance(TimeZone.getTimeZone("Pacific/Honolulu"));
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            // midnight of 2024-01-02 in New York is still 2024-01-01 in Honolulu
            assertAll(LocalDate.of(2024, 1, 1), insertAndRead("d", LocalDate.class,
                    ps -> ps.setDate(1, Date.valueOf("2024-01-02"), honolulu)));
            // 13:14:15 in New York (EST on 1970-01-01) is 18:14:15 UTC
            assertAll(LocalTime.of(18, 14, 15), insertAndRead("tm", LocalTime.class,
                    ps -> ps.setTime(1, Time.valueOf("13:14:15"), utc)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void microsecondsSurvive() throws SQLException {
        Timestamp t = Timestamp.valueOf("2024-01-02 03:04:05.123456");
        assertAll(t, insertAndRead("ts", Timestamp.class, ps -> ps.setTimestamp(1, t)));
        assertEquals("2024-01-02 03:04:05.123456", serverText("ts"));
    }

    // ---- setObject

    @Test
    void setObjectJavaTime() throws SQLException {
        LocalDate d = LocalDate.of(2024, 12, 31);
        assertAll(d, insertAndRead("d", LocalDate.class, ps -> ps.setObject(1, d)));
        LocalTime tm = LocalTime.of(23, 59, 59, 999_999_000);
        assertAll(tm, insertAndRead("tm", LocalTime.class, ps -> ps.setObject(1, tm)));
        LocalDateTime ldt = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000);
        assertAll(ldt, insertAndRead("ts", LocalDateTime.class, ps -> ps.setObject(1, ldt)));
        OffsetDateTime odt = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30));
        assertAll(odt.toInstant(), insertAndRead("tstz", OffsetDateTime.class, ps -> ps.setObject(1, odt))
                .stream().map(OffsetDateTime::toInstant).toList());
        Instant instant = Instant.parse("2024-05-06T01:38:09.123456Z");
        assertAll(instant, insertAndRead("tstz", OffsetDateTime.class, ps -> ps.setObject(1, instant))
                .stream().map(OffsetDateTime::toInstant).toList());
        OffsetTime ot = OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHours(-3));
        assertAll(ot, insertAndRead("tmtz", OffsetTime.class, ps -> ps.setObject(1, ot)));
    }

    @Test
    void setObjectOtherClasses() throws SQLException {
        UUID u = UUID.randomUUID();
        assertAll(u, insertAndRead("u", UUID.class, ps -> ps.setObject(1, u)));
        BigDecimal bd = new BigDecimal("3.14159265358979323846264338327950288");
        assertAll(bd, insertAndRead("n", BigDecimal.class, ps -> ps.setObject(1, bd)));
        BigInteger bi = new BigInteger("123456789012345678901234567890");
        assertAll(new BigDecimal(bi), insertAndRead("n", BigDecimal.class, ps -> ps.setObject(1, bi)));
        byte[] bytes = {1, 2, 3, (byte) 0xff};
        insertAndRead("by", byte[].class, ps -> ps.setObject(1, bytes)).forEach(v -> assertArrayEquals(bytes, v));
        assertAll(12, insertAndRead("i4", Integer.class, ps -> ps.setObject(1, 12)));
        assertAll(12L, insertAndRead("i8", Long.class, ps -> ps.setObject(1, 12L)));
        assertAll((short) 3, insertAndRead("i2", Short.class, ps -> ps.setObject(1, (short) 3)));
        assertAll((short) 4, insertAndRead("i2", Short.class, ps -> ps.setObject(1, (byte) 4)));
        assertAll(true, insertAndRead("b", Boolean.class, ps -> ps.setObject(1, Boolean.TRUE)));
        assertAll(2.5f, insertAndRead("f4", Float.class, ps -> ps.setObject(1, 2.5f)));
        assertAll(2.25, insertAndRead("f8", Double.class, ps -> ps.setObject(1, 2.25)));
        assertAll("x", insertAndRead("t", String.class, ps -> ps.setObject(1, 'x')));
        assertAll("str", insertAndRead("t", String.class, ps -> ps.setObject(1, "str")));
        assertAll(Date.valueOf("2020-02-02"), insertAndRead("d", Date.class,
                ps -> ps.setObject(1, Date.valueOf("2020-02-02"))));
        Timestamp ts = Timestamp.valueOf("2020-02-02 02:02:02.5");
        assertAll(ts, insertAndRead("ts", Timestamp.class, ps -> ps.setObject(1, ts)));
    }

    @Test
    void setObjectWithUnknownClassFails() {
        assertThrows(SQLException.class, () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
                ps.setObject(1, new Object());
                ps.executeQuery();
            }
        });
    }

    @Test
    void setObjectWithTargetSqlType() throws SQLException {
        assertAll(42, insertAndRead("i4", Integer.class, ps -> ps.setObject(1, "42", Types.INTEGER)));
        assertAll("42", insertAndRead("t", String.class, ps -> ps.setObject(1, 42, Types.VARCHAR)));
        assertAll(1, insertAndRead("i4", Integer.class, ps -> ps.setObject(1, true, Types.INTEGER)));
        assertAll(true, insertAndRead("b", Boolean.class, ps -> ps.setObject(1, 1, Types.BOOLEAN)));
        assertAll(false, insertAndRead("b", Boolean.class, ps -> ps.setObject(1, "false", Types.BIT)));
        assertAll(new BigDecimal("1.5"), insertAndRead("n", BigDecimal.class,
                ps -> ps.setObject(1, "1.5", Types.NUMERIC)));
        assertAll(new BigDecimal("2.50"), insertAndRead("n102", BigDecimal.class,
                ps -> ps.setObject(1, 2.5, Types.DECIMAL)));
        assertAll(7L, insertAndRead("i8", Long.class, ps -> ps.setObject(1, 7, Types.BIGINT)));
        assertAll(3.0, insertAndRead("f8", Double.class, ps -> ps.setObject(1, 3, Types.DOUBLE)));
        assertAll(LocalDate.of(2024, 3, 4), insertAndRead("d", LocalDate.class,
                ps -> ps.setObject(1, "2024-03-04", Types.DATE)));
        assertAll(LocalDateTime.of(2024, 3, 4, 5, 6, 7), insertAndRead("ts", LocalDateTime.class,
                ps -> ps.setObject(1, "2024-03-04 05:06:07", Types.TIMESTAMP)));
        assertAll("{\"k\": [1, 2]}", insertAndRead("j", String.class,
                ps -> ps.setObject(1, "{\"k\":[1,2]}", Types.OTHER)));
        assertAll(new BigDecimal("1.24"), insertAndRead("n", BigDecimal.class,
                ps -> ps.setObject(1, new BigDecimal("1.239"), Types.NUMERIC, 2)));
        assertAll(LocalDate.of(2024, 3, 4), insertAndRead("d", LocalDate.class,
                ps -> ps.setObject(1, LocalDate.of(2024, 3, 4), java.sql.JDBCType.DATE)));
    }

    // ---- streams

    @Test
    void binaryStreams() throws SQLException {
        byte[] data = "binary\0data\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        insertAndRead("by", byte[].class, ps -> ps.setBinaryStream(1, new ByteArrayInputStream(data)))
                .forEach(v -> assertArrayEquals(data, v));
        insertAndRead("by", byte[].class, ps -> ps.setBinaryStream(1, new ByteArrayInputStream(data), data.length))
                .forEach(v -> assertArrayEquals(data, v));
        insertAndRead("by", byte[].class, ps -> ps.setBinaryStream(1, new ByteArrayInputStream(data), 6L))
                .forEach(v -> assertArrayEquals("binary".getBytes(StandardCharsets.US_ASCII), v));
        insertAndRead("by", byte[].class, ps -> ps.setBlob(1, new ByteArrayInputStream(data)))
                .forEach(v -> assertArrayEquals(data, v));
    }

    @Test
    void asciiAndCharacterStreams() throws SQLException {
        byte[] ascii = "plain ascii text".getBytes(StandardCharsets.US_ASCII);
        assertAll("plain ascii text", insertAndRead("t", String.class,
                ps -> ps.setAsciiStream(1, new ByteArrayInputStream(ascii))));
        assertAll("plain", insertAndRead("t", String.class,
                ps -> ps.setAsciiStream(1, new ByteArrayInputStream(ascii), 5)));
        assertAll("plain ascii", insertAndRead("t", String.class,
                ps -> ps.setAsciiStream(1, new ByteArrayInputStream(ascii), 11L)));
        String text = "chars ✓ 😀 and more";
        assertAll(text, insertAndRead("t", String.class, ps -> ps.setCharacterStream(1, new StringReader(text))));
        assertAll("chars", insertAndRead("t", String.class,
                ps -> ps.setCharacterStream(1, new StringReader(text), 5)));
        assertAll("chars ✓", insertAndRead("t", String.class,
                ps -> ps.setCharacterStream(1, new StringReader(text), 7L)));
        assertAll(text, insertAndRead("t", String.class, ps -> ps.setClob(1, new StringReader(text))));
        assertAll(text, insertAndRead("t", String.class, ps -> ps.setNCharacterStream(1, new StringReader(text))));
    }

    // ---- parameters: missing, out of range, wrong types

    @Test
    void clearParametersThenExecuteFails() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + ?::int")) {
            ps.setInt(1, 1);
            ps.setInt(2, 2);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
            ps.clearParameters();
            expectState("22023", ps::executeQuery);
        }
        assertEquals("1", scalar("SELECT 1"));
    }

    @Test
    void missingParameterIs22023AndTheConnectionStaysUsable() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(i4, t) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            SQLException e = expectState("22023", ps::executeUpdate);
            assertTrue(e.getMessage().contains("2"), e.getMessage());
            ps.setString(2, "now set");
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals("1", scalar("SELECT count(*) FROM pt"));
    }

    @Test
    void parameterIndexOutOfRange() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int")) {
            assertThrows(SQLException.class, () -> ps.setInt(0, 1));
            assertThrows(SQLException.class, () -> ps.setInt(2, 1));
            assertThrows(SQLException.class, () -> ps.setString(-1, "x"));
            assertThrows(SQLException.class, () -> ps.setNull(2, Types.INTEGER));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
            assertThrows(SQLException.class, () -> ps.setInt(1, 1));
        }
    }

    @Test
    void wrongTypeIsAServerError22P02() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(i4) VALUES (?)")) {
            ps.setString(1, "abc");
            SQLException e = expectState("22P02", ps::executeUpdate);
            assertInstanceOf(SQLDataException.class, e);
            ps.setString(1, "12");
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void outOfRangeValueIs22003() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(i4) VALUES (?)")) {
            ps.setLong(1, 1L << 40);
            expectState("22003", ps::executeUpdate);
            ps.setLong(1, 1L << 20);
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(i2) VALUES (?)")) {
            ps.setInt(1, 70000);
            expectState("22003", ps::executeUpdate);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(n102) VALUES (?)")) {
            ps.setBigDecimal(1, new BigDecimal("123456789.5"));
            expectState("22003", ps::executeUpdate);
        }
        assertEquals("1", scalar("SELECT count(*) FROM pt"));
    }

    @Test
    void valueTooLongForVarchar() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(vc) VALUES (?)")) {
            ps.setString(1, "x".repeat(21));
            expectState("22001", ps::executeUpdate);
        }
    }

    // ---- reuse and the statement cache

    @Test
    void reuseWithDifferentValues() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int * 2, ?::text || '!', ?::numeric + 1")) {
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, i);
                ps.setString(2, "v" + i);
                ps.setBigDecimal(3, new BigDecimal(i + ".5"));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i * 2, rs.getInt(1));
                    assertEquals("v" + i + "!", rs.getString(2));
                    assertEquals(new BigDecimal((i + 1) + ".5"), rs.getBigDecimal(3));
                    assertFalse(rs.next());
                }
            }
        }
    }

    @Test
    void parameterTypesMayChangeBetweenExecutions() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS text)")) {
            Object[][] cases = {{5, "5"}, {"x", "x"}, {7L, "7"}, {null, null}, {true, "true"}, {5, "5"}, {"y", "y"}};
            for (Object[] c : cases) {
                ps.setObject(1, c[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(c[1], rs.getString(1), "value " + c[0]);
                }
            }
        }
    }

    @Test
    void twoStatementsWithTheSameSql() throws SQLException {
        try (PreparedStatement a = conn.prepareStatement("SELECT ?::int + 1");
                PreparedStatement b = conn.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < 5; i++) {
                a.setInt(1, i);
                b.setInt(1, i * 10);
                try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
                    assertTrue(ra.next());
                    assertTrue(rb.next());
                    assertEquals(i + 1, ra.getInt(1));
                    assertEquals(i * 10 + 1, rb.getInt(1));
                }
            }
        }
    }

    @Test
    void cachedStatementSurvivesATableChange() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE shape (a int)");
            s.execute("INSERT INTO shape VALUES (1)");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM shape")) {
            for (int i = 0; i < RUNS_THROUGH_ALL_FORMATS; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(1, rs.getMetaData().getColumnCount());
                    assertTrue(rs.next());
                }
            }
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE shape ADD COLUMN b text DEFAULT 'new'");
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(2, rs.getMetaData().getColumnCount());
                assertTrue(rs.next());
                assertEquals("new", rs.getString("b"));
            }
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE shape ALTER COLUMN a TYPE bigint");
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1L, rs.getObject(1));
            }
        }
    }

    @Test
    void questionMarkOperatorEscapedAsDoubleQuestionMark() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::jsonb ?? ?")) {
            for (int i = 0; i < ROUNDS; i++) {
                ps.setString(1, "{\"a\":1}");
                ps.setString(2, i % 2 == 0 ? "a" : "b");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i % 2 == 0, rs.getBoolean(1));
                }
            }
            assertEquals(2, ps.getParameterMetaData().getParameterCount());
        }
    }

    @Test
    void questionMarksInsideLiteralsAreNotParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT '?', \"a?b\" FROM (SELECT ?::int AS \"a?b\") x /* ? */ -- ?\n")) {
            ps.setInt(1, 9);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("?", rs.getString(1));
                assertEquals(9, rs.getInt(2));
            }
        }
    }

    @Test
    void maxRowsOnAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT generate_series(1, ?)")) {
            ps.setMaxRows(4);
            for (int i = 0; i < ROUNDS; i++) {
                ps.setInt(1, 100);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                assertEquals(4, n);
            }
        }
    }

    @Test
    void queryMethodsTakingSqlAreRejected() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
            assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 2"));
            assertThrows(SQLException.class, () -> ps.executeUpdate("SELECT 2"));
            assertThrows(SQLException.class, () -> ps.execute("SELECT 2"));
            assertThrows(SQLException.class, () -> ps.addBatch("SELECT 2"));
        }
    }

    @Test
    void executeUpdateReturnsCountAndExecuteTellsKinds() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pt(i4) SELECT generate_series(1, ?)")) {
            ps.setInt(1, 4);
            assertEquals(4, ps.executeUpdate());
            ps.setInt(1, 2);
            assertFalse(ps.execute());
            assertEquals(2, ps.getUpdateCount());
            assertEquals(2L, ps.executeLargeUpdate());
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM pt")) {
            assertTrue(ps.execute());
            assertEquals(-1, ps.getUpdateCount());
            try (ResultSet rs = ps.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(8, rs.getInt(1));
            }
            assertThrows(SQLException.class, ps::executeUpdate);
        }
    }

    // ---- metadata

    @Test
    void parameterMetaData() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT * FROM pt WHERE i4 = ? AND t = ? AND n = ? AND ts < ? AND b = ?")) {
            ParameterMetaData md = ps.getParameterMetaData();
            assertEquals(5, md.getParameterCount());
            assertEquals(Types.INTEGER, md.getParameterType(1));
            assertEquals("int4", md.getParameterTypeName(1));
            assertEquals(Types.VARCHAR, md.getParameterType(2));
            assertEquals("text", md.getParameterTypeName(2));
            assertEquals(Types.NUMERIC, md.getParameterType(3));
            assertEquals(Types.TIMESTAMP, md.getParameterType(4));
            assertEquals(Types.BIT, md.getParameterType(5));
            assertEquals("java.lang.Integer", md.getParameterClassName(1));
            assertEquals(ParameterMetaData.parameterModeIn, md.getParameterMode(1));
            assertThrows(SQLException.class, () -> md.getParameterType(6));
            // metadata does not disturb execution
            ps.setInt(1, 1);
            ps.setString(2, "x");
            ps.setBigDecimal(3, BigDecimal.ONE);
            ps.setTimestamp(4, Timestamp.valueOf("2030-01-01 00:00:00"));
            ps.setBoolean(5, true);
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void parameterCountWithNoParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
            assertEquals(0, ps.getParameterMetaData().getParameterCount());
        }
    }

    @Test
    void resultMetaDataBeforeExecution() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, t AS label, n102 FROM pt WHERE i4 = ?")) {
            ResultSetMetaData md = ps.getMetaData();
            assertNotNull(md);
            assertEquals(3, md.getColumnCount());
            assertEquals("id", md.getColumnName(1));
            assertEquals("label", md.getColumnLabel(2));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals(Types.VARCHAR, md.getColumnType(2));
            assertEquals(Types.NUMERIC, md.getColumnType(3));
            assertEquals(10, md.getPrecision(3));
            assertEquals(2, md.getScale(3));
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(3, rs.getMetaData().getColumnCount());
            }
        }
    }

    @Test
    void resultMetaDataOfAnUpdateIsNull() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE pt SET t = ? WHERE id = ?")) {
            assertNull(ps.getMetaData());
        }
    }

    /** PostgreSQL's protocol allows at most 65535 parameters; more must be an SQLException (pgjdbc: 22023). */
    @Test
    void tooManyParametersIsAnSqlException() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 1");
        for (int i = 0; i < 70_000; i++) {
            sql.append(", ?::int");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 1; i <= 70_000; i++) {
                ps.setInt(i, i);
            }
            assertThrows(SQLException.class, ps::executeQuery);
        }
        assertEquals("1", scalar("SELECT 1"), "the connection is still usable");
    }

    @Test
    void manyParametersWithinTheLimit() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT sum(x) FROM unnest(ARRAY[?::int");
        for (int i = 1; i < 5000; i++) {
            sql.append(", ?::int");
        }
        sql.append("]) x");
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int round = 0; round < 2; round++) {
                for (int i = 1; i <= 5000; i++) {
                    ps.setInt(i, i);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(5000L * 5001 / 2, rs.getLong(1));
                }
            }
        }
    }

    @Test
    void nulCharacterInAStringParameterIsAServerError() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text")) {
            ps.setString(1, "a\0b");
            expectState("22021", ps::executeQuery);
            ps.setString(1, "ab");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("ab", rs.getString(1));
            }
        }
    }

    @Test
    void discardAllOutsideATransaction() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < RUNS_THROUGH_ALL_FORMATS; i++) {
                ps.setInt(1, i);
                ps.executeQuery().close();
            }
            try (Statement s = conn.createStatement()) {
                s.execute("DISCARD ALL");
            }
            ps.setInt(1, 41);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }

    /**
     * pgjdbc notices DEALLOCATE ALL / DISCARD ALL run through the driver and forgets its server-side statements;
     * inside a transaction the statement cache's retry cannot help, so it must not reuse a dropped statement.
     */
    @Test
    void deallocateAllInsideATransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < RUNS_THROUGH_ALL_FORMATS; i++) {
                ps.setInt(1, i);
                ps.executeQuery().close();
            }
            try (Statement s = conn.createStatement()) {
                s.execute("DEALLOCATE ALL");
            }
            ps.setInt(1, 41);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** The server rounds fractional seconds to microseconds; pgjdbc rounds the nanoseconds the same way. */
    @Test
    void setTimestampRoundsNanosecondsToMicroseconds() throws SQLException {
        Timestamp t = Timestamp.valueOf("2024-01-02 03:04:05.123456789");
        insertAndRead("ts", Timestamp.class, ps -> ps.setTimestamp(1, t));
        assertEquals("2024-01-02 03:04:05.123457", serverText("ts"));
    }

    @Test
    void setObjectLocalDateTimeRoundsNanosecondsToMicroseconds() throws SQLException {
        insertAndRead("ts", LocalDateTime.class, ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 999_999_999)));
        assertEquals("2024-01-02 03:04:06", serverText("ts"));
        insertAndRead("tm", LocalTime.class, ps -> ps.setObject(1, LocalTime.of(3, 4, 5, 123_456_789)));
        assertEquals("03:04:05.123457", serverText("tm"));
    }
}

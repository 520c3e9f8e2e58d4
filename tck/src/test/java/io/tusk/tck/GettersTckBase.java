package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ResultSet getters: the class getObject returns for each core type (JDBC's mapping), getObject(column,
 * Class), and the conversions between getters and column types (numbers, text, booleans, bytes, dates and
 * times, streams, calendars, the session time zone).
 */
public abstract class GettersTckBase extends TckBase {

    // -------------------------------------------------------------------------------------- getObject

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1::int2=java.lang.Integer", "1::int4=java.lang.Integer", "1::int8=java.lang.Long",
        "1::float4=java.lang.Float", "1::float8=java.lang.Double", "1::numeric=java.math.BigDecimal",
        "true=java.lang.Boolean", "'a'::text=java.lang.String", "'a'::varchar=java.lang.String",
        "'a'::char(3)=java.lang.String", "'\\x01'::bytea=[B", "'2024-01-02'::date=java.sql.Date",
        "'12:00'::time=java.sql.Time", "'2024-01-02 03:04'::timestamp=java.sql.Timestamp",
        "'2024-01-02 03:04+00'::timestamptz=java.sql.Timestamp",
        "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid=java.util.UUID"})
    void getObjectClassFollowsJdbcMapping(String exprAndClass) throws Exception {
        // JDBC 4.3 appendix B, table B-3 (JDBC types to Java object types): SMALLINT -> Integer,
        // DATE -> java.sql.Date, TIME -> java.sql.Time, TIMESTAMP -> java.sql.Timestamp.
        int eq = exprAndClass.lastIndexOf('=');
        Class<?> expected = Class.forName(exprAndClass.substring(eq + 1));
        Object value = scalar("SELECT " + exprAndClass.substring(0, eq));
        assertInstanceOf(expected, value);
    }

    @Test
    void getObjectWithJavaTimeClasses() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-01-02'::date, '2024-01-02 03:04:05.5'::timestamp, '03:04:05'::time");
        assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000), rs.getObject(2, LocalDateTime.class));
        assertEquals(java.time.LocalTime.of(3, 4, 5), rs.getObject(3, java.time.LocalTime.class));
    }

    @Test
    void getObjectWithBoxedClasses() throws SQLException {
        ResultSet rs = firstRow("SELECT 42::int4, 42::int8, 1.5::float8, true, 'x'::text, 2.50::numeric");
        assertEquals(Integer.valueOf(42), rs.getObject(1, Integer.class));
        assertEquals(Long.valueOf(42), rs.getObject(1, Long.class));
        assertEquals(Long.valueOf(42), rs.getObject(2, Long.class));
        assertEquals(Double.valueOf(1.5), rs.getObject(3, Double.class));
        assertEquals(Boolean.TRUE, rs.getObject(4, Boolean.class));
        assertEquals("x", rs.getObject(5, String.class));
        assertEquals(new BigDecimal("2.50"), rs.getObject(6, BigDecimal.class));
    }

    @Test
    void getObjectWithUnsupportedClassThrows() throws SQLException {
        ResultSet rs = firstRow("SELECT 1::int4");
        assertSqlException(() -> rs.getObject(1, SQLWarning.class));
    }

    @Test
    void getObjectUuidAsUuidClass() throws SQLException {
        UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        ResultSet rs = firstRow("SELECT '" + id + "'::uuid");
        assertEquals(id, rs.getObject(1, UUID.class));
        assertEquals(id.toString(), rs.getString(1));
    }

    // ------------------------------------------------------------------------------------ conversions

    @Test
    void getStringOfNumbers() throws SQLException {
        ResultSet rs = firstRow("SELECT 42::int4, -7::int8, 1.50::numeric, 2.5::float8, true");
        assertEquals("42", rs.getString(1));
        assertEquals("-7", rs.getString(2));
        assertEquals("1.50", rs.getString(3));
        assertEquals("2.5", rs.getString(4));
        assertTrue(rs.getString(5).equals("t") || rs.getString(5).equals("true"), rs.getString(5));
    }

    @Test
    void getIntOfText() throws SQLException {
        ResultSet rs = firstRow("SELECT '42'::text, ' 17 '::text");
        assertEquals(42, rs.getInt(1));
        assertEquals(42L, rs.getLong(1));
        assertEquals(17, rs.getInt(2));
    }

    @Test
    void getIntOfNonNumericTextThrowsClass22() throws SQLException {
        ResultSet rs = firstRow("SELECT 'abc'::text");
        assertSqlStateClass("22", () -> rs.getInt(1));
    }

    @Test
    void getNumbersAcrossNumericTypes() throws SQLException {
        ResultSet rs = firstRow("SELECT 7::int2, 7::int4, 7::int8, 7::numeric, 7::float4, 7::float8");
        for (int i = 1; i <= 6; i++) {
            assertEquals(7, rs.getInt(i), "getInt of column " + i);
            assertEquals(7L, rs.getLong(i), "getLong of column " + i);
            assertEquals(7, rs.getShort(i), "getShort of column " + i);
            assertEquals(7, rs.getByte(i), "getByte of column " + i);
            assertEquals(7.0, rs.getDouble(i), "getDouble of column " + i);
            assertEquals(7.0f, rs.getFloat(i), "getFloat of column " + i);
            assertEquals(0, new BigDecimal(7).compareTo(rs.getBigDecimal(i)), "getBigDecimal of column " + i);
        }
    }

    @Test
    void getIntOfFractionTruncates() throws SQLException {
        ResultSet rs = firstRow("SELECT 1.9::numeric, -1.9::float8");
        assertEquals(1, rs.getInt(1));
        assertEquals(-1, rs.getInt(2));
        assertEquals(1L, rs.getLong(1));
    }

    @Test
    void getIntOutOfRangeThrowsClass22() throws SQLException {
        ResultSet rs = firstRow("SELECT 3000000000::int8");
        assertSqlStateClass("22", () -> rs.getInt(1));
        assertEquals(3_000_000_000L, rs.getLong(1));
    }

    @Test
    void getShortAndByteOutOfRangeThfirstRow() throws SQLException {
        ResultSet rs = firstRow("SELECT 40000::int4, 300::int4");
        assertSqlException(() -> rs.getShort(1));
        assertSqlException(() -> rs.getByte(2));
    }

    @Test
    void getBooleanOfNumbersAndText() throws SQLException {
        ResultSet rs = firstRow("SELECT 1::int4, 0::int4, 'true'::text, 'false'::text, 't'::text, 'f'::text, '1'::text,"
            + " '0'::text, 'yes'::text, 'no'::text");
        assertTrue(rs.getBoolean(1));
        assertFalse(rs.getBoolean(2));
        assertTrue(rs.getBoolean(3));
        assertFalse(rs.getBoolean(4));
        assertTrue(rs.getBoolean(5));
        assertFalse(rs.getBoolean(6));
        assertTrue(rs.getBoolean(7));
        assertFalse(rs.getBoolean(8));
        assertTrue(rs.getBoolean(9));
        assertFalse(rs.getBoolean(10));
    }

    @Test
    void getBooleanOfUnrecognizedTextThrows() throws SQLException {
        ResultSet rs = firstRow("SELECT 'maybe'::text");
        assertSqlException(() -> rs.getBoolean(1));
    }

    @Test
    void getBigDecimalOfNumeric() throws SQLException {
        ResultSet rs = firstRow("SELECT 123456789012345678901234567890.123456789::numeric");
        assertEquals(new BigDecimal("123456789012345678901234567890.123456789"), rs.getBigDecimal(1));
    }

    @Test
    void getDoubleOfNumericAndText() throws SQLException {
        ResultSet rs = firstRow("SELECT 0.1::numeric, '2.5e3'::text");
        assertEquals(0.1, rs.getDouble(1));
        assertEquals(2500.0, rs.getDouble(2));
    }

    @Test
    void getBytesOfBytea() throws SQLException {
        ResultSet rs = firstRow("SELECT '\\x00ff10'::bytea");
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, rs.getBytes(1));
    }

    @Test
    void getStringOfByteaIsHex() throws SQLException {
        ResultSet rs = firstRow("SELECT '\\x0102'::bytea");
        assertEquals("\\x0102", rs.getString(1));
    }

    @Test
    void getDateOfTimestampIsItsDay() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-01-02 03:04:05'::timestamp");
        assertEquals(Date.valueOf("2024-01-02"), rs.getDate(1));
        assertEquals(Time.valueOf("03:04:05"), rs.getTime(1));
    }

    @Test
    void getTimestampOfDateIsMidnight() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-01-02'::date");
        assertEquals(Timestamp.valueOf("2024-01-02 00:00:00"), rs.getTimestamp(1));
    }

    @Test
    void getDateTimeTimestampInDefaultZone() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-07-08'::date, '09:10:11'::time, '2024-07-08 09:10:11.25'::timestamp");
        assertEquals(Date.valueOf("2024-07-08"), rs.getDate(1));
        assertEquals(Time.valueOf("09:10:11"), rs.getTime(2));
        assertEquals(Timestamp.valueOf("2024-07-08 09:10:11.25"), rs.getTimestamp(3));
    }

    @Test
    void sessionTimeZoneIsTheJvmZone() throws SQLException {
        // The PostgreSQL drivers set the session TimeZone to the JVM's, so SQL that works in local time
        // (a timestamptz literal without offset, localtimestamp, ::date of a timestamptz) agrees with Java's
        // local time. The JVM zone of the TCK run is Asia/Kolkata (tck/pom.xml).
        ResultSet rs = firstRow("SELECT '2024-01-01 00:00'::timestamptz, current_setting('TimeZone')");
        assertEquals(Timestamp.valueOf("2024-01-01 00:00:00"), rs.getTimestamp(1), "session TimeZone " + rs.getString(2));
    }

    @Test
    void getTimeKeepsMilliseconds() throws SQLException {
        ResultSet rs = firstRow("SELECT '12:34:56.789'::time, '2024-01-02 03:04:05.123456'::timestamp");
        assertEquals(789, rs.getTime(1).getTime() % 1000);
        assertEquals(123_456_000, rs.getTimestamp(2).getNanos());
    }

    @Test
    void getTimestampOfTimestamptzIsTheInstant() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-01-02 03:04:05+00'::timestamptz");
        assertEquals(java.time.Instant.parse("2024-01-02T03:04:05Z"), rs.getTimestamp(1).toInstant());
    }

    @Test
    void getDateWithCalendar() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-03-10'::date");
        java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        assertEquals(java.time.Instant.parse("2024-03-10T00:00:00Z").toEpochMilli(), rs.getDate(1, utc).getTime());
    }

    @Test
    void getTimestampWithCalendar() throws SQLException {
        ResultSet rs = firstRow("SELECT '2024-01-02 03:04:05'::timestamp");
        java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        assertEquals(java.time.Instant.parse("2024-01-02T03:04:05Z"), rs.getTimestamp(1, utc).toInstant());
    }

    @Test
    void getCharacterStreamAndAsciiStream() throws SQLException, IOException {
        ResultSet rs = firstRow("SELECT 'stream me'::text, 'ascii'::text");
        try (Reader reader = rs.getCharacterStream(1)) {
            char[] buf = new char[64];
            int n = reader.read(buf);
            assertEquals("stream me", new String(buf, 0, n));
        }
        try (InputStream in = rs.getAsciiStream(2)) {
            assertEquals("ascii", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void getBinaryStreamOfBytea() throws SQLException, IOException {
        ResultSet rs = firstRow("SELECT '\\x0a0b0c'::bytea");
        try (InputStream in = rs.getBinaryStream(1)) {
            assertArrayEquals(new byte[] {10, 11, 12}, in.readAllBytes());
        }
    }

    @Test
    void getNString() throws SQLException {
        ResultSet rs = firstRow("SELECT 'n\u00e4'::text");
        assertEquals("n\u00e4", rs.getNString(1));
    }

    @Test
    void byLabelGettersMatchByIndex() throws SQLException {
        ResultSet rs = firstRow("SELECT 5::int4 AS i, 'x'::text AS s, 2.5::numeric AS n, true AS b, '2024-01-02'::date AS d");
        assertEquals(rs.getInt(1), rs.getInt("i"));
        assertEquals(rs.getString(2), rs.getString("s"));
        assertEquals(rs.getBigDecimal(3), rs.getBigDecimal("n"));
        assertEquals(rs.getBoolean(4), rs.getBoolean("b"));
        assertEquals(rs.getDate(5), rs.getDate("d"));
        assertEquals(rs.getObject(1), rs.getObject("i"));
    }

    @Test
    void bpcharKeepsPadding() throws SQLException {
        assertEquals("ab   ", scalarString("SELECT 'ab'::char(5)"));
    }
}

package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every PreparedStatement setter: primitives, strings, bytes, dates and times (with and without a Calendar),
 * streams, setNull for each type, setObject with inferred and explicit target types, and strings sent to
 * columns of other types.
 */
public abstract class SettersTckBase extends TckBase {

    // -------------------------------------------------------------------------------- primitive setters

    @Test
    void setBoolean() throws SQLException {
        assertEquals("true", queryString("SELECT CAST(? AS boolean)::text", ps -> ps.setBoolean(1, true)));
        assertEquals("false", queryString("SELECT CAST(? AS boolean)::text", ps -> ps.setBoolean(1, false)));
    }

    @Test
    void setByte() throws SQLException {
        assertEquals("-128", queryString("SELECT CAST(? AS int2)::text", ps -> ps.setByte(1, Byte.MIN_VALUE)));
    }

    @Test
    void setShort() throws SQLException {
        assertEquals("32767", queryString("SELECT CAST(? AS int2)::text", ps -> ps.setShort(1, Short.MAX_VALUE)));
    }

    @Test
    void setInt() throws SQLException {
        assertEquals("-2147483648", queryString("SELECT CAST(? AS int4)::text", ps -> ps.setInt(1, Integer.MIN_VALUE)));
    }

    @Test
    void setLong() throws SQLException {
        assertEquals("9223372036854775807", queryString("SELECT CAST(? AS int8)::text", ps -> ps.setLong(1, Long.MAX_VALUE)));
    }

    @Test
    void setFloat() throws SQLException {
        assertEquals("1.5", queryString("SELECT CAST(? AS float4)::text", ps -> ps.setFloat(1, 1.5f)));
    }

    @Test
    void setDouble() throws SQLException {
        assertEquals("-2.25", queryString("SELECT CAST(? AS float8)::text", ps -> ps.setDouble(1, -2.25)));
    }

    @Test
    void setBigDecimal() throws SQLException {
        assertEquals("12345678901234567890.000000000123",
            queryString("SELECT CAST(? AS numeric)::text", ps -> ps.setBigDecimal(1, new BigDecimal("12345678901234567890.000000000123"))));
    }

    @Test
    void setBigDecimalKeepsTrailingZeros() throws SQLException {
        assertEquals("1.50", queryString("SELECT CAST(? AS numeric)::text", ps -> ps.setBigDecimal(1, new BigDecimal("1.50"))));
    }

    @Test
    void setString() throws SQLException {
        assertEquals("it's \"quoted\" \\ ok", queryString("SELECT CAST(? AS text)", ps -> ps.setString(1, "it's \"quoted\" \\ ok")));
    }

    @Test
    void setStringEmpty() throws SQLException {
        assertEquals("", queryString("SELECT CAST(? AS text)", ps -> ps.setString(1, "")));
    }

    @Test
    void setStringUnicode() throws SQLException {
        String value = "\u00e9\u00e8 \u4e2d\u6587 \ud83d\udc18 \u0301e";
        assertEquals(value, queryString("SELECT CAST(? AS text)", ps -> ps.setString(1, value)));
    }

    @Test
    void setStringLong() throws SQLException {
        String value = "abc\u00e9".repeat(250_000); // 1 M characters
        assertEquals(String.valueOf(value.length()),
            queryString("SELECT length(CAST(? AS text))::text", ps -> ps.setString(1, value)));
    }

    @Test
    void setStringWithNulCharacterIsRejected() throws SQLException {
        // PostgreSQL text cannot hold U+0000; the driver or the server refuses it (SQLSTATE differs).
        assertSqlException(() -> queryString("SELECT CAST(? AS text)", ps -> ps.setString(1, "a\u0000b")));
        assertUsable(conn);
    }

    @Test
    void setNString() throws SQLException {
        assertEquals("n\u00e4", queryString("SELECT CAST(? AS text)", ps -> ps.setNString(1, "n\u00e4")));
    }

    @Test
    void setBytes() throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS bytea)")) {
            ps.setBytes(1, all);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertArrayEquals(all, rs.getBytes(1));
            }
        }
    }

    @Test
    void setBytesEmpty() throws SQLException {
        assertEquals("0", queryString("SELECT length(CAST(? AS bytea))::text", ps -> ps.setBytes(1, new byte[0])));
    }

    // ------------------------------------------------------------------------------ date and time setters

    @Test
    void setDate() throws SQLException {
        assertEquals("2024-02-29", queryString("SELECT CAST(? AS date)::text", ps -> ps.setDate(1, Date.valueOf("2024-02-29"))));
    }

    @Test
    void setTime() throws SQLException {
        assertEquals("13:14:15", queryString("SELECT CAST(? AS time)::text", ps -> ps.setTime(1, Time.valueOf("13:14:15"))));
    }

    @Test
    void setTimestamp() throws SQLException {
        Timestamp ts = Timestamp.valueOf("2024-01-02 03:04:05.123456");
        assertEquals("2024-01-02 03:04:05.123456", queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setTimestamp(1, ts)));
    }

    @Test
    void setTimestampRoundsNanosToMicros() throws SQLException {
        Timestamp ts = Timestamp.valueOf("2024-01-02 03:04:05.123456789");
        assertEquals("2024-01-02 03:04:05.123457", queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setTimestamp(1, ts)));
    }

    @Test
    void setObjectLocalDateTimeRoundsNanosToMicros() throws SQLException {
        LocalDateTime value = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789);
        assertEquals("2024-01-02 03:04:05.123457", queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setObject(1, value)));
    }

    @Test
    void setTimestampIntoTimestamptzKeepsTheInstant() throws SQLException {
        Timestamp ts = Timestamp.valueOf("2024-06-01 12:00:00");
        String epoch = queryString("SELECT extract(epoch FROM CAST(? AS timestamptz))::bigint::text", ps -> ps.setTimestamp(1, ts));
        assertEquals(String.valueOf(ts.getTime() / 1000), epoch);
    }

    @Test
    void setDateWithCalendar() throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        utc.clear();
        utc.set(2024, Calendar.MARCH, 10);
        Date date = new Date(utc.getTimeInMillis()); // midnight UTC of 2024-03-10
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals("2024-03-10", queryString("SELECT CAST(? AS date)::text", ps -> ps.setDate(1, date, cal)));
    }

    @Test
    void setTimestampWithCalendar() throws SQLException {
        // The Calendar says in which zone the timestamp's instant is written as a wall-clock time.
        Timestamp ts = Timestamp.from(java.time.Instant.parse("2024-01-02T03:04:05Z"));
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals("2024-01-02 03:04:05", queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setTimestamp(1, ts, utc)));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals("2024-01-02 12:04:05", queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setTimestamp(1, ts, tokyo)));
    }

    @Test
    void setTimeWithCalendar() throws SQLException {
        Time time = new Time(java.time.Instant.parse("1970-01-01T10:20:30Z").toEpochMilli());
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals("10:20:30", queryString("SELECT CAST(? AS time)::text", ps -> ps.setTime(1, time, utc)));
    }

    // ------------------------------------------------------------------------------------ stream setters

    @Test
    void setBinaryStreamWithLength() throws SQLException {
        byte[] data = {1, 2, 3, 4, 5};
        assertEquals("\\x010203", queryString("SELECT CAST(? AS bytea)::text",
            ps -> ps.setBinaryStream(1, new ByteArrayInputStream(data), 3)));
    }

    @Test
    void setBinaryStreamWithoutLength() throws SQLException {
        byte[] data = {1, 2, 3, 4, 5};
        assertEquals("\\x0102030405", queryString("SELECT CAST(? AS bytea)::text",
            ps -> ps.setBinaryStream(1, new ByteArrayInputStream(data))));
    }

    @Test
    void setAsciiStream() throws SQLException {
        byte[] ascii = "hello ascii".getBytes(StandardCharsets.US_ASCII);
        assertEquals("hello ascii", queryString("SELECT CAST(? AS text)",
            ps -> ps.setAsciiStream(1, new ByteArrayInputStream(ascii), ascii.length)));
    }

    @Test
    void setCharacterStreamWithLength() throws SQLException {
        assertEquals("hello", queryString("SELECT CAST(? AS text)",
            ps -> ps.setCharacterStream(1, new StringReader("hello world"), 5)));
    }

    @Test
    void setCharacterStreamWithoutLength() throws SQLException {
        assertEquals("h\u00e9llo w\u00f6rld", queryString("SELECT CAST(? AS text)",
            ps -> ps.setCharacterStream(1, new StringReader("h\u00e9llo w\u00f6rld"))));
    }

    @Test
    void setNCharacterStream() throws SQLException {
        assertEquals("n-stream", queryString("SELECT CAST(? AS text)",
            ps -> ps.setNCharacterStream(1, new StringReader("n-stream"))));
    }

    // --------------------------------------------------------------------------------------- setNull

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BIT:boolean", "BOOLEAN:boolean", "SMALLINT:int2", "INTEGER:int4", "BIGINT:int8",
        "REAL:float4", "DOUBLE:float8", "NUMERIC:numeric", "VARCHAR:text", "CHAR:bpchar", "BINARY:bytea",
        "DATE:date", "TIME:time", "TIMESTAMP:timestamp", "OTHER:uuid"})
    void setNullWithType(String typeAndColumn) throws Exception {
        String[] parts = typeAndColumn.split(":");
        int type = Types.class.getField(parts[0]).getInt(null);
        String table = tempTable("v " + parts[1]);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setNull(1, type);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(1, scalarLong(conn, "SELECT count(*) FROM " + table + " WHERE v IS NULL"));
    }

    @Test
    void setNullWithTypeName() throws SQLException {
        String table = tempTable("v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setNull(1, Types.VARCHAR, "text");
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(1, scalarLong(conn, "SELECT count(*) FROM " + table + " WHERE v IS NULL"));
    }

    @Test
    void setObjectNullIsNull() throws SQLException {
        assertEquals("true", queryString("SELECT (CAST(? AS int4) IS NULL)::text", ps -> ps.setObject(1, null)));
    }

    @Test
    void setStringNullIsNull() throws SQLException {
        assertEquals("true", queryString("SELECT (CAST(? AS text) IS NULL)::text", ps -> ps.setString(1, null)));
    }

    @Test
    void setBytesNullIsNull() throws SQLException {
        assertEquals("true", queryString("SELECT (CAST(? AS bytea) IS NULL)::text", ps -> ps.setBytes(1, null)));
    }

    // -------------------------------------------------------------------------------------- setObject

    @Test
    void setObjectInfersIntegerTypes() throws SQLException {
        assertEquals("integer", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, 5)));
        assertEquals("bigint", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, 5L)));
    }

    @Test
    void setObjectInfersFloatingTypes() throws SQLException {
        assertEquals("double precision", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, 1.5d)));
        assertEquals("real", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, 1.5f)));
    }

    @Test
    void setObjectInfersNumeric() throws SQLException {
        assertEquals("numeric", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, new BigDecimal("1.5"))));
    }

    @Test
    void setObjectInfersBoolean() throws SQLException {
        assertEquals("boolean", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, Boolean.TRUE)));
    }

    @Test
    void setObjectInfersBytea() throws SQLException {
        assertEquals("bytea", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, new byte[] {1})));
    }

    @Test
    void setObjectInfersUuid() throws SQLException {
        assertEquals("uuid", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, UUID.randomUUID())));
    }

    @Test
    void setObjectInfersDateAndTimeTypes() throws SQLException {
        assertEquals("date", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, LocalDate.of(2024, 1, 2))));
        assertEquals("time without time zone", queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, LocalTime.NOON)));
        assertEquals("timestamp without time zone",
            queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 2, 3, 4))));
        assertEquals("timestamp with time zone",
            queryString("SELECT pg_typeof(?)::text", ps -> ps.setObject(1, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))));
    }

    @Test
    void setObjectSqlDateTypes() throws SQLException {
        assertEquals("2024-05-06", queryString("SELECT CAST(? AS date)::text", ps -> ps.setObject(1, Date.valueOf("2024-05-06"))));
        assertEquals("2024-05-06 07:08:09",
            queryString("SELECT CAST(? AS timestamp)::text", ps -> ps.setObject(1, Timestamp.valueOf("2024-05-06 07:08:09"))));
        assertEquals("07:08:09", queryString("SELECT CAST(? AS time)::text", ps -> ps.setObject(1, Time.valueOf("07:08:09"))));
    }

    @Test
    void setObjectCharacter() throws SQLException {
        assertEquals("x", queryString("SELECT CAST(? AS text)", ps -> ps.setObject(1, 'x')));
    }

    @Test
    void setObjectStringAsInteger() throws SQLException {
        // setObject(i, x, targetSqlType): the driver converts x to the target type.
        assertEquals("43", queryString("SELECT (CAST(? AS int4) + 1)::text", ps -> ps.setObject(1, "42", Types.INTEGER)));
    }

    @Test
    void setObjectIntegerAsVarchar() throws SQLException {
        assertEquals("42", queryString("SELECT CAST(? AS text)", ps -> ps.setObject(1, 42, Types.VARCHAR)));
    }

    @Test
    void setObjectNumberAsNumericWithScale() throws SQLException {
        assertEquals("1.23", queryString("SELECT CAST(? AS numeric)::text",
            ps -> ps.setObject(1, new BigDecimal("1.23456"), Types.NUMERIC, 2)));
    }

    @Test
    void setObjectWithSqlType() throws SQLException {
        assertEquals("7", queryString("SELECT CAST(? AS int8)::text", ps -> ps.setObject(1, 7L, JDBCType.BIGINT)));
    }

    @Test
    void setObjectBooleanAsBit() throws SQLException {
        assertEquals("true", queryString("SELECT CAST(? AS boolean)::text", ps -> ps.setObject(1, true, Types.BIT)));
    }

    @Test
    void setObjectStringAsOtherIntoJsonb() throws SQLException {
        String table = tempTable("doc jsonb");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setObject(1, "{\"a\": [1, 2]}", Types.OTHER);
            ps.executeUpdate();
        }
        assertEquals("{\"a\": [1, 2]}", scalarString("SELECT doc::text FROM " + table));
    }

    @Test
    void setObjectUuidIntoUuidColumn() throws SQLException {
        UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        String table = tempTable("id uuid");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        assertEquals(id.toString(), scalarString("SELECT id::text FROM " + table));
    }

    // ----------------------------------------------------------------------- setString into other types

    @Test
    void setStringIntoIntegerColumn() throws SQLException {
        // Tusk sends strings as "unspecified" so the server reads them as the column's type (DIFFERENCES.md);
        // pgjdbc types them varchar unless stringtype=unspecified.
        String table = tempTable("v int4");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setString(1, "42");
            ps.executeUpdate();
        }
        assertEquals(42L, scalarLong(conn, "SELECT v FROM " + table));
    }

    @Test
    void setStringIntoJsonbColumn() throws SQLException {
        String table = tempTable("doc jsonb");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setString(1, "{\"k\": true}");
            ps.executeUpdate();
        }
        assertEquals("{\"k\": true}", scalarString("SELECT doc::text FROM " + table));
    }

    @Test
    void setStringComparedWithTextColumn() throws SQLException {
        String table = tempTable("name text");
        execute("INSERT INTO " + table + " VALUES ('a'), ('b')");
        assertEquals("b", queryString("SELECT name FROM " + table + " WHERE name = ?", ps -> ps.setString(1, "b")));
    }
}

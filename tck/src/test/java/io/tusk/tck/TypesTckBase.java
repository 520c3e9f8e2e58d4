package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The type table: each core type's edge values, written with {@code setObject} and read with
 * {@code getObject(column, Class)}, read from a SQL literal, and rendered by {@code getString} as the
 * server renders it. Plus arrays.
 */
public abstract class TypesTckBase extends TckBase {

    /**
     * One value of one type.
     *
     * @param name       the case's name in the report
     * @param sqlType    the column type
     * @param literal    the value in the type's input syntax (without quotes)
     * @param value      the Java value that setObject sends and getObject(column, javaClass) returns
     * @param targetType the Types code for setObject, or null for setObject(index, value)
     */
    record TypeCase(String name, String sqlType, String literal, Object value, Integer targetType) {
        Class<?> javaClass() {
            return value.getClass();
        }

        String quotedLiteral() {
            return "'" + literal.replace("'", "''") + "'";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static TypeCase of(String name, String sqlType, String literal, Object value) {
        return new TypeCase(name, sqlType, literal, value, null);
    }

    private static TypeCase other(String name, String sqlType, String literal) {
        return new TypeCase(name, sqlType, literal, literal, Types.OTHER);
    }

    static Stream<TypeCase> cases() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        return Stream.of(
            of("bool true", "boolean", "true", Boolean.TRUE),
            of("bool false", "boolean", "false", Boolean.FALSE),
            of("int2 min", "int2", "-32768", Short.MIN_VALUE),
            of("int2 max", "int2", "32767", Short.MAX_VALUE),
            of("int4 min", "int4", "-2147483648", Integer.MIN_VALUE),
            of("int4 zero", "int4", "0", 0),
            of("int4 max", "int4", "2147483647", Integer.MAX_VALUE),
            of("int8 min", "int8", "-9223372036854775808", Long.MIN_VALUE),
            of("int8 max", "int8", "9223372036854775807", Long.MAX_VALUE),
            of("float4 max", "float4", "3.4028235e+38", Float.MAX_VALUE),
            of("float4 min positive", "float4", "1e-45", Float.MIN_VALUE),
            of("float4 fraction", "float4", "-1.5", -1.5f),
            of("float4 NaN", "float4", "NaN", Float.NaN),
            of("float4 infinity", "float4", "Infinity", Float.POSITIVE_INFINITY),
            of("float4 -infinity", "float4", "-Infinity", Float.NEGATIVE_INFINITY),
            of("float8 max", "float8", "1.7976931348623157e+308", Double.MAX_VALUE),
            of("float8 min positive", "float8", "5e-324", Double.MIN_VALUE),
            of("float8 tenth", "float8", "0.1", 0.1d),
            of("float8 NaN", "float8", "NaN", Double.NaN),
            of("float8 negative zero", "float8", "-0", -0.0d),
            of("float8 infinity", "float8", "Infinity", Double.POSITIVE_INFINITY),
            of("float8 -infinity", "float8", "-Infinity", Double.NEGATIVE_INFINITY),
            of("numeric zero", "numeric", "0", new BigDecimal("0")),
            of("numeric negative", "numeric", "-1.5", new BigDecimal("-1.5")),
            of("numeric trailing zero", "numeric", "1.50", new BigDecimal("1.50")),
            of("numeric wide", "numeric", "12345678901234567890.123456789", new BigDecimal("12345678901234567890.123456789")),
            of("numeric tiny", "numeric", "0.00000000000000000001", new BigDecimal("0.00000000000000000001")),
            of("numeric huge", "numeric", "1" + "0".repeat(40), new BigDecimal("1" + "0".repeat(40))),
            of("text empty", "text", "", ""),
            of("text quotes and backslash", "text", "it's a \"test\" \\ with\ttab", "it's a \"test\" \\ with\ttab"),
            of("text unicode", "text", "\u00e9\u4e2d\ud83d\udc18\u0645", "\u00e9\u4e2d\ud83d\udc18\u0645"),
            of("text multiline", "text", "line 1\nline 2\r\n", "line 1\nline 2\r\n"),
            of("varchar", "varchar(10)", "abc", "abc"),
            of("char padded", "char(5)", "ab   ", "ab   "),
            of("bytea empty", "bytea", "\\x", new byte[0]),
            of("bytea all bytes", "bytea", "\\x" + HexFormat.of().formatHex(allBytes), allBytes),
            of("uuid nil", "uuid", "00000000-0000-0000-0000-000000000000", new UUID(0, 0)),
            of("uuid max", "uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff", new UUID(-1, -1)),
            of("date leap day", "date", "2024-02-29", LocalDate.of(2024, 2, 29)),
            of("date epoch", "date", "1970-01-01", LocalDate.of(1970, 1, 1)),
            of("date year 1", "date", "0001-01-01", LocalDate.of(1, 1, 1)),
            of("date year 9999", "date", "9999-12-31", LocalDate.of(9999, 12, 31)),
            of("date BC", "date", "0044-03-15 BC", LocalDate.of(-43, 3, 15)),
            of("date infinity", "date", "infinity", LocalDate.MAX),
            of("date -infinity", "date", "-infinity", LocalDate.MIN),
            of("date max", "date", "5874897-12-31", LocalDate.of(5874897, 12, 31)),
            of("time midnight", "time", "00:00:00", LocalTime.MIDNIGHT),
            of("time last microsecond", "time", "23:59:59.999999", LocalTime.of(23, 59, 59, 999_999_000)),
            of("time millis", "time", "12:34:56.789", LocalTime.of(12, 34, 56, 789_000_000)),
            of("time 24:00", "time", "24:00:00", LocalTime.MAX),
            of("timestamp micros", "timestamp", "2024-01-02 03:04:05.123456", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)),
            of("timestamp epoch", "timestamp", "1970-01-01 00:00:00", LocalDateTime.of(1970, 1, 1, 0, 0)),
            of("timestamp year 1", "timestamp", "0001-01-01 00:00:00", LocalDateTime.of(1, 1, 1, 0, 0)),
            of("timestamp year 9999", "timestamp", "9999-12-31 23:59:59.999999", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
            of("timestamp max", "timestamp", "294276-12-31 23:59:59.999999",
                LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)),
            of("timestamp infinity", "timestamp", "infinity", LocalDateTime.MAX),
            of("timestamp -infinity", "timestamp", "-infinity", LocalDateTime.MIN),
            of("timestamptz utc", "timestamptz", "2024-01-02 03:04:05.5+00",
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.UTC)),
            of("timestamptz offset", "timestamptz", "2024-06-30 23:59:59+05:30",
                OffsetDateTime.of(2024, 6, 30, 18, 29, 59, 0, ZoneOffset.UTC)),
            of("timestamptz epoch", "timestamptz", "1970-01-01 00:00:00+00", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
            of("timestamptz infinity", "timestamptz", "infinity", OffsetDateTime.MAX),
            of("timetz", "timetz", "12:00:00+02", OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(2))),
            other("json", "json", "{\"b\": 1, \"a\": [1, 2]}"),
            other("jsonb", "jsonb", "{\"a\": [1, 2], \"b\": {\"c\": null}}"),
            other("interval", "interval", "1 year 2 mons 3 days 04:05:06.5"),
            other("inet", "inet", "192.168.0.1/24"),
            other("interval negative parts", "interval", "-1 days +02:03:04"),
            other("interval microsecond", "interval", "00:00:00.000001"),
            other("interval month", "interval", "1 mon"),
            other("numeric NaN", "numeric", "NaN"),
            other("name", "name", "tck_name"),
            other("oid max", "oid", "4294967295"),
            other("char1", "\"char\"", "x"),
            other("money", "money", "$1,234.50"),
            other("xml", "xml", "<a>tck</a>"),
            other("bit", "bit(4)", "1010"),
            other("varbit", "varbit", "101"),
            other("macaddr", "macaddr", "08:00:2b:01:02:03"),
            other("cidr", "cidr", "10.1.0.0/16"),
            other("point", "point", "(1.5,2)"),
            other("box", "box", "(2,2),(0,0)"),
            other("int4range", "int4range", "[1,5)"),
            other("tsrange", "tsrange", "[\"2024-01-01 00:00:00\",\"2024-02-01 00:00:00\")"),
            other("int4 array", "int4[]", "{1,2,NULL}"),
            other("text array", "text[]", "{a,\"b c\",\"\\\"q\\\"\"}"),
            other("domain over name", "information_schema.sql_identifier", "tck_ident"));
    }

    /** Types without an = operator: the stored value is then checked through the read-back only. */
    private static final java.util.Set<String> NO_EQUALITY = java.util.Set.of("json", "xml", "point");

    private static void assertSameValue(Object expected, Object actual) {
        if (expected instanceof byte[] bytes) {
            assertInstanceOf(byte[].class, actual);
            assertArrayEquals(bytes, (byte[]) actual);
        } else if (expected instanceof OffsetDateTime odt && actual instanceof OffsetDateTime other
                && !odt.equals(OffsetDateTime.MAX) && !odt.equals(OffsetDateTime.MIN)) {
            assertTrue(odt.isEqual(other), () -> "expected " + odt + " but was " + other);
        } else if (expected instanceof OffsetTime ot && actual instanceof OffsetTime other) {
            assertTrue(ot.isEqual(other), () -> "expected " + ot + " but was " + other);
        } else {
            assertEquals(expected, actual);
        }
    }

    // ------------------------------------------------------------------------------------- the table

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTrip(TypeCase c) throws SQLException {
        String table = tempTable("v " + c.sqlType());
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            if (c.targetType() == null) {
                ps.setObject(1, c.value());
            } else {
                ps.setObject(1, c.value(), c.targetType());
            }
            ps.executeUpdate();
        }
        // What the server stored, checked by the server, independent of the driver's reading.
        if (!NO_EQUALITY.contains(c.sqlType())) {
            assertEquals(Boolean.TRUE, scalar("SELECT v = CAST(" + c.quotedLiteral() + " AS " + c.sqlType() + ") FROM " + table),
                () -> "stored " + valueText(table));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM " + table); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertSameValue(c.value(), read(rs, c));
        }
    }

    private String valueText(String table) {
        try {
            return scalarString("SELECT v::text FROM " + table);
        } catch (SQLException e) {
            return e.toString();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readLiteral(TypeCase c) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(" + c.quotedLiteral() + " AS " + c.sqlType() + ")")) {
            assertTrue(rs.next());
            assertSameValue(c.value(), read(rs, c));
        }
    }

    /**
     * getObject(1, javaClass); for types without a standard Java class (json, interval …), getString: whether
     * getObject(String.class) converts them is the driver's choice.
     */
    private static Object read(ResultSet rs, TypeCase c) throws SQLException {
        return c.targetType() != null && c.targetType() == Types.OTHER ? rs.getString(1) : rs.getObject(1, c.javaClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void getStringIsServerText(TypeCase c) throws SQLException {
        // getString gives the server's text of the value, however the driver received it: a PreparedStatement
        // run several times, as pgjdbc switches to binary results from the fifth execution.
        // format('%s', v) renders with the type's output function (v::text differs for bool and char(n)).
        String sql = "SELECT CAST(CAST(? AS text) AS " + c.sqlType() + "), format('%s', CAST(CAST(? AS text) AS "
            + c.sqlType() + "))";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < 6; i++) {
                ps.setString(1, c.literal());
                ps.setString(2, c.literal());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    String server = rs.getString(2);
                    assertEquals(server, rs.getString(1), "execution " + (i + 1));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ arrays

    @Test
    void readIntegerArray() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT ARRAY[1, 2, NULL, 4]::int4[]")) {
            assertTrue(rs.next());
            Array array = rs.getArray(1);
            assertEquals("int4", array.getBaseTypeName());
            assertArrayEquals(new Integer[] {1, 2, null, 4}, (Object[]) array.getArray());
        }
    }

    @Test
    void getObjectOfArrayIsSqlArray() throws SQLException {
        // JDBC 4.3 table B-3: ARRAY -> java.sql.Array.
        assertInstanceOf(Array.class, scalar("SELECT ARRAY['a', 'b']::text[]"));
    }

    @Test
    void createArrayOfRoundTrip() throws SQLException {
        String table = tempTable("v text[]");
        Array array = conn.createArrayOf("text", new String[] {"a", "b,c", null, "\"q\""});
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setArray(1, array);
            ps.executeUpdate();
        }
        assertEquals("{a,\"b,c\",NULL,\"\\\"q\\\"\"}", scalarString("SELECT v::text FROM " + table));
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM " + table)) {
            assertTrue(rs.next());
            assertArrayEquals(new String[] {"a", "b,c", null, "\"q\""}, (Object[]) rs.getArray(1).getArray());
        }
    }

    @Test
    void arrayParameterWithAny() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM generate_series(1, 10) v WHERE v = ANY(?)")) {
            ps.setArray(1, conn.createArrayOf("int4", new Integer[] {2, 4, 99}));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void arrayAsStringIsServerText() throws SQLException {
        assertEquals("{1,2,3}", scalarString("SELECT ARRAY[1, 2, 3]"));
        assertEquals("{x,\"y z\"}", scalarString("SELECT ARRAY['x', 'y z']"));
    }
}

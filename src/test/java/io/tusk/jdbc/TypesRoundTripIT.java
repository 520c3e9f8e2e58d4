package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.Interval;
import io.tusk.testing.PgServer;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge values of every core type, in both directions: written as SQL literals and as PreparedStatement
 * parameters (setObject), read back with getObject(i, Class) and getString, through text results (plain
 * Statement, first PreparedStatement runs) and binary results (later runs). The server checks the parameter
 * path independently by comparing with the literal and by printing the value ({@code ::text}).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypesRoundTripIT extends JdbcTestBase {

    /**
     * @param type       the SQL type
     * @param literal    the value as SQL text (unquoted)
     * @param value      the Java value: written with setObject, expected from getObject(i, cls)
     * @param cls        the class to read with
     * @param shown      what getString returns
     * @param cast       what the server prints for {@code value::text}
     * @param minVersion the first server major version that has the value
     */
    record Sample(String type, String literal, Object value, Class<?> cls, String shown, String cast, int minVersion) {
        @Override
        public String toString() {
            String l = literal.length() > 40 ? literal.substring(0, 40) + "…(" + literal.length() + ")" : literal;
            return type + " " + l;
        }
    }

    private static Sample s(String type, String literal, Object value, Class<?> cls) {
        return new Sample(type, literal, value, cls, literal, literal, 12);
    }

    private static Sample s(String type, String literal, Object value, Class<?> cls, String shown) {
        return new Sample(type, literal, value, cls, shown, shown, 12);
    }

    static Stream<Sample> samples() {
        List<Sample> all = new ArrayList<>();
        // integers
        all.add(s("int2", "-32768", Short.MIN_VALUE, Short.class));
        all.add(s("int2", "32767", Short.MAX_VALUE, Short.class));
        all.add(s("int2", "0", (short) 0, Short.class));
        all.add(s("int4", "-2147483648", Integer.MIN_VALUE, Integer.class));
        all.add(s("int4", "2147483647", Integer.MAX_VALUE, Integer.class));
        all.add(s("int8", "-9223372036854775808", Long.MIN_VALUE, Long.class));
        all.add(s("int8", "9223372036854775807", Long.MAX_VALUE, Long.class));
        all.add(s("oid", "0", 0L, Long.class));
        all.add(s("oid", "4294967295", 4294967295L, Long.class));
        // floating point
        all.add(s("float4", "NaN", Float.NaN, Float.class));
        all.add(s("float4", "Infinity", Float.POSITIVE_INFINITY, Float.class));
        all.add(s("float4", "-Infinity", Float.NEGATIVE_INFINITY, Float.class));
        all.add(s("float4", "3.4028235e+38", Float.MAX_VALUE, Float.class));
        all.add(s("float4", "1e-45", Float.MIN_VALUE, Float.class));
        all.add(s("float4", "-0", -0.0f, Float.class));
        all.add(s("float4", "1.1", 1.1f, Float.class));
        all.add(s("float8", "NaN", Double.NaN, Double.class));
        all.add(s("float8", "Infinity", Double.POSITIVE_INFINITY, Double.class));
        all.add(s("float8", "-Infinity", Double.NEGATIVE_INFINITY, Double.class));
        all.add(s("float8", "1.7976931348623157e+308", Double.MAX_VALUE, Double.class));
        all.add(s("float8", "5e-324", Double.MIN_VALUE, Double.class));
        all.add(s("float8", "0.1", 0.1, Double.class));
        all.add(s("float8", "-0", -0.0, Double.class));
        // numeric
        String big = "123456789012345678901234567890.123456789012345678901234567890";
        all.add(s("numeric", big, new BigDecimal(big), BigDecimal.class));
        String tiny = "0." + "0".repeat(999) + "1";
        all.add(s("numeric", tiny, new BigDecimal(tiny), BigDecimal.class));
        all.add(s("numeric", "-1.50", new BigDecimal("-1.50"), BigDecimal.class));
        all.add(s("numeric", "0", BigDecimal.ZERO, BigDecimal.class));
        all.add(s("numeric", "10000000000000000000000", new BigDecimal("10000000000000000000000"), BigDecimal.class));
        all.add(s("numeric", "NaN", Double.NaN, Double.class));
        all.add(new Sample("numeric", "Infinity", Double.POSITIVE_INFINITY, Double.class, "Infinity", "Infinity", 14));
        all.add(new Sample("numeric", "-Infinity", Double.NEGATIVE_INFINITY, Double.class, "-Infinity", "-Infinity", 14));
        // text
        all.add(s("text", "héllo wörld ✓ 😀 日本語 Ω", "héllo wörld ✓ 😀 日本語 Ω", String.class));
        all.add(s("text", "", "", String.class));
        all.add(s("text", "tab\there\nnew line 'single' \"double\" \\back", "tab\there\nnew line 'single' \"double\" \\back",
                String.class));
        String longText = "0123456789".repeat(10_000);
        all.add(s("text", longText, longText, String.class));
        all.add(s("varchar", "v", "v", String.class));
        all.add(new Sample("char(5)", "ab", "ab   ", String.class, "ab   ", "ab", 12));
        all.add(s("name", "a_name", "a_name", String.class));
        all.add(s("\"char\"", "x", "x", String.class));
        // bytea
        all.add(s("bytea", "\\x", new byte[0], byte[].class));
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        all.add(s("bytea", "\\x" + HexFormat.of().formatHex(every), every, byte[].class));
        // uuid
        UUID u = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        all.add(s("uuid", u.toString(), u, UUID.class));
        all.add(s("uuid", "00000000-0000-0000-0000-000000000000", new UUID(0, 0), UUID.class));
        all.add(s("uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff", new UUID(-1, -1), UUID.class));
        // bool
        all.add(new Sample("bool", "true", true, Boolean.class, "t", "true", 12));
        all.add(new Sample("bool", "false", false, Boolean.class, "f", "false", 12));
        // date
        all.add(s("date", "2024-02-29", LocalDate.of(2024, 2, 29), LocalDate.class));
        all.add(s("date", "0001-01-01", LocalDate.of(1, 1, 1), LocalDate.class));
        all.add(s("date", "2000-01-01", LocalDate.of(2000, 1, 1), LocalDate.class));
        all.add(s("date", "1970-01-01", LocalDate.of(1970, 1, 1), LocalDate.class));
        all.add(s("date", "0044-03-15 BC", LocalDate.of(-43, 3, 15), LocalDate.class));
        all.add(s("date", "4713-01-01 BC", LocalDate.of(-4712, 1, 1), LocalDate.class));
        all.add(s("date", "5874897-12-31", LocalDate.of(5874897, 12, 31), LocalDate.class));
        all.add(s("date", "infinity", LocalDate.MAX, LocalDate.class));
        all.add(s("date", "-infinity", LocalDate.MIN, LocalDate.class));
        // timestamp
        all.add(s("timestamp", "2024-01-02 03:04:05.123456", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                LocalDateTime.class));
        all.add(s("timestamp", "2000-01-01 00:00:00", LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.class));
        all.add(s("timestamp", "1999-12-31 23:59:59.999999", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.class));
        all.add(s("timestamp", "1900-06-30 12:00:00.000001", LocalDateTime.of(1900, 6, 30, 12, 0, 0, 1_000),
                LocalDateTime.class));
        all.add(s("timestamp", "4713-01-01 00:00:00 BC", LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDateTime.class));
        all.add(s("timestamp", "294276-12-31 23:59:59.999999",
                LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.class));
        all.add(s("timestamp", "infinity", LocalDateTime.MAX, LocalDateTime.class));
        all.add(s("timestamp", "-infinity", LocalDateTime.MIN, LocalDateTime.class));
        // timestamptz (the session runs in UTC, see setUp)
        all.add(s("timestamptz", "2024-01-02 03:04:05.123456+00",
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC), OffsetDateTime.class));
        all.add(s("timestamptz", "1969-12-31 23:59:59.999999+00",
                OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC), OffsetDateTime.class));
        all.add(s("timestamptz", "0500-01-01 00:00:00+00 BC",
                OffsetDateTime.of(-499, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.class));
        all.add(s("timestamptz", "infinity", OffsetDateTime.MAX, OffsetDateTime.class));
        all.add(s("timestamptz", "-infinity", OffsetDateTime.MIN, OffsetDateTime.class));
        // time, timetz
        all.add(s("time", "00:00:00", LocalTime.MIDNIGHT, LocalTime.class));
        all.add(s("time", "23:59:59.999999", LocalTime.of(23, 59, 59, 999_999_000), LocalTime.class));
        all.add(s("time", "12:00:00.000001", LocalTime.of(12, 0, 0, 1_000), LocalTime.class));
        all.add(s("time", "24:00:00", LocalTime.MAX, LocalTime.class));
        all.add(s("timetz", "12:34:56+05:30", OffsetTime.of(12, 34, 56, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetTime.class));
        all.add(s("timetz", "00:00:00+14", OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(14)), OffsetTime.class));
        all.add(s("timetz", "23:59:59.999999-12", OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHours(-12)),
                OffsetTime.class));
        // interval
        all.add(s("interval", "1 year 2 mons 3 days 04:05:06.789", new Interval(14, 3, 14_706_789_000L),
                Interval.class));
        all.add(s("interval", "00:00:00", Interval.ZERO, Interval.class));
        all.add(s("interval", "-1 days -00:00:01", new Interval(0, -1, -1_000_000L), Interval.class));
        all.add(s("interval", "-178000000 years", new Interval(-2_136_000_000, 0, 0), Interval.class));
        all.add(s("interval", "00:00:00.000001", new Interval(0, 0, 1), Interval.class));
        all.add(new Sample("interval", "infinity", Interval.POSITIVE_INFINITY, Interval.class, "infinity", "infinity",
                17));
        // json, jsonb
        all.add(s("json", "{\"a\": [1, 2.5, \"x\"],  \"b\" : null}", "{\"a\": [1, 2.5, \"x\"],  \"b\" : null}",
                String.class));
        all.add(s("jsonb", "{\"b\":1,\"a\":[true,{\"c\":\"ü\"}]}", "{\"a\": [true, {\"c\": \"ü\"}], \"b\": 1}",
                String.class, "{\"a\": [true, {\"c\": \"ü\"}], \"b\": 1}"));
        all.add(s("jsonb", "\"just a string\"", "\"just a string\"", String.class));
        all.add(s("jsonb", "[]", "[]", String.class));
        return all.stream();
    }

    TypesRoundTripIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void utcSession() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    private static void assertValue(Sample sample, Object actual, String how) {
        String what = how + " " + sample;
        if (sample.value() instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) actual, what);
        } else {
            assertEquals(sample.value(), actual, what);
        }
    }

    private static void checkLiteralRow(Sample sample, ResultSet rs, String how) throws SQLException {
        assertTrue(rs.next(), how);
        assertValue(sample, rs.getObject(1, sample.cls()), how + " getObject");
        assertEquals(sample.shown(), rs.getString(1), how + " getString " + sample);
        assertEquals(sample.cast(), rs.getString(2), how + " ::text " + sample);
    }

    /** The value written in SQL, read in text (Statement, first prepared runs) and binary (later runs). */
    @ParameterizedTest(name = "literal {0}")
    @MethodSource("samples")
    void literal(Sample sample) throws SQLException {
        assumeTrue(pg.serverMajorVersion() >= sample.minVersion(), "needs PostgreSQL " + sample.minVersion());
        String v = quote(sample.literal()) + "::" + sample.type();
        String sql = "SELECT " + v + ", (" + v + ")::text";
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            checkLiteralRow(sample, rs, "Statement");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int round = 1; round <= RUNS_THROUGH_ALL_FORMATS; round++) {
                try (ResultSet rs = ps.executeQuery()) {
                    checkLiteralRow(sample, rs, "PreparedStatement run " + round);
                }
            }
        }
    }

    /** The value sent as a parameter; the server compares it with the literal and prints it. */
    @ParameterizedTest(name = "parameter {0}")
    @MethodSource("samples")
    void parameter(Sample sample) throws SQLException {
        assumeTrue(pg.serverMajorVersion() >= sample.minVersion(), "needs PostgreSQL " + sample.minVersion());
        boolean comparable = !sample.type().equals("json");
        String sql = "SELECT v, v::text, " + (comparable
                ? "v IS NOT DISTINCT FROM " + quote(sample.literal()) + "::" + sample.type()
                : "v::text = " + quote(sample.literal()))
                + " FROM (SELECT ?::" + sample.type() + " AS v) s";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int round = 1; round <= RUNS_THROUGH_ALL_FORMATS; round++) {
                ps.setObject(1, sample.value());
                try (ResultSet rs = ps.executeQuery()) {
                    String how = "run " + round;
                    assertTrue(rs.next());
                    assertEquals(sample.cast(), rs.getString(2), how + " server sees " + sample);
                    assertTrue(rs.getBoolean(3), how + " the server's comparison with the literal " + sample);
                    assertValue(sample, rs.getObject(1, sample.cls()), how + " getObject");
                    assertEquals(sample.shown(), rs.getString(1), how + " getString " + sample);
                }
            }
        }
    }

    /** Each sample inserted into a column of its type in one table, then read back all at once. */
    @ParameterizedTest(name = "column {0}")
    @MethodSource("samples")
    void throughATableColumn(Sample sample) throws SQLException {
        assumeTrue(pg.serverMajorVersion() >= sample.minVersion(), "needs PostgreSQL " + sample.minVersion());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE rt (id int, v " + sample.type() + ")");
        }
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO rt VALUES (?, ?)")) {
            for (int i = 0; i < 3; i++) {
                ins.setInt(1, i);
                ins.setObject(2, sample.value());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (PreparedStatement sel = conn.prepareStatement("SELECT v FROM rt ORDER BY id")) {
            for (int round = 0; round < RUNS_THROUGH_ALL_FORMATS; round++) {
                try (ResultSet rs = sel.executeQuery()) {
                    for (int i = 0; i < 3; i++) {
                        assertTrue(rs.next());
                        assertValue(sample, rs.getObject(1, sample.cls()), "row " + i + " round " + round);
                    }
                }
            }
        }
    }
}

package io.tusk.internal.codec;

import io.tusk.Interval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Edge values of every built-in type with a codec, in the style of asyncpg's {@code type_samples}: the
 * Java value getObject returns, and the exact text the server prints for it (DateStyle ISO,
 * IntervalStyle postgres, TimeZone UTC, default extra_float_digits). The unit tests check the codecs
 * against this table without a server; CodecsIT checks the table and the codecs against the server.
 */
public final class CodecSamples {

    /**
     * @param type             the type name as the SQL cast writes it (the codec's typname)
     * @param value            what decodeObject gives
     * @param text             what the server prints; also a valid literal for the type
     * @param minServerVersion the first major version that has this value
     */
    public record Sample(String type, Object value, String text, int minServerVersion) {
        @Override
        public String toString() {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
            return type + " " + shown;
        }
    }

    private static final List<Sample> ALL = new ArrayList<>();

    static {
        add("bool", true, "t");
        add("bool", false, "f");

        add("int2", (short) 0, "0");
        add("int2", Short.MAX_VALUE, "32767");
        add("int2", Short.MIN_VALUE, "-32768");
        add("int4", 0, "0");
        add("int4", 42, "42");
        add("int4", Integer.MAX_VALUE, "2147483647");
        add("int4", Integer.MIN_VALUE, "-2147483648");
        add("int8", 0L, "0");
        add("int8", 1L << 40, "1099511627776");
        add("int8", Long.MAX_VALUE, "9223372036854775807");
        add("int8", Long.MIN_VALUE, "-9223372036854775808");
        add("oid", 0L, "0");
        add("oid", 2147483648L, "2147483648");
        add("oid", 4294967295L, "4294967295");

        add("float4", 0f, "0");
        add("float4", -0f, "-0");
        add("float4", 1.5f, "1.5");
        add("float4", 0.1f, "0.1");
        add("float4", 3.1415927f, "3.1415927");
        add("float4", 123456f, "123456");
        add("float4", 1e6f, "1e+06");
        add("float4", 0.0001f, "0.0001");
        add("float4", 1e-5f, "1e-05");
        add("float4", Float.MAX_VALUE, "3.4028235e+38");
        add("float4", -Float.MIN_NORMAL, "-1.1754944e-38");
        add("float4", Float.MIN_VALUE, "1e-45");
        add("float4", Float.NaN, "NaN");
        add("float4", Float.POSITIVE_INFINITY, "Infinity");
        add("float4", Float.NEGATIVE_INFINITY, "-Infinity");
        add("float8", 0d, "0");
        add("float8", -0d, "-0");
        add("float8", 1.5, "1.5");
        add("float8", 0.1, "0.1");
        add("float8", 0.1 + 0.2, "0.30000000000000004");
        add("float8", 1e10, "10000000000");
        add("float8", 123456789012345d, "123456789012345");
        add("float8", 1e15, "1e+15");
        add("float8", 0.0001, "0.0001");
        add("float8", 1e-5, "1e-05");
        add("float8", 1e100, "1e+100");
        add("float8", -1.25e-300, "-1.25e-300");
        add("float8", 9007199254740993d, "9.007199254740992e+15");
        add("float8", 999999999999999d, "999999999999999");
        add("float8", Double.MAX_VALUE, "1.7976931348623157e+308");
        add("float8", Double.MIN_VALUE, "5e-324");
        add("float8", Double.MIN_NORMAL, "2.2250738585072014e-308");
        add("float8", Double.NaN, "NaN");
        add("float8", Double.POSITIVE_INFINITY, "Infinity");
        add("float8", Double.NEGATIVE_INFINITY, "-Infinity");

        for (String n : new String[] {"0", "0.00", "0.0001", "1.50", "-1.50", "-0.5", "9999.9999", "10000", "100000000",
                "123456789012345678901234567890.123456789", "-99999999999999999999.99999999999999999999"}) {
            add("numeric", new BigDecimal(n), n);
        }
        String tiny = "0." + "0".repeat(1000) + "1";
        add("numeric", new BigDecimal(tiny), tiny);
        String huge = "1" + "0".repeat(1000);
        add("numeric", new BigDecimal(huge), huge);
        String wide = "9".repeat(300) + "." + "9".repeat(1200);
        add("numeric", new BigDecimal(wide), wide);
        // the largest numeric: 36864 base-10000 digits, more than a signed int16 ndigits could count
        String max = "9".repeat(131072) + "." + "9".repeat(16383);
        add("numeric", new BigDecimal(max), max);
        add("numeric", Double.NaN, "NaN");
        ALL.add(new Sample("numeric", Double.POSITIVE_INFINITY, "Infinity", 14));
        ALL.add(new Sample("numeric", Double.NEGATIVE_INFINITY, "-Infinity", 14));

        for (String s : new String[] {"", "hello", "it's \"quoted\" \\ backslash", "héllo ☃ 😀 \t\n"}) {
            add("text", s, s);
        }
        add("varchar", "abc", "abc");
        add("bpchar", "ab  ", "ab  ");
        add("name", "pg_class", "pg_class");
        add("char", "a", "a");
        add("char", "", "");
        ALL.add(new Sample("char", "\\201", "\\201", 15));

        add("bytea", new byte[0], "\\x");
        add("bytea", new byte[] {1, 2, (byte) 0xff}, "\\x0102ff");
        byte[] all = new byte[256];
        StringBuilder hex = new StringBuilder("\\x");
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
            hex.append(String.format("%02x", i));
        }
        add("bytea", all, hex.toString());

        add("uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        add("uuid", new UUID(0, 0), "00000000-0000-0000-0000-000000000000");
        add("uuid", new UUID(-1, -1), "ffffffff-ffff-ffff-ffff-ffffffffffff");

        add("json", "{\"a\": 1,  \"b\":[1,2]}", "{\"a\": 1,  \"b\":[1,2]}");
        add("json", "\"héllo\"", "\"héllo\"");
        add("jsonb", "{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": null}}", "{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": null}}");
        add("jsonb", "\"héllo\"", "\"héllo\"");

        add("date", LocalDate.of(2024, 1, 2), "2024-01-02");
        add("date", LocalDate.of(2000, 1, 1), "2000-01-01");
        add("date", LocalDate.of(1999, 12, 31), "1999-12-31");
        add("date", LocalDate.of(1, 1, 1), "0001-01-01");
        add("date", LocalDate.of(0, 12, 31), "0001-12-31 BC");
        add("date", LocalDate.of(-43, 3, 15), "0044-03-15 BC");
        add("date", LocalDate.of(-4713, 11, 24), "4714-11-24 BC");
        add("date", LocalDate.of(5874897, 12, 31), "5874897-12-31");
        add("date", LocalDate.MAX, "infinity");
        add("date", LocalDate.MIN, "-infinity");

        add("time", LocalTime.MIDNIGHT, "00:00:00");
        add("time", LocalTime.of(3, 4, 5, 123_456_000), "03:04:05.123456");
        add("time", LocalTime.of(12, 0, 0, 500_000_000), "12:00:00.5");
        add("time", LocalTime.of(23, 59, 59, 999_999_000), "23:59:59.999999");
        add("time", LocalTime.MAX, "24:00:00");

        add("timetz", OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)), "03:04:05+05:30");
        add("timetz", OffsetTime.of(3, 4, 5, 500_000_000, ZoneOffset.ofHours(-8)), "03:04:05.5-08");
        add("timetz", OffsetTime.of(0, 0, 0, 0, ZoneOffset.UTC), "00:00:00+00");
        add("timetz", OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 34, 8)), "12:00:00+01:34:08");
        add("timetz", OffsetTime.of(LocalTime.MAX, ZoneOffset.ofHoursMinutes(-15, -59)), "24:00:00-15:59");
        add("timetz", OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHours(14)), "23:59:59.999999+14");

        add("timestamp", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), "2024-01-02 03:04:05.123456");
        add("timestamp", LocalDateTime.of(2000, 1, 1, 0, 0), "2000-01-01 00:00:00");
        add("timestamp", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), "1999-12-31 23:59:59.999999");
        add("timestamp", LocalDateTime.of(1900, 1, 1, 0, 0), "1900-01-01 00:00:00");
        add("timestamp", LocalDateTime.of(-43, 3, 15, 12, 0), "0044-03-15 12:00:00 BC");
        add("timestamp", LocalDateTime.of(-4713, 11, 24, 0, 0), "4714-11-24 00:00:00 BC");
        add("timestamp", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), "294276-12-31 23:59:59.999999");
        add("timestamp", LocalDateTime.MAX, "infinity");
        add("timestamp", LocalDateTime.MIN, "-infinity");

        add("timestamptz", utc(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000)), "2024-01-02 03:04:05.5+00");
        add("timestamptz", utc(LocalDateTime.of(2000, 1, 1, 0, 0)), "2000-01-01 00:00:00+00");
        add("timestamptz", utc(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)), "1969-12-31 23:59:59.999999+00");
        add("timestamptz", utc(LocalDateTime.of(-43, 3, 15, 12, 0)), "0044-03-15 12:00:00+00 BC");
        add("timestamptz", utc(LocalDateTime.of(-4713, 11, 24, 0, 0)), "4714-11-24 00:00:00+00 BC");
        add("timestamptz", utc(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)), "294276-12-31 23:59:59.999999+00");
        add("timestamptz", OffsetDateTime.MAX, "infinity");
        add("timestamptz", OffsetDateTime.MIN, "-infinity");

        add("interval", Interval.ZERO, "00:00:00");
        add("interval", new Interval(14, 3, 14_706_700_000L), "1 year 2 mons 3 days 04:05:06.7");
        add("interval", new Interval(-14, 3, -14_706_000_000L), "-1 years -2 mons +3 days -04:05:06");
        add("interval", new Interval(1, -1, 0), "1 mon -1 days");
        add("interval", new Interval(0, 1, 0), "1 day");
        add("interval", new Interval(0, 0, 129_600_000_000L), "36:00:00");
        add("interval", new Interval(0, 0, -1), "-00:00:00.000001");
        add("interval", new Interval(0, -2, 3_600_000_000L), "-2 days +01:00:00");
        add("interval", new Interval(Integer.MAX_VALUE, 0, 0), "178956970 years 7 mons");
        add("interval", new Interval(0, 0, 3_600_000_000_000_000L), "1000000:00:00");
        ALL.add(new Sample("interval", Interval.POSITIVE_INFINITY, "infinity", 17));
        ALL.add(new Sample("interval", Interval.NEGATIVE_INFINITY, "-infinity", 17));
    }

    private CodecSamples() {
    }

    private static void add(String type, Object value, String text) {
        ALL.add(new Sample(type, value, text, 0));
    }

    private static OffsetDateTime utc(LocalDateTime t) {
        return OffsetDateTime.of(t, ZoneOffset.UTC);
    }

    public static List<Sample> all() {
        return List.copyOf(ALL);
    }

    public static List<Sample> of(String... types) {
        List<String> wanted = Arrays.asList(types);
        return ALL.stream().filter(s -> wanted.contains(s.type())).toList();
    }

    /** The types the issue lists: each must have a binary codec. */
    public static List<String> binaryTypes() {
        return List.of("bool", "int2", "int4", "int8", "float4", "float8", "numeric", "text", "varchar", "bpchar",
                "name", "char", "bytea", "uuid", "date", "time", "timetz", "timestamp", "timestamptz", "interval",
                "json", "jsonb", "oid");
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

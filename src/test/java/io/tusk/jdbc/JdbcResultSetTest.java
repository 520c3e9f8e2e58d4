package io.tusk.jdbc;

import io.tusk.internal.row.Column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.row.RowData;
import io.tusk.internal.protocol.message.backend.BackendMessages;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.session.RowDescriptor;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every getter over rows fabricated as the server sends them, once in text and once in binary
 * format: the values are written as PostgreSQL text and, for binary, encoded by the column's codec.
 */
class JdbcResultSetTest {

    /** Builds a result from columns and rows of PostgreSQL text, in text or binary wire format. */
    static final class Result {
        private final boolean binary;
        private final List<Column> fields = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();

        Result(boolean binary) {
            this.binary = binary;
        }

        Result column(String name, int oid) {
            return column(name, oid, 0, 0, -1);
        }

        Result column(String name, int oid, int tableOid, int attnum, int typmod) {
            boolean asBinary = binary && CodecRegistry.builtin().forOid(oid).supportsBinary();
            fields.add(new Column(name, tableOid, (short) attnum, oid, (short) -1, typmod,
                    (short) (asBinary ? 1 : 0)));
            return this;
        }

        Result row(String... values) {
            rows.add(values);
            return this;
        }

        RowDescriptor descriptor() {
            return new RowDescriptor(fields.toArray(new Column[0]), CodecRegistry.builtin());
        }

        List<RowData> rowData(RowDescriptor descriptor) throws Exception {
            List<RowData> out = new ArrayList<>();
            for (String[] row : rows) {
                byte[][] values = new byte[row.length][];
                for (int i = 0; i < row.length; i++) {
                    Codec codec = descriptor.codec(i);
                    values[i] = row[i] == null ? null : descriptor.binary(i) ? codec.encodeBinary(row[i])
                            : row[i].getBytes(StandardCharsets.UTF_8);
                }
                out.add(dataRow(values));
            }
            return out;
        }

        JdbcResultSet open(int type) throws Exception {
            RowDescriptor descriptor = descriptor();
            return new JdbcResultSet(null, descriptor, rowData(descriptor), type, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.HOLD_CURSORS_OVER_COMMIT, 0, null);
        }

        /** Positioned on the first row. */
        JdbcResultSet first() throws Exception {
            JdbcResultSet rs = open(ResultSet.TYPE_FORWARD_ONLY);
            assertTrue(rs.next());
            return rs;
        }
    }

    /** A RowData as the engine makes it: from a DataRow message. */
    static RowData dataRow(byte[]... values) throws Exception {
        ByteBuf buf = Unpooled.buffer();
        buf.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                buf.writeInt(-1);
            } else {
                buf.writeInt(v.length).writeBytes(v);
            }
        }
        try {
            return ((DataRowMessage) BackendMessages.parse((byte) 'D', buf)).row();
        } finally {
            buf.release();
        }
    }

    static void assertSqlState(String state, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(state, e.getSQLState(), e.getMessage());
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void numbers(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("i2", Oids.INT2).column("i4", Oids.INT4)
                .column("i8", Oids.INT8).column("f4", Oids.FLOAT4).column("f8", Oids.FLOAT8)
                .column("n", Oids.NUMERIC).row("-7", "123456", "9007199254740993", "1.5", "2.25", "12.345").first();
        assertEquals(-7, rs.getShort(1));
        assertEquals(-7, rs.getByte(1));
        assertEquals(-7, rs.getInt(1));
        assertEquals(Integer.valueOf(-7), rs.getObject(1), "smallint reads as Integer, as JDBC maps it");
        assertEquals(123456, rs.getInt(2));
        assertEquals(123456L, rs.getLong(2));
        assertEquals(Integer.valueOf(123456), rs.getObject(2));
        assertEquals(9007199254740993L, rs.getLong(3));
        assertEquals(Long.valueOf(9007199254740993L), rs.getObject("i8"));
        assertEquals(1.5f, rs.getFloat(4));
        assertEquals(1.5, rs.getDouble(4));
        assertEquals(Float.valueOf(1.5f), rs.getObject(4));
        assertEquals(2.25, rs.getDouble(5));
        assertEquals(new BigDecimal("2.25"), rs.getBigDecimal(5));
        assertEquals(new BigDecimal("12.345"), rs.getBigDecimal(6));
        assertEquals(new BigDecimal("12.345"), rs.getObject(6));
        assertEquals(12, rs.getInt(6), "a fraction is truncated");
        assertEquals("12.345", rs.getString(6));
        assertEquals("123456", rs.getString("I4"));
        assertEquals(BigInteger.valueOf(123456), rs.getObject(2, BigInteger.class));
        assertEquals(Long.valueOf(123456), rs.getObject(2, Long.class));
        assertEquals(Integer.valueOf(123456), rs.getObject(2, int.class));
        assertFalse(rs.wasNull());
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("deprecation")
    void bigDecimalWithScaleRoundsHalfUp(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("n", Oids.NUMERIC).row("2.345").first();
        assertEquals(new BigDecimal("2.35"), rs.getBigDecimal(1, 2));
        assertEquals(new BigDecimal("2"), rs.getBigDecimal("n", 0));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void narrowingOutOfRangeIs22003(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("i4", Oids.INT4).column("i8", Oids.INT8)
                .row("300", "4294967296").first();
        assertSqlState("22003", () -> rs.getByte(1));
        assertEquals(300, rs.getShort(1));
        assertSqlState("22003", () -> rs.getShort(2));
        assertSqlState("22003", () -> rs.getInt(2));
        assertEquals(4294967296L, rs.getLong(2));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void conversionErrorsKeepTheCodecsSqlState(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("t", Oids.TEXT).column("u", Oids.UUID)
                .row("abc", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").first();
        assertSqlState("22P02", () -> rs.getInt(1));
        assertSqlState("42804", () -> rs.getInt(2));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void textBoolBytesUuid(boolean binary) throws Exception {
        String uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        JdbcResultSet rs = new Result(binary).column("t", Oids.TEXT).column("b", Oids.BOOL)
                .column("bytes", Oids.BYTEA).column("u", Oids.UUID).column("v", Oids.VARCHAR)
                .row("héllo", "t", "\\x00ff10", uuid, "42").first();
        assertEquals("héllo", rs.getString(1));
        assertEquals("héllo", rs.getNString(1));
        assertEquals("héllo", rs.getObject(1));
        assertTrue(rs.getBoolean(2));
        assertEquals(Boolean.TRUE, rs.getObject(2));
        assertEquals("t", rs.getString(2));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, rs.getBytes(3));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) rs.getObject(3));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, rs.getBinaryStream(3).readAllBytes());
        assertEquals(UUID.fromString(uuid), rs.getObject(4));
        assertEquals(UUID.fromString(uuid), rs.getObject(4, UUID.class));
        assertEquals(uuid, rs.getString(4));
        assertEquals(42, rs.getInt(5), "a number in a varchar reads as a number");
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void streamsAndUrl(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("t", Oids.TEXT).column("url", Oids.TEXT)
                .row("abc", "https://example.com/x?y=1").first();
        assertEquals("abc", readAll(rs.getCharacterStream(1)));
        try (InputStream ascii = rs.getAsciiStream(1)) {
            assertEquals("abc", new String(ascii.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertEquals("abc", readAll(rs.getNCharacterStream("t")));
        assertEquals(new URL("https://example.com/x?y=1"), rs.getURL(2));
        assertSqlState("22P02", () -> rs.getURL(1));
    }

    private static String readAll(Reader reader) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void sqlNullGivesJdbcDefaultsAndWasNull(boolean binary) throws Exception {
        Result r = new Result(binary);
        int[] oids = {Oids.INT4, Oids.INT8, Oids.INT2, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC, Oids.BOOL, Oids.TEXT,
            Oids.BYTEA, Oids.DATE, Oids.TIME, Oids.TIMESTAMP, Oids.TIMESTAMPTZ, Oids.UUID};
        for (int oid : oids) {
            r.column("c" + oid, oid);
        }
        JdbcResultSet rs = r.row(new String[oids.length]).first();
        for (int i = 1; i <= oids.length; i++) {
            int c = i;
            assertEquals(0, rs.getInt(c));
            assertTrue(rs.wasNull());
            assertNullEverywhere(rs, c);
        }
        rs.close();
    }

    private static void assertNullEverywhere(JdbcResultSet rs, int c) throws Exception {
        assertEquals(0L, rs.getLong(c));
        assertEquals(0, rs.getShort(c));
        assertEquals(0, rs.getByte(c));
        assertEquals(0f, rs.getFloat(c));
        assertEquals(0.0, rs.getDouble(c));
        assertFalse(rs.getBoolean(c));
        assertNull(rs.getBigDecimal(c));
        assertNull(rs.getString(c));
        assertNull(rs.getNString(c));
        assertNull(rs.getBytes(c));
        assertNull(rs.getDate(c));
        assertNull(rs.getTime(c));
        assertNull(rs.getTimestamp(c));
        assertNull(rs.getTimestamp(c, Calendar.getInstance()));
        assertNull(rs.getObject(c));
        assertNull(rs.getObject(c, Integer.class));
        assertNull(rs.getObject(c, Timestamp.class));
        assertNull(rs.getObject(c, Map.of()));
        assertNull(rs.getBinaryStream(c));
        assertNull(rs.getAsciiStream(c));
        assertNull(rs.getCharacterStream(c));
        assertNull(rs.getURL(c));
        assertTrue(rs.wasNull());
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void dateTimeTypesAsJavaSqlAndJavaTime(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("d", Oids.DATE).column("t", Oids.TIME)
                .column("ts", Oids.TIMESTAMP).column("tstz", Oids.TIMESTAMPTZ).column("ttz", Oids.TIMETZ)
                .row("2024-02-29", "13:14:15.123456", "2024-02-29 13:14:15.123456", "2024-02-29 13:14:15.5+02",
                        "13:14:15+02")
                .first();
        LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000);
        assertEquals(Date.valueOf(LocalDate.of(2024, 2, 29)), rs.getDate(1));
        assertEquals(Date.valueOf(LocalDate.of(2024, 2, 29)), rs.getObject(1));
        assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(1, LocalDate.class));
        assertEquals(Timestamp.valueOf(LocalDate.of(2024, 2, 29).atStartOfDay()), rs.getTimestamp(1));

        Time time = rs.getTime(2);
        assertEquals(LocalTime.of(13, 14, 15), time.toLocalTime());
        assertEquals(123, Math.floorMod(time.getTime(), 1000), "milliseconds are kept");
        assertInstanceOf(Time.class, rs.getObject(2));
        assertEquals(LocalTime.of(13, 14, 15, 123_456_000), rs.getObject(2, LocalTime.class));

        assertEquals(Timestamp.valueOf(ts), rs.getTimestamp(3));
        assertEquals(Timestamp.valueOf(ts), rs.getObject(3));
        assertEquals(Timestamp.valueOf(ts), rs.getObject(3, Timestamp.class));
        assertEquals(Timestamp.valueOf(ts), rs.getObject(3, java.util.Date.class));
        assertEquals(ts, rs.getObject(3, LocalDateTime.class));
        assertEquals(Date.valueOf(LocalDate.of(2024, 2, 29)), rs.getDate(3));
        assertEquals(LocalTime.of(13, 14, 15), rs.getTime(3).toLocalTime());
        assertEquals(Timestamp.valueOf(ts).getTime(), rs.getObject(3, Calendar.class).getTimeInMillis());

        OffsetDateTime tstz = OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000, ZoneOffset.ofHours(2));
        Timestamp instant = Timestamp.from(tstz.toInstant());
        assertEquals(instant, rs.getTimestamp(4));
        assertEquals(instant, rs.getObject(4));
        assertEquals(instant, rs.getTimestamp(4, Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"))),
                "a timestamptz is an instant whatever the calendar");
        assertEquals(tstz.toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant());

        Time timetz = rs.getTime(5);
        assertEquals(OffsetTime.of(13, 14, 15, 0, ZoneOffset.ofHours(2)).atDate(LocalDate.of(1970, 1, 1))
                .toInstant().toEpochMilli(), timetz.getTime());
        assertInstanceOf(Time.class, rs.getObject(5));
        assertEquals(OffsetTime.of(13, 14, 15, 0, ZoneOffset.ofHours(2)), rs.getObject(5, OffsetTime.class));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void calendarGivesTheZoneOfTimestampsWithoutOne(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("ts", Oids.TIMESTAMP).column("d", Oids.DATE)
                .column("t", Oids.TIME).row("2024-07-01 10:00:00.25", "2024-07-01", "10:00:00").first();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        long utcMillis = LocalDateTime.of(2024, 7, 1, 10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals(utcMillis + 250, rs.getTimestamp(1, utc).getTime());
        assertEquals(250_000_000, rs.getTimestamp("ts", utc).getNanos());
        assertEquals(utcMillis + 250 - 9 * 3_600_000, rs.getTimestamp(1, tokyo).getTime());
        assertEquals(utcMillis - 10 * 3_600_000, rs.getDate(2, utc).getTime());
        assertEquals(utcMillis - 10 * 3_600_000 - 9 * 3_600_000, rs.getDate("d", tokyo).getTime());
        assertEquals(10 * 3_600_000, rs.getTime(3, utc).getTime());
        assertEquals(3_600_000, rs.getTime("t", tokyo).getTime());
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void infinityIsPgjdbcsMillisecondValue(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("ts", Oids.TIMESTAMP).column("tstz", Oids.TIMESTAMPTZ)
                .column("d", Oids.DATE).row("infinity", "-infinity", "infinity").first();
        assertEquals(9223372036825200000L, rs.getTimestamp(1).getTime());
        assertEquals(9223372036825200000L, ((Timestamp) rs.getObject(1)).getTime());
        assertEquals(-9223372036832400000L, rs.getTimestamp(2).getTime());
        assertEquals(9223372036825200000L, rs.getDate(3).getTime());
        assertEquals(LocalDateTime.MAX, rs.getObject(1, LocalDateTime.class));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void datesBeforeTheCalendarReformAndBeforeChrist(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("d", Oids.DATE).column("ts", Oids.TIMESTAMP)
                .row("1500-03-01", "0044-03-15 12:00:00 BC").first();
        assertEquals("1500-03-01", rs.getDate(1).toString(), "same calendar day as PostgreSQL prints");
        Timestamp bc = rs.getTimestamp(2);
        Calendar c = Calendar.getInstance();
        c.setTime(bc);
        assertEquals(java.util.GregorianCalendar.BC, c.get(Calendar.ERA));
        assertEquals(44, c.get(Calendar.YEAR));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void unsupportedTypesAre0A000(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("i", Oids.INT4).row("1").first();
        for (Executable call : List.<Executable>of(() -> rs.getBlob(1), () -> rs.getClob(1),
                () -> rs.getNClob(1), () -> rs.getRef(1), () -> rs.getRowId(1), () -> rs.getSQLXML(1),
                () -> rs.getObject(1, Map.of("t", String.class)), rs::getCursorName)) {
            SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, call);
            assertEquals("0A000", e.getSQLState());
        }
        assertEquals(1, rs.getObject(1, Map.of()));
        assertSqlState("22023", () -> rs.getObject(1, (Class<?>) null));
        // arrays are supported: on a column that is no array, asking for one is a type mismatch
        assertSqlState("42804", () -> rs.getArray(1));
        assertSqlState("42804", () -> rs.getArray("i"));
        assertSqlState("42804", () -> rs.getObject(1, java.sql.Array.class));
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void unknownTypesReadAsText(boolean binary) throws Exception {
        JdbcResultSet rs = new Result(binary).column("addr", Oids.INET).row("10.0.0.1/8").first();
        assertEquals("10.0.0.1/8", rs.getString(1));
        assertEquals("10.0.0.1/8", rs.getObject(1));
    }
}

package io.tusk.internal.codec.array;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binary arrays: the wire layout, round trips through Java arrays, Lists and primitive arrays, errors. */
class ArrayCodecTest {
    private final Codec int4s = codec("_int4");
    private final Codec texts = codec("_text");

    /** Encodes with the codec, then reads back both the Java value and the server's text. */
    private static Object roundTrip(Codec c, Object value) throws SQLException {
        byte[] wire = c.encodeBinary(value);
        return binary(c::decodeObject, wire);
    }

    private static String textOf(Codec c, Object value) throws SQLException {
        return binary(c::decodeString, c.encodeBinary(value));
    }

    @Test
    void wireLayoutIsArraySend() throws SQLException {
        byte[] wire = int4s.encodeBinary(new Integer[] {7, null});
        ByteBuffer b = ByteBuffer.wrap(wire);
        assertEquals(1, b.getInt(), "ndim");
        assertEquals(1, b.getInt(), "has nulls");
        assertEquals(23, b.getInt(), "element oid");
        assertEquals(2, b.getInt(), "length");
        assertEquals(1, b.getInt(), "lower bound");
        assertEquals(4, b.getInt());
        assertEquals(7, b.getInt());
        assertEquals(-1, b.getInt(), "NULL");
        assertFalse(b.hasRemaining());
        assertEquals(0, ByteBuffer.wrap(int4s.encodeBinary(new int[] {1})).getInt(4), "no nulls flag");
    }

    @Test
    void oneDimensionRoundTrips() throws SQLException {
        assertArrayEquals(new Integer[] {1, -2, Integer.MAX_VALUE}, (Integer[]) roundTrip(int4s, new int[] {1, -2, Integer.MAX_VALUE}));
        assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) roundTrip(int4s, Arrays.asList(1, null, 3)));
        assertEquals("{1,NULL,3}", textOf(int4s, new Integer[] {1, null, 3}));
        assertArrayEquals(new Long[] {1L, 2L}, (Long[]) roundTrip(codec("_int8"), new long[] {1, 2}));
        assertArrayEquals(new Short[] {1, 2}, (Short[]) roundTrip(codec("_int2"), new short[] {1, 2}));
        assertArrayEquals(new Double[] {1.5, -0.0}, (Double[]) roundTrip(codec("_float8"), new double[] {1.5, -0.0}));
        assertArrayEquals(new Float[] {1.5f}, (Float[]) roundTrip(codec("_float4"), new float[] {1.5f}));
        assertArrayEquals(new Boolean[] {true, false}, (Boolean[]) roundTrip(codec("_bool"), new boolean[] {true, false}));
        assertEquals("{t,f}", textOf(codec("_bool"), new boolean[] {true, false}));
        UUID u = new UUID(1, 2);
        assertArrayEquals(new UUID[] {u}, (UUID[]) roundTrip(codec("_uuid"), new UUID[] {u}));
        assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 1, 2)},
                (LocalDate[]) roundTrip(codec("_date"), List.of(LocalDate.of(2024, 1, 2))));
        OffsetDateTime t = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        assertArrayEquals(new OffsetDateTime[] {t.withOffsetSameInstant(ZoneOffset.UTC)},
                (OffsetDateTime[]) roundTrip(codec("_timestamptz"), new OffsetDateTime[] {t}));
        assertEquals("{\"2024-01-02 01:04:05+00\"}", textOf(codec("_timestamptz"), new OffsetDateTime[] {t}));
        assertEquals("{\"1 year 2 mons\"}", textOf(codec("_interval"), new Interval[] {new Interval(14, 0, 0)}));
    }

    @Test
    void emptyArraysHaveNoDimensions() throws SQLException {
        byte[] wire = int4s.encodeBinary(new Integer[0]);
        assertEquals(12, wire.length);
        assertEquals(0, BigEndian.getInt(wire, 0));
        assertEquals(23, BigEndian.getInt(wire, 8));
        assertArrayEquals(new Integer[0], (Integer[]) binary(int4s::decodeObject, wire));
        assertEquals("{}", binary(int4s::decodeString, wire));
        assertArrayEquals(wire, int4s.encodeBinary(new Integer[][] {{}, {}}), "any zero length is the empty array");
        assertArrayEquals(wire, int4s.encodeBinary(List.of()));
        assertEquals(List.of(), int4s.decode(List.class, wire, 0, wire.length, true));
        assertArrayEquals(new int[0], int4s.decode(int[].class, wire, 0, wire.length, true));
        assertArrayEquals(new Integer[0][], int4s.decode(Integer[][].class, wire, 0, wire.length, true));
    }

    @Test
    void multiDimensionalArraysNest() throws SQLException {
        Integer[][] square = {{1, 2}, {3, null}};
        Object back = roundTrip(int4s, square);
        assertInstanceOf(Integer[][].class, back);
        assertTrue(Arrays.deepEquals(square, (Integer[][]) back));
        assertEquals("{{1,2},{3,NULL}}", textOf(int4s, square));
        assertEquals("{{{1},{2}}}", textOf(int4s, new int[][][] {{{1}, {2}}}));
        assertEquals("{{1,2},{3,4}}", textOf(int4s, List.of(List.of(1, 2), new int[] {3, 4})));
        byte[] wire = int4s.encodeBinary(square);
        assertEquals(List.of(List.of(1, 2), Arrays.asList(3, null)), int4s.decode(List.class, wire, 0, wire.length, true));
        assertTrue(Arrays.deepEquals(new String[][] {{"1", "2"}, {"3", null}},
                int4s.decode(String[][].class, wire, 0, wire.length, true)));
        assertEquals("{{1,2},{3,NULL}}", int4s.decode(String.class, wire, 0, wire.length, true));
        assertSqlState("42804", "of 2 dimensions to Integer[]", () -> int4s.decode(Integer[].class, wire, 0, wire.length, true));
        assertSqlState("22004", "NULL element", () -> int4s.decode(int[][].class, wire, 0, wire.length, true));
    }

    @Test
    void raggedOrTooDeepJavaArraysAreRefused() {
        assertSqlState("2202E", "matching dimensions", () -> int4s.encodeBinary(new Integer[][] {{1, 2}, {3}}));
        assertSqlState("2202E", "matching dimensions", () -> int4s.encodeBinary(new Object[] {1, new Integer[] {2}}));
        assertSqlState("2202E", "matching dimensions", () -> int4s.encodeBinary(new Integer[][] {{1}, null}));
        assertSqlState("54000", "dimensions: 7", () -> int4s.encodeBinary(new int[][][][][][][] {{{{{{{1}}}}}}}));
        assertFalse(int4s.canEncode(new Integer[][] {{1, 2}, {3}}));
    }

    @Test
    void elementsGoThroughTheElementCodec() throws SQLException {
        assertTrue(int4s.canEncode(new Object[] {1, (short) 2, 3L}));
        assertTrue(int4s.canEncode(new String[] {"1"}), "strings are element text");
        assertFalse(int4s.canEncode(new Object[] {new UUID(1, 2)}));
        assertFalse(int4s.canEncode(new Long[] {1L << 40}), "out of range");
        assertFalse(int4s.canEncode("{1,2}"), "a String is text for the server to read");
        assertFalse(int4s.canEncode(42));
        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) roundTrip(int4s, new String[] {" 1", "2"}));
        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) roundTrip(int4s, "{1,2}"));
        assertSqlState("22P02", "int4", () -> int4s.encodeBinary(new String[] {"x"}));
        assertSqlState("22003", null, () -> int4s.encodeBinary(new long[] {1L << 40}));
        assertSqlState("42804", "cannot convert java.lang.Integer to _int4", () -> int4s.encodeBinary(42));
    }

    @Test
    void byteaElementsAreByteArraysNotDimensions() throws SQLException {
        Codec byteas = codec("_bytea");
        byte[][] value = {{1, 2}, {}};
        assertTrue(Arrays.deepEquals(value, (byte[][]) roundTrip(byteas, value)));
        assertEquals("{\"\\\\x0102\",\"\\\\x\"}", textOf(byteas, value));
        assertArrayEquals(new byte[][] {{1, 2}, {}}, (byte[][]) text(byteas::decodeObject, "{\"\\\\x0102\",\"\\\\x\"}"));
        assertFalse(int4s.canEncode(new byte[] {1}), "byte[] is a bytea value, not an int4 array");
    }

    @Test
    void numericNanMakesANumberArray() throws SQLException {
        Codec numerics = codec("_numeric");
        Object plain = roundTrip(numerics, new BigDecimal[] {new BigDecimal("1.50")});
        assertArrayEquals(new BigDecimal[] {new BigDecimal("1.50")}, (BigDecimal[]) plain);
        Object mixed = roundTrip(numerics, new Object[] {new BigDecimal("1.5"), Double.NaN});
        assertArrayEquals(new Number[] {new BigDecimal("1.5"), Double.NaN}, (Number[]) mixed);
        assertEquals("{1.5,NaN}", textOf(numerics, new Object[] {new BigDecimal("1.5"), Double.NaN}));
    }

    @Test
    void textLikeElements() throws SQLException {
        assertEquals("{\"{\\\"a\\\": 1}\"}", textOf(codec("_jsonb"), new String[] {"{\"a\": 1}"}));
        assertEquals("{x,\"\"}", textOf(codec("_char"), new String[] {"x", ""}));
        assertEquals("{\"a  \"}", textOf(codec("_bpchar"), new String[] {"a  "}));
        assertArrayEquals(new String[] {"a  "}, (String[]) text(codec("_bpchar")::decodeObject, "{\"a  \"}"));
        assertArrayEquals(new Long[] {4294967295L}, (Long[]) roundTrip(codec("_oid"), new Long[] {4294967295L}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00000001", "000000070000000000000017", "000000010000000200000017",
        "000000010000000000000019", "00000001000000000000001700000002", "000000010000000000000017ffffffff00000001",
        "00000001000000000000001700000001000000010000000500000001", "0000000100000000000000170000000100000001000000040000000100"})
    void corruptBinaryIs22P03(String hex) {
        byte[] wire = java.util.HexFormat.of().parseHex(hex);
        assertSqlState("22P03", "invalid binary _int4", () -> binary(int4s::decodeObject, wire));
    }

    @Test
    void encodeTextQuotesLikeArrayOut() throws SQLException {
        assertEquals("{{1,2},{3,NULL}}", int4s.encodeText(new Integer[][] {{1, 2}, {3, null}}));
        assertEquals("{\"a b\",\"\\\"\",NULL,\"NULL\"}", texts.encodeText(Arrays.asList("a b", "\"", null, "NULL")));
        assertEquals("{1,2}", int4s.encodeText("{1,2}"), "a String is passed through");
        assertEquals("{}", ArrayCodec.untyped().encodeText(List.of()));
        assertEquals("{NULL,NULL}", ArrayCodec.untyped().encodeText(new Object[2]));
        assertEquals(0, ArrayCodec.untyped().oid());
        assertFalse(ArrayCodec.untyped().supportsBinary());
    }
}

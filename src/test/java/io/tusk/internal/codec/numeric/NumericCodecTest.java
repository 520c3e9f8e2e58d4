package io.tusk.internal.codec.numeric;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.bytes;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class NumericCodecTest {
    private final Codec numeric = codec("numeric");

    @Test
    void binaryLayoutIsBase10000WithWeightAndDisplayScale() throws SQLException {
        // 1.50: digits [1, 5000], weight 0, positive, dscale 2
        assertArrayEquals(bytes(0, 2, 0, 0, 0, 0, 0, 2, 0, 1, 0x13, 0x88), numeric.encodeBinary(new BigDecimal("1.50")));
        // 0.0001: one digit [1] of weight -1
        assertArrayEquals(bytes(0, 1, 0xff, 0xff, 0, 0, 0, 4, 0, 1), numeric.encodeBinary(new BigDecimal("0.0001")));
        // 100000 = 10 * 10000^1; the trailing zero group is dropped
        assertArrayEquals(bytes(0, 1, 0, 1, 0, 0, 0, 0, 0, 10), numeric.encodeBinary(new BigDecimal("1E+5")));
        // zero keeps its scale and has no digits
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 3), numeric.encodeBinary(new BigDecimal("0.000")));
        assertArrayEquals(bytes(0, 1, 0, 0, 0x40, 0, 0, 0, 0, 7), numeric.encodeBinary(-7));
    }

    /**
     * Values of up to 16 significant digits decode without BigInteger arithmetic; whichever way a value
     * takes (fast, or the general one for large weights and scales), it must come back with its exact
     * digits and scale.
     */
    @Test
    void everyScaleAndWeightRoundTripsExactly() throws SQLException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() / POWERS[random.nextInt(POWERS.length)];
            int scale = random.nextInt(-20, 30);
            BigDecimal value = BigDecimal.valueOf(unscaled, scale);
            if (scale < 0) {
                value = value.setScale(0); // numeric has no negative display scale
            }
            BigDecimal back = (BigDecimal) numeric.decodeObject(numeric.encodeBinary(value), 0,
                    numeric.encodeBinary(value).length, true);
            assertEquals(value, back, "unscaled " + unscaled + " scale " + scale);
        }
        for (String v : new String[] {"0", "0.0000", "-0.5", "9999999999999999", "-9999999999999999.99",
                "1E+20", "12345678901234567890.123", "0.000000000000000000001", "-1234.56789"}) {
            BigDecimal value = new BigDecimal(v).setScale(Math.max(new BigDecimal(v).scale(), 0));
            byte[] b = numeric.encodeBinary(value);
            assertEquals(value, numeric.decodeObject(b, 0, b.length, true), v);
        }
    }

    private static final long[] POWERS = {1, 10, 1_000, 1_000_000, 10_000_000_000L, 100_000_000_000_000L};

    @Test
    void specialValuesHaveTheirOwnSigns() throws SQLException {
        assertArrayEquals(bytes(0, 0, 0, 0, 0xc0, 0, 0, 0), numeric.encodeBinary(Double.NaN));
        assertArrayEquals(bytes(0, 0, 0, 0, 0xd0, 0, 0, 0), numeric.encodeBinary(Double.POSITIVE_INFINITY));
        assertArrayEquals(bytes(0, 0, 0, 0, 0xf0, 0, 0, 0), numeric.encodeBinary(Float.NEGATIVE_INFINITY));
        byte[] nan = numeric.encodeBinary(Double.NaN);
        assertEquals(Double.NaN, binary(numeric::decodeObject, nan));
        assertEquals(Double.NaN, binary(numeric::decodeDouble, nan));
        assertEquals("NaN", binary(numeric::decodeString, nan));
        assertSqlState("22003", "value NaN out of range for java.math.BigDecimal (expected: a finite number)",
                () -> binary(numeric::decodeBigDecimal, nan));
        assertSqlState("22003", "value Infinity out of range for java.math.BigDecimal",
                () -> text(numeric::decodeInt, "Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, text(numeric::decodeDouble, "-Infinity"));
    }

    @Test
    void hugeWeightsAndScalesDecode() throws SQLException {
        // 10000^32767: the largest weight the format has, 131069 digits
        byte[] huge = new byte[10];
        BigEndian.putShort(huge, 0, 1);
        BigEndian.putShort(huge, 2, Short.MAX_VALUE);
        BigEndian.putShort(huge, 8, 1);
        String text = binary(numeric::decodeString, huge);
        assertEquals(4 * 32767 + 1, text.length());
        assertTrue(text.startsWith("10000"));
        BigDecimal max = new BigDecimal("9".repeat(131072) + "." + "9".repeat(16383));
        assertEquals(max, binary(numeric::decodeBigDecimal, numeric.encodeBinary(max)));
    }

    @Test
    void encodingRefusesWhatTheFormatCannotCarry() {
        assertSqlState("22003", "at most 16383 decimal places", () -> numeric.encodeBinary(new BigDecimal("1E-16384")));
        assertSqlState("22003", "less than 10^131072", () -> numeric.encodeBinary(new BigDecimal("1E+131072")));
        assertSqlState("22003", "less than 10^131072", () -> numeric.encodeBinary(new BigDecimal("1E+999999999")));
        assertSqlState("42804", "cannot convert java.lang.Boolean to numeric", () -> numeric.encodeBinary(true));
    }

    @Test
    void javaNumbersEncodeExactlyAndDoublesByTheirShortestDecimal() throws SQLException {
        assertEquals(new BigDecimal("0.1"), binary(numeric::decodeBigDecimal, numeric.encodeBinary(0.1)));
        assertEquals(new BigDecimal("0.1"), binary(numeric::decodeBigDecimal, numeric.encodeBinary(0.1f)));
        assertEquals(new BigDecimal("100000000000000000000"), binary(numeric::decodeBigDecimal, numeric.encodeBinary(1e20)));
        BigInteger big = BigInteger.TWO.pow(200);
        assertEquals(new BigDecimal(big), binary(numeric::decodeBigDecimal, numeric.encodeBinary(big)));
        assertEquals(BigDecimal.valueOf(Long.MIN_VALUE), binary(numeric::decodeBigDecimal, numeric.encodeBinary(Long.MIN_VALUE)));
        assertEquals("-0.5", numeric.encodeText(new BigDecimal("-0.5")));
        assertEquals("NaN", numeric.encodeText(Double.NaN));
    }

    @Test
    void numberGettersTruncateAndCheckRange() throws SQLException {
        assertEquals(1, text(numeric::decodeInt, "1.9"));
        assertEquals(-1L, text(numeric::decodeLong, "-1.9"));
        assertSqlState("22003", "value 100000000000000000000 out of range for int",
                () -> binary(numeric::decodeInt, numeric.encodeBinary(new BigDecimal("1e20"))));
        assertSqlState("22003", "value 9223372036854775808 out of range for long",
                () -> text(numeric::decodeLong, "9223372036854775808"));
        assertEquals(true, text(numeric::decodeBoolean, "1.000"));
        assertSqlState("22003", "out of range for boolean", () -> text(numeric::decodeBoolean, "0.5"));
        assertEquals(0.1, text(numeric::decodeDouble, "0.1"));
        assertSqlState("22P02", "invalid input syntax for numeric: \"1,5\"", () -> text(numeric::decodeObject, "1,5"));
    }

    @Test
    void corruptBinaryIs22P03() {
        assertSqlState("22P03", "digit 10000 (expected: 0..9999)",
                () -> binary(numeric::decodeObject, bytes(0, 1, 0, 0, 0, 0, 0, 0, 0x27, 0x10)));
        assertSqlState("22P03", "sign 0x1234", () -> binary(numeric::decodeObject, bytes(0, 0, 0, 0, 0x12, 0x34, 0, 0)));
        assertSqlState("22P03", "in 9 bytes", () -> binary(numeric::decodeObject, bytes(0, 1, 0, 0, 0, 0, 0, 0, 0)));
        assertSqlState("22P03", "at least 8", () -> binary(numeric::decodeObject, bytes(0, 0)));
    }
}

package io.tusk.internal.codec.numeric;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.Codec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FloatCodecsTest {
    private final Codec float4 = codec("float4");
    private final Codec float8 = codec("float8");

    @Test
    void doublesPrintLikePostgresNotLikeJava() {
        assertEquals("100", FloatText.format(100.0));
        assertEquals("100000000000000", FloatText.format(1e14));
        assertEquals("1e+21", FloatText.format(1e21));
        assertEquals("1e+22", FloatText.format(1e22));
        assertEquals("1.234e-05", FloatText.format(0.00001234));
        assertEquals("0.00012345", FloatText.format(0.00012345));
        assertEquals("-2.5", FloatText.format(-2.5));
        assertEquals("123456789.123", FloatText.format(123456789.123));
        assertEquals("2e-323", FloatText.format(2e-323), "subnormal");
        assertEquals("4.35e-321", FloatText.format(4.35e-321));
        // Java 17 prints 2.0E-3 as 0.002, and some values with a digit too many
        assertEquals("0.002", FloatText.format(0.002));
        assertEquals("2.8287938480615907e+17", FloatText.format(2.82879384806159e17 + 64));
    }

    @Test
    void floatsUseTheirOwnThresholdAndNeverAMidpoint() {
        assertEquals("100000", FloatText.format(100000f));
        assertEquals("1e+07", FloatText.format(1e7f));
        assertEquals("1.6777216e+07", FloatText.format(16777216f));
        assertEquals("0.3", FloatText.format(0.3f));
        assertEquals("1.1e-05", FloatText.format(1.1e-5f));
        // 6.647e+08 lies exactly on the midpoint to the next float down: the server's Ryu never picks it
        assertEquals("-6.6470003e+08", FloatText.format(-6.6470003E8f));
    }

    @Test
    void integerGettersTruncateAndCheckRange() throws SQLException {
        assertEquals(1, binary(float8::decodeInt, float8.encodeBinary(1.9)));
        assertEquals(-1, binary(float8::decodeInt, float8.encodeBinary(-1.9)));
        assertEquals(Long.MIN_VALUE, binary(float8::decodeLong, float8.encodeBinary(-0x1p63)));
        assertSqlState("22003", "value 1e+20 out of range for int (expected: -2147483648..2147483647)",
                () -> binary(float8::decodeInt, float8.encodeBinary(1e20)));
        assertSqlState("22003", "value 9.223372036854776e+18 out of range for long", () -> binary(float8::decodeLong,
                float8.encodeBinary(0x1p63)));
        assertSqlState("22003", "value NaN out of range for int", () -> text(float4::decodeInt, "NaN"));
        assertSqlState("22003", "value Infinity out of range for long", () -> text(float8::decodeLong, "Infinity"));
    }

    @Test
    void otherGetters() throws SQLException {
        assertEquals(new BigDecimal("0.1"), binary(float8::decodeBigDecimal, float8.encodeBinary(0.1)));
        assertEquals(new BigDecimal("1e+20"), text(float8::decodeBigDecimal, "1e+20"));
        assertSqlState("22003", "value NaN out of range for java.math.BigDecimal (expected: a finite number)",
                () -> text(float8::decodeBigDecimal, "NaN"));
        assertEquals((double) 0.1f, binary(float4::decodeDouble, float4.encodeBinary(0.1f)), "exact widening");
        assertEquals(Float.POSITIVE_INFINITY, binary(float8::decodeFloat, float8.encodeBinary(Double.POSITIVE_INFINITY)));
        assertSqlState("22003", "out of range for float", () -> binary(float8::decodeFloat, float8.encodeBinary(1e300)));
        assertTrue(binary(float8::decodeBoolean, float8.encodeBinary(1.0)));
        assertSqlState("22003", "value 0.5 out of range for boolean", () -> text(float8::decodeBoolean, "0.5"));
        assertSqlState("22P02", "invalid input syntax for float8: \"one\"", () -> text(float8::decodeDouble, "one"));
        assertSqlState("22P02", "invalid input syntax for float4: \"one\"", () -> text(float4::decodeFloat, "one"));
    }

    @Test
    void encodingTakesAnyNumberAndRefusesSilentOverflow() throws SQLException {
        assertTrue(float8.canEncode(1));
        assertTrue(float4.canEncode(1.5));
        assertTrue(float8.canEncode(BigDecimal.ONE));
        assertFalse(float8.canEncode("1.5"));
        assertEquals(0.1f, binary(float4::decodeFloat, float4.encodeBinary(0.1)));
        assertEquals(12.0, binary(float8::decodeDouble, float8.encodeBinary(new BigInteger("12"))));
        assertEquals(1.5, binary(float8::decodeDouble, float8.encodeBinary("1.5")));
        assertSqlState("22003", "out of range for float4", () -> float4.encodeBinary(1e300));
        assertSqlState("22003", "out of range for float8", () -> float8.encodeBinary(new BigDecimal("1e400")));
        assertSqlState("42804", "cannot convert java.lang.Boolean to float8", () -> float8.encodeBinary(true));
        assertEquals("1e+100", float8.encodeText(1e100));
        assertEquals("-0", float4.encodeText(-0f));
    }
}

package io.tusk.internal.codec.numeric;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.bytes;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.Codec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class IntegerCodecsTest {
    private final Codec int2 = codec("int2");
    private final Codec int4 = codec("int4");
    private final Codec int8 = codec("int8");
    private final Codec oid = codec("oid");

    @Test
    void binaryIsBigEndianTwosComplement() throws SQLException {
        assertArrayEquals(bytes(0xff, 0xfe), int2.encodeBinary((short) -2));
        assertArrayEquals(bytes(0, 0, 1, 0), int4.encodeBinary(256));
        assertArrayEquals(bytes(0x80, 0, 0, 0, 0, 0, 0, 0), int8.encodeBinary(Long.MIN_VALUE));
        assertEquals(-2, binary(int4::decodeInt, bytes(0xff, 0xff, 0xff, 0xfe)));
        assertEquals(4294967294L, binary(oid::decodeLong, bytes(0xff, 0xff, 0xff, 0xfe)), "oid is unsigned");
    }

    @Test
    void everyWidthReadsAsEveryJavaNumber() throws SQLException {
        byte[] v = int2.encodeBinary((short) 300);
        assertEquals(300, binary(int2::decodeInt, v));
        assertEquals(300L, binary(int2::decodeLong, v));
        assertEquals(300.0, binary(int2::decodeDouble, v));
        assertEquals(300f, binary(int2::decodeFloat, v));
        assertEquals(new BigDecimal(300), binary(int2::decodeBigDecimal, v));
        assertEquals((short) 300, binary(int2::decodeObject, v));
        assertEquals("300", binary(int2::decodeString, v));
        assertEquals(Long.MAX_VALUE, text(int8::decodeLong, "9223372036854775807"));
        assertEquals(Long.MIN_VALUE, text(int8::decodeLong, "-9223372036854775808"));
        assertEquals(-32768, text(int2::decodeInt, "-32768"));
    }

    @Test
    void narrowingIsRangeChecked() {
        assertSqlState("22003", "value 1099511627776 out of range for int (expected: -2147483648..2147483647)",
                () -> binary(int8::decodeInt, int8.encodeBinary(1L << 40)));
        assertSqlState("22003", "value 4294967295 out of range for int", () -> text(oid::decodeInt, "4294967295"));
        assertSqlState("22003", "value 2147483648 out of range for int", () -> text(int8::decodeInt, "2147483648"));
        assertSqlState("22003", "out of range for short", () -> binary(int4::decodeShort, int4.encodeBinary(32768)));
    }

    @Test
    void booleanIsOneOrZero() throws SQLException {
        assertTrue(binary(int4::decodeBoolean, int4.encodeBinary(1)));
        assertFalse(text(int8::decodeBoolean, "0"));
        assertSqlState("22003", "value 2 out of range for boolean (expected: 0..1)", () -> text(int4::decodeBoolean, "2"));
    }

    @Test
    void serverTextThatIsNotAnIntegerIs22P02() {
        assertSqlState("22P02", "invalid input syntax for int8: \"9223372036854775808\"",
                () -> text(int8::decodeLong, "9223372036854775808"));
        assertSqlState("22P02", "invalid input syntax for int4: \"12a\"", () -> text(int4::decodeInt, "12a"));
        assertSqlState("22P02", null, () -> text(int4::decodeInt, ""));
        assertSqlState("22P02", null, () -> text(int4::decodeInt, "-"));
    }

    @Test
    void wrongBinaryLengthIs22P03() {
        assertSqlState("22P03", "invalid binary int4 value: 3 bytes (expected: 4)", () -> binary(int4::decodeInt, bytes(0, 0, 1)));
        assertSqlState("22P03", "invalid binary int8 value: 4 bytes (expected: 8)", () -> binary(int8::decodeLong, bytes(0, 0, 0, 1)));
    }

    @Test
    void encodingAcceptsIntegralNumbersInRange() throws SQLException {
        assertTrue(int4.canEncode(5));
        assertTrue(int4.canEncode((short) 5));
        assertTrue(int4.canEncode((byte) 5));
        assertTrue(int4.canEncode(5L));
        assertTrue(int4.canEncode(BigInteger.TEN));
        assertFalse(int4.canEncode(1L << 40), "a long out of range");
        assertFalse(int4.canEncode(5.0));
        assertFalse(int4.canEncode("5"));
        assertFalse(int2.canEncode(70_000));
        assertArrayEquals(int4.encodeBinary(5), int4.encodeBinary(new BigDecimal("5.00")), "an exact integer");
        assertArrayEquals(int4.encodeBinary(5), int4.encodeBinary(5.0));
        assertArrayEquals(int4.encodeBinary(5), int4.encodeBinary(" 5"), "a string in the type's syntax");
        assertSqlState("22003", "value 1099511627776 out of range for int4 (expected: -2147483648..2147483647)",
                () -> int4.encodeBinary(1L << 40));
        assertSqlState("22003", "value 1.5 out of range for int4 (expected: an integer in", () -> int4.encodeBinary(1.5));
        assertSqlState("22003", "out of range for int8", () -> int8.encodeBinary(BigInteger.ONE.shiftLeft(64)));
        assertSqlState("22003", "out of range for int4", () -> int4.encodeBinary(Double.NaN));
        assertSqlState("42804", "cannot convert java.lang.Boolean to int2", () -> int2.encodeBinary(true));
    }

    @Test
    void oidTakesUnsignedValuesAndIntegersAsUnsigned() throws SQLException {
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff), oid.encodeBinary(4294967295L));
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff), oid.encodeBinary(-1), "an int holding a large OID");
        assertTrue(oid.canEncode(-1));
        assertFalse(oid.canEncode(-1L));
        assertFalse(oid.canEncode(4294967296L));
        assertSqlState("22003", "value -1 out of range for oid (expected: 0..4294967295)", () -> oid.encodeBinary(-1L));
        assertEquals(Long.class, oid.javaType());
        assertEquals("4294967295", oid.encodeText(-1));
    }

    @Test
    void textParametersArePlainDecimals() throws SQLException {
        assertEquals("-42", int4.encodeText(-42));
        assertEquals("42", int8.encodeText((byte) 42));
        assertEquals("whatever", int4.encodeText("whatever"), "strings pass through as input syntax");
    }
}

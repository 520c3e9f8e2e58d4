package io.tusk.internal.codec.text;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.bytes;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.Oids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TextCodecsTest {
    private final Codec text = codec("text");

    @Test
    void fourTypesShareTheUtf8BinaryForm() throws SQLException {
        for (String name : new String[] {"text", "varchar", "bpchar", "name"}) {
            Codec c = codec(name);
            byte[] wire = c.encodeBinary("héllo");
            assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), wire, name);
            assertEquals("héllo", binary(c::decodeObject, wire), name);
            assertEquals(String.class, c.javaType());
        }
        assertEquals(Oids.VARCHAR, codec("varchar").oid());
        assertEquals("ab  ", text(codec("bpchar")::decodeString, "ab  "), "padding stays");
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), text(text::decodeBytes, "é"));
    }

    @Test
    void typedGettersParseTheText() throws SQLException {
        assertEquals(42, text(text::decodeInt, " 42 "));
        assertEquals(1, text(text::decodeInt, "1.9"), "truncated like a numeric");
        assertEquals(-7L, text(text::decodeLong, "-7"));
        assertEquals(1.5, text(text::decodeDouble, "1.5"));
        assertEquals(Double.POSITIVE_INFINITY, text(text::decodeDouble, "Infinity"));
        assertEquals(new BigDecimal("1.50"), text(text::decodeBigDecimal, "1.50"));
        assertTrue(text(text::decodeBoolean, "YES"));
        assertFalse(text(text::decodeBoolean, "off"));
        assertTrue(text(text::decodeBoolean, "t"));
        assertEquals(LocalDate.of(2024, 1, 2), text(text::decodeLocalDate, "2024-01-02"));
        assertEquals(LocalTime.of(3, 4, 5), text(text::decodeLocalTime, "03:04:05"));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), text(text::decodeLocalDateTime, "2024-01-02 03:04:05"));
        assertEquals(OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 0, ZoneOffset.UTC),
                text(text::decodeOffsetDateTime, "2024-01-02 03:04:05+05:30"));
        assertEquals(OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHours(2)), text(text::decodeOffsetTime, "03:04:05+02"));
        assertEquals(new UUID(0, 1), text(text::decodeUuid, "00000000-0000-0000-0000-000000000001"));
        byte[] day = "1 day".getBytes(StandardCharsets.UTF_8);
        assertEquals(new Interval(0, 1, 0), text.decode(Interval.class, day, 0, day.length, false));
    }

    @Test
    void textThatDoesNotParseIs22P02AndTooBigIs22003() {
        assertSqlState("22P02", "invalid input syntax for int: \"abc\"", () -> text(text::decodeInt, "abc"));
        assertSqlState("22003", "value 1e20 out of range for int (expected: -2147483648..2147483647)",
                () -> text(text::decodeInt, "1e20"));
        assertSqlState("22003", "value 9223372036854775808 out of range for long", () -> text(text::decodeLong, "9223372036854775808"));
        assertSqlState("22P02", "invalid input syntax for boolean: \"maybe\"", () -> text(text::decodeBoolean, "maybe"));
        assertSqlState("22P02", "invalid input syntax for double", () -> text(text::decodeDouble, "1,5"));
        assertSqlState("22P02", "invalid input syntax for java.math.BigDecimal", () -> text(text::decodeBigDecimal, "x"));
        assertSqlState("22P02", "invalid input syntax for date: \"01/02/2024\"", () -> text(text::decodeLocalDate, "01/02/2024"));
        assertSqlState("22P02", "invalid input syntax for uuid", () -> text(text::decodeUuid, "1-2-3-4-5"));
        byte[] bad = "soon".getBytes(StandardCharsets.UTF_8);
        assertSqlState("22P02", "invalid input syntax for interval", () -> text.decode(Interval.class, bad, 0, 4, false));
    }

    @Test
    void encodingTakesCharacterData() throws SQLException {
        assertTrue(text.canEncode("s"));
        assertTrue(text.canEncode('c'));
        assertTrue(text.canEncode(new StringBuilder("sb")));
        assertFalse(text.canEncode(42));
        assertArrayEquals(bytes('s', 'b'), text.encodeBinary(new StringBuilder("sb")));
        assertEquals("c", text.encodeText('c'));
        assertSqlState("42804", "cannot convert java.lang.Integer to text", () -> text.encodeBinary(42));
    }

    @Test
    void oneByteCharIsRawOnTheWireAndEscapedInText() throws SQLException {
        Codec c = codec("char");
        assertEquals(Oids.CHAR, c.oid());
        assertEquals("a", binary(c::decodeString, bytes('a')));
        assertEquals("", binary(c::decodeString, bytes(0)));
        assertEquals("\\201", binary(c::decodeString, bytes(0x81)));
        assertEquals("\\377", binary(c::decodeObject, bytes(0xff)));
        assertArrayEquals(bytes(0xff), c.encodeBinary("\\377"));
        assertArrayEquals(bytes('x'), c.encodeBinary('x'));
        assertArrayEquals(bytes(0), c.encodeBinary(""));
        assertFalse(c.canEncode("ab"));
        assertFalse(c.canEncode('é'));
        assertSqlState("22001", "value too long for \"char\": \"ab\"", () -> c.encodeBinary("ab"));
        assertSqlState("22001", null, () -> c.encodeBinary('é'));
        assertSqlState("22P03", "2 bytes (expected: 1)", () -> binary(c::decodeString, bytes('a', 'b')));
    }

    @Test
    void typesWithoutACodecAreTextOnly() throws SQLException {
        Codec inet = CodecRegistry.builtin().forOid(Oids.INET);
        assertEquals("10.0.0.1/8", text(inet::decodeString, "10.0.0.1/8"));
        assertEquals("10.0.0.1/8", text(inet::decodeObject, "10.0.0.1/8"));
        assertEquals("10.0.0.1", inet.encodeText("10.0.0.1"));
        assertTrue(inet.canEncode("10.0.0.1"));
        assertFalse(inet.canEncode(42));
        assertSqlState("0A000", "binary format of inet", () -> binary(inet::decodeString, bytes(1, 2)));
        assertSqlState("0A000", "binary parameters of type inet", () -> inet.encodeBinary("10.0.0.1"));
        assertSqlState("42804", "cannot convert java.lang.Integer to inet", () -> inet.encodeText(42));
        Codec unknown = CodecRegistry.builtin().forOid(70000);
        assertEquals(5, text(unknown::decodeInt, "5"), "lenient like text");
    }
}

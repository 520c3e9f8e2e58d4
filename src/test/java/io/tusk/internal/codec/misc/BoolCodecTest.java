package io.tusk.internal.codec.misc;

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
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BoolCodecTest {
    private final Codec bool = codec("bool");

    @Test
    void oneByteOnTheWireTOrFInText() throws SQLException {
        assertArrayEquals(bytes(1), bool.encodeBinary(true));
        assertArrayEquals(bytes(0), bool.encodeBinary(false));
        assertTrue(binary(bool::decodeBoolean, bytes(1)));
        assertEquals("f", binary(bool::decodeString, bytes(0)));
        assertEquals("t", bool.encodeText(true));
        assertSqlState("22P03", "2 bytes (expected: 1)", () -> binary(bool::decodeBoolean, bytes(1, 0)));
    }

    @Test
    void numbersAreOneAndZero() throws SQLException {
        assertEquals(1, binary(bool::decodeInt, bytes(1)));
        assertEquals(0L, text(bool::decodeLong, "f"));
        assertEquals(BigDecimal.ONE, text(bool::decodeBigDecimal, "t"));
        assertEquals(1.0, text(bool::decodeDouble, "t"));
        assertSqlState("42804", "cannot convert bool to java.time.LocalDate", () -> text(bool::decodeLocalDate, "t"));
    }

    @Test
    void stringParametersFollowTheServersBoolin() throws SQLException {
        for (String yes : new String[] {"true", "TR", "y", "yes", "on", "1", " t "}) {
            assertTrue(binary(bool::decodeBoolean, bool.encodeBinary(yes)), yes);
        }
        for (String no : new String[] {"false", "F", "n", "no", "off", "of", "0"}) {
            assertFalse(binary(bool::decodeBoolean, bool.encodeBinary(no)), no);
        }
        assertSqlState("22P02", "invalid input syntax for boolean: \"o\"", () -> bool.encodeBinary("o"));
        assertSqlState("22P02", null, () -> bool.encodeBinary(""));
        assertSqlState("42804", "cannot convert java.lang.Integer to bool", () -> bool.encodeBinary(1));
        assertFalse(bool.canEncode(1));
    }
}

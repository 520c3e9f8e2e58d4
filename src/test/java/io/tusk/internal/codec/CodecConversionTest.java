package io.tusk.internal.codec;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.codec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared parts of the Codec contract: decode(Class), error classes and SQLSTATEs, null handling. */
class CodecConversionTest {

    private static <T> T decode(String type, Class<T> target, Object value) throws SQLException {
        Codec c = codec(type);
        byte[] wire = c.encodeBinary(value);
        return c.decode(target, wire, 0, wire.length, true);
    }

    @Test
    void decodeTakesPrimitivesBoxesAndSupertypes() throws SQLException {
        assertEquals(7, decode("int4", int.class, 7));
        assertEquals(7, decode("int4", Integer.class, 7));
        assertEquals(7L, decode("int4", Long.class, 7));
        assertEquals((short) 7, decode("int4", short.class, 7));
        assertEquals((byte) 7, decode("int4", Byte.class, 7));
        assertEquals(7, decode("int4", Number.class, 7));
        assertEquals(7, decode("int4", Object.class, 7));
        assertEquals("7", decode("int4", String.class, 7));
        assertEquals(BigInteger.valueOf(7), decode("int4", BigInteger.class, 7));
        assertEquals(new BigDecimal("7"), decode("int4", BigDecimal.class, 7));
        assertEquals(7.0, decode("int4", double.class, 7));
        assertEquals(true, decode("int4", boolean.class, 1));
        assertEquals(new BigInteger("123"), decode("numeric", BigInteger.class, new BigDecimal("123.9")));
        assertEquals(Interval.ZERO, decode("interval", Interval.class, Interval.ZERO));
    }

    @Test
    void impossibleConversionsAre42804InTheSyntaxClass() {
        SQLException e = assertSqlState("42804", "cannot convert int4 to java.util.UUID", () -> decode("int4", UUID.class, 1));
        assertEquals(SQLSyntaxErrorException.class, e.getClass());
        assertSqlState("42804", "cannot convert uuid to int", () -> decode("uuid", int.class, new UUID(1, 2)));
        assertSqlState("42804", "cannot convert int4 to java.time.Duration", () -> decode("int4", Duration.class, 1));
        assertSqlState("42804", "cannot convert int4 to io.tusk.Interval", () -> decode("int4", Interval.class, 1));
        assertSqlState("42804", "cannot convert bool to java.time.LocalDate",
                () -> decode("bool", java.time.LocalDate.class, true));
        assertSqlState("42804", "cannot convert java.util.UUID to int4", () -> codec("int4").encodeBinary(new UUID(1, 2)));
    }

    @Test
    void valueErrorsAre22xxxInTheDataClass() {
        SQLException e = assertSqlState("22003",
                "value 1099511627776 out of range for int (expected: -2147483648..2147483647)",
                () -> decode("int8", int.class, 1L << 40));
        assertEquals(SQLDataException.class, e.getClass());
        assertSqlState("22003", "out of range for int4", () -> codec("int4").encodeBinary(1L << 40));
        assertSqlState("22003", "out of range for short", () -> decode("int4", short.class, 40_000));
        assertSqlState("22003", "out of range for byte", () -> decode("int4", byte.class, 128));
        assertSqlState("22P02", "invalid input syntax for int4: \"abc\"", () -> codec("int4").encodeBinary("abc"));
    }

    @Test
    void sqlNullIsTheCallersBusiness() {
        assertThrows(NullPointerException.class, () -> codec("int4").encodeBinary(null));
        assertThrows(NullPointerException.class, () -> codec("text").encodeText(null));
    }

    @Test
    void longValuesAreCutInMessages() {
        String longText = "x".repeat(1000);
        SQLException e = assertSqlState("22P02", null, () -> CodecTesting.text(codec("text")::decodeInt, longText));
        assertEquals(true, e.getMessage().length() < 200, e.getMessage());
    }
}

package io.tusk.internal.codec.binary;

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
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BinaryCodecsTest {
    private final Codec bytea = codec("bytea");
    private final Codec uuid = codec("uuid");

    @Test
    void byteaReadsHexAndEscapeOutput() throws SQLException {
        assertArrayEquals(bytes(1, 0xab, 0xff), text(bytea::decodeBytes, "\\x01abFF"));
        assertArrayEquals(bytes(1, 0xab), text(bytea::decodeBytes, "\\x01 ab"), "the server's input allows spaces");
        assertArrayEquals(bytes('a', 0, '\\', 0xff, 'z'), text(bytea::decodeBytes, "a\\000\\\\\\377z"));
        assertArrayEquals(new byte[0], text(bytea::decodeBytes, ""));
        assertSqlState("22P02", "invalid input syntax for bytea: \"\\x0\"", () -> text(bytea::decodeBytes, "\\x0"));
        assertSqlState("22P02", null, () -> text(bytea::decodeBytes, "\\xzz"));
        assertSqlState("22P02", null, () -> text(bytea::decodeBytes, "a\\9"));
    }

    @Test
    void byteaBinaryIsTheBytesAndItsTextIsHex() throws SQLException {
        byte[] wire = bytea.encodeBinary(bytes(0xde, 0xad));
        assertArrayEquals(bytes(0xde, 0xad), wire);
        assertEquals("\\xdead", binary(bytea::decodeString, wire));
        assertEquals("\\xdead", bytea.encodeText(bytes(0xde, 0xad)));
        ByteBuffer buffer = ByteBuffer.wrap(bytes(1, 2, 3));
        buffer.get();
        assertArrayEquals(bytes(2, 3), bytea.encodeBinary(buffer));
        assertEquals(1, buffer.position(), "the caller's buffer is untouched");
        assertArrayEquals(bytes(0xab), bytea.encodeBinary("\\xab"), "a string is bytea input syntax");
        assertFalse(bytea.canEncode("\\xab"));
        assertSqlState("42804", "cannot convert int4 to java.util.UUID", () -> binary(codec("int4")::decodeUuid, bytes(0, 0, 0, 1)));
    }

    @Test
    void encodingCopiesSoLaterChangesDoNotLeak() throws SQLException {
        byte[] mine = bytes(1, 2);
        byte[] wire = bytea.encodeBinary(mine);
        mine[0] = 9;
        assertEquals(1, wire[0]);
    }

    @Test
    void uuidIsSixteenBytesMostSignificantFirst() throws SQLException {
        UUID u = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
        byte[] wire = uuid.encodeBinary(u);
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), wire);
        assertEquals(u, binary(uuid::decodeUuid, wire));
        assertEquals(u, text(uuid::decodeUuid, "01020304-0506-0708-090a-0b0c0d0e0f10"));
        assertTrue(uuid.canEncode(u));
        assertFalse(uuid.canEncode(u.toString()));
        assertEquals(u, binary(uuid::decodeObject, uuid.encodeBinary(u.toString())));
        assertSqlState("22P03", "15 bytes (expected: 16)", () -> binary(uuid::decodeUuid, new byte[15]));
        assertSqlState("22P02", "invalid input syntax for uuid", () -> text(uuid::decodeUuid, "not-a-uuid"));
        assertSqlState("42804", "cannot convert uuid to long", () -> binary(uuid::decodeLong, wire));
    }
}

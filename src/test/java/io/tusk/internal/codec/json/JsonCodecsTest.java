package io.tusk.internal.codec.json;

import static io.tusk.internal.codec.CodecTesting.assertSqlState;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.bytes;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.internal.codec.Codec;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JsonCodecsTest {
    private final Codec json = codec("json");
    private final Codec jsonb = codec("jsonb");

    @Test
    void jsonBinaryIsItsText() throws SQLException {
        assertArrayEquals(bytes('[', ']'), json.encodeBinary("[]"));
        assertEquals("[ ]", binary(json::decodeObject, bytes('[', ' ', ']')));
        assertEquals(5, text(json::decodeInt, "5"));
    }

    @Test
    void jsonbBinaryIsVersionOneThenText() throws SQLException {
        assertArrayEquals(bytes(1, '[', ']'), jsonb.encodeBinary("[]"));
        assertEquals("[]", binary(jsonb::decodeString, bytes(1, '[', ']')));
        assertEquals("{}", binary(jsonb::decodeObject, bytes(1, '{', '}')));
        assertArrayEquals(bytes('{', '}'), binary(jsonb::decodeBytes, bytes(1, '{', '}')), "getBytes gives the text");
        assertEquals("{\"a\": 1}", jsonb.encodeText(new StringBuilder("{\"a\": 1}")));
    }

    @Test
    void anotherJsonbVersionIsRefusedClearly() {
        assertSqlState("22P03", "invalid binary jsonb value: version 2 (expected: version 1)",
                () -> binary(jsonb::decodeString, bytes(2, '[', ']')));
        assertSqlState("22P03", "no version byte", () -> binary(jsonb::decodeObject, new byte[0]));
        assertSqlState("42804", "cannot convert java.lang.Integer to jsonb", () -> jsonb.encodeBinary(5));
    }
}

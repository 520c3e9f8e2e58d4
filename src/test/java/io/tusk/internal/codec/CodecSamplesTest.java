package io.tusk.internal.codec;

import static io.tusk.internal.codec.CodecTesting.assertValue;
import static io.tusk.internal.codec.CodecTesting.binary;
import static io.tusk.internal.codec.CodecTesting.codec;
import static io.tusk.internal.codec.CodecTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.CodecSamples.Sample;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample value through every path of its codec, both wire formats, without a server. */
class CodecSamplesTest {

    static List<Sample> samples() {
        return CodecSamples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void binaryRoundTripKeepsTheValue(Sample s) throws SQLException {
        Codec c = codec(s.type());
        assertTrue(c.canEncode(s.value()), "canEncode");
        byte[] wire = c.encodeBinary(s.value());
        assertValue(s.value(), binary(c::decodeObject, wire), "decodeObject");
        assertValue(s.value(), c.decode(s.value().getClass(), CodecTesting.padded(wire), 3, wire.length, true), "decode(class)");
        // numeric's NaN and infinities are the one exception: a Double, as BigDecimal has none
        assertTrue(c.javaType().isInstance(s.value()) || c.typeName().equals("numeric"), "javaType");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void binaryValueReadsAsTheServersText(Sample s) throws SQLException {
        Codec c = codec(s.type());
        byte[] wire = c.encodeBinary(s.value());
        assertEquals(s.text(), binary(c::decodeString, wire));
        assertEquals(s.text(), c.decode(String.class, CodecTesting.padded(wire), 3, wire.length, true));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serversTextDecodesToTheValue(Sample s) throws SQLException {
        Codec c = codec(s.type());
        assertValue(s.value(), text(c::decodeObject, s.text()), "decodeObject");
        assertEquals(s.text(), text(c::decodeString, s.text()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textParameterIsTheServersText(Sample s) throws SQLException {
        Codec c = codec(s.type());
        assertEquals(s.text(), c.encodeText(s.value()));
        // a String is input syntax already: passed through for text, parsed for binary
        assertEquals(s.text(), c.encodeText(s.text()));
        byte[] fromString = c.encodeBinary(s.text());
        assertValue(s.value(), binary(c::decodeObject, fromString), "encodeBinary(String)");
    }
}

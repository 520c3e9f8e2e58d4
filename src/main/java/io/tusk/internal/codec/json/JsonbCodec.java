package io.tusk.internal.codec.json;

import io.tusk.internal.codec.AbstractStringCodec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * {@code jsonb} as String, in the server's normalized text ({@code {"a": 1, "b": [1, 2]}}). The binary
 * form is a version byte, 1 on every server so far, then that text. Another version means a future
 * server changed the format: refused with 22P03 rather than misread.
 */
public final class JsonbCodec extends AbstractStringCodec {
    private static final byte VERSION = 1;

    @Override
    public int oid() {
        return Oids.JSONB;
    }

    @Override
    public String typeName() {
        return "jsonb";
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        if (length < 1 || buf[offset] != VERSION) {
            String found = length < 1 ? "no version byte" : "version " + buf[offset];
            throw CodecErrors.invalidBinary("jsonb", found + " (expected: version 1)");
        }
        return new String(buf, offset + 1, length - 1, StandardCharsets.UTF_8);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof CharSequence;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (!(value instanceof CharSequence)) {
            throw cannotEncode(value);
        }
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = VERSION;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    /** Text results: the server renders the text for both forms; binary only adds a version byte; see {@link io.tusk.internal.codec.Codec#prefersBinaryResults()}. */
    @Override
    public boolean prefersBinaryResults() {
        return false;
    }
}

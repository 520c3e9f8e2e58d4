package io.tusk.internal.codec.json;

import io.tusk.internal.codec.AbstractStringCodec;
import io.tusk.internal.codec.Oids;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * {@code json} as String: the document exactly as stored (json keeps whitespace and key order). The
 * binary form is the same UTF-8 text, so binary results cost nothing extra.
 */
public final class JsonCodec extends AbstractStringCodec {

    @Override
    public int oid() {
        return Oids.JSON;
    }

    @Override
    public String typeName() {
        return "json";
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof CharSequence;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof CharSequence) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
        throw cannotEncode(value);
    }

    /** Text results: the binary form is the text itself; see {@link io.tusk.internal.codec.Codec#prefersBinaryResults()}. */
    @Override
    public boolean prefersBinaryResults() {
        return false;
    }
}

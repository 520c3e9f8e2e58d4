package io.tusk.internal.codec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * For every type without a codec of its own (inet, point, enums, ranges, arrays for now, extension
 * types): results arrive in text format and {@code getString} returns the server's text. Parameters
 * can only be strings in the type's input syntax, sent as text.
 */
public final class TextFallbackCodec extends AbstractStringCodec {
    private final int oid;
    private final String typeName;

    public TextFallbackCodec(int oid) {
        this.oid = oid;
        String known = Oids.typeName(oid);
        this.typeName = known != null ? known : "unknown(" + Integer.toUnsignedString(oid) + ")";
    }

    @Override
    public int oid() {
        return oid;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public boolean supportsBinary() {
        return false;
    }

    @Override
    public String decodeString(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            throw CodecErrors.notSupported("binary format of " + typeName + " (expected: results of this type in text format)");
        }
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        throw CodecErrors.notSupported("binary format of " + typeName);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof String;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof String) {
            throw CodecErrors.notSupported("binary parameters of type " + typeName + " (expected: text format)");
        }
        throw cannotEncode(value);
    }
}

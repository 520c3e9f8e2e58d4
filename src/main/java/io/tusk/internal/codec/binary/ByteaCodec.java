package io.tusk.internal.codec.binary;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.Oids;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Arrays;

/** {@code bytea} as byte[]. getString gives the hex form the server prints ({@code \x0102}). */
public final class ByteaCodec extends Codec {

    @Override
    public int oid() {
        return Oids.BYTEA;
    }

    @Override
    public String typeName() {
        return "bytea";
    }

    @Override
    public Class<?> javaType() {
        return byte[].class;
    }

    @Override
    public byte[] decodeBytes(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return binary ? Arrays.copyOfRange(buf, offset, offset + length) : ByteaText.parse(buf, offset, length);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeBytes(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) {
        return ByteaText.formatHex(buf, offset, length);
    }

    /** byte[] and ByteBuffer (its remaining bytes; the buffer's position is left alone). */
    @Override
    public boolean canEncode(Object value) {
        return value instanceof byte[] || value instanceof ByteBuffer;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof byte[] b) {
            return b.clone();
        } else if (value instanceof ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return b;
        }
        throw cannotEncode(value);
    }
}

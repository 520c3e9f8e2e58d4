package io.tusk.internal.codec.binary;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;
import java.util.UUID;

/** {@code uuid} as UUID: 16 bytes, most significant first; the text is lowercase and hyphenated, like UUID.toString. */
public final class UuidCodec extends Codec {

    @Override
    public int oid() {
        return Oids.UUID;
    }

    @Override
    public String typeName() {
        return "uuid";
    }

    @Override
    public Class<?> javaType() {
        return UUID.class;
    }

    @Override
    public UUID decodeUuid(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 16);
            return new UUID(BigEndian.getLong(buf, offset), BigEndian.getLong(buf, offset + 8));
        }
        String text = utf8(buf, offset, length);
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw CodecErrors.invalidText("uuid", text);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeUuid(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return decodeUuid(buf, offset, length, true).toString();
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof UUID;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof UUID u) {
            byte[] b = new byte[16];
            BigEndian.putLong(b, 0, u.getMostSignificantBits());
            BigEndian.putLong(b, 8, u.getLeastSignificantBits());
            return b;
        }
        throw cannotEncode(value);
    }
}

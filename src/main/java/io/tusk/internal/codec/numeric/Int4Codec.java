package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;

/** {@code int4} ({@code integer}) as Integer. */
public final class Int4Codec extends AbstractIntegerCodec {
    public Int4Codec() {
        super(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public int oid() {
        return Oids.INT4;
    }

    @Override
    public String typeName() {
        return "int4";
    }

    @Override
    public Class<?> javaType() {
        return Integer.class;
    }

    /** The hot path of {@code getInt}: no detour through long and no range check. */
    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 4);
            return BigEndian.getInt(buf, offset);
        }
        return super.decodeInt(buf, offset, length, false);
    }

    @Override
    protected long readBinary(byte[] buf, int offset) {
        return BigEndian.getInt(buf, offset);
    }

    @Override
    protected byte[] writeBinary(long value) {
        return BigEndian.ofInt((int) value);
    }

    @Override
    protected int binaryLength() {
        return 4;
    }

    @Override
    protected Object box(long value) {
        return (int) value;
    }
}

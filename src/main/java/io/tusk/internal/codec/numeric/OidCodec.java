package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;

/**
 * {@code oid}: an unsigned 32-bit number, so Java sees it as a Long in 0..4294967295 (getInt on an
 * OID above 2^31-1 is out of range, 22003). An Integer parameter is read as unsigned, because code
 * that keeps OIDs in an int holds the large ones as negative numbers.
 */
public final class OidCodec extends AbstractIntegerCodec {
    private static final long MAX = 0xFFFF_FFFFL;

    public OidCodec() {
        super(0, MAX);
    }

    @Override
    public int oid() {
        return Oids.OID;
    }

    @Override
    public String typeName() {
        return "oid";
    }

    @Override
    public Class<?> javaType() {
        return Long.class;
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Integer || super.canEncode(value);
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof Integer i) {
            return BigEndian.ofInt(i);
        }
        return super.encode(value);
    }

    @Override
    protected long readBinary(byte[] buf, int offset) {
        return Integer.toUnsignedLong(BigEndian.getInt(buf, offset));
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
        return value;
    }
}

package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Oids;

/** {@code int2} ({@code smallint}) as Short. */
public final class Int2Codec extends AbstractIntegerCodec {
    public Int2Codec() {
        super(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int oid() {
        return Oids.INT2;
    }

    @Override
    public String typeName() {
        return "int2";
    }

    @Override
    public Class<?> javaType() {
        return Short.class;
    }

    @Override
    protected long readBinary(byte[] buf, int offset) {
        return BigEndian.getShort(buf, offset);
    }

    @Override
    protected byte[] writeBinary(long value) {
        return BigEndian.ofShort((int) value);
    }

    @Override
    protected int binaryLength() {
        return 2;
    }

    @Override
    protected Object box(long value) {
        return (short) value;
    }
}

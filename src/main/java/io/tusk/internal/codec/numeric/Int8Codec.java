package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Oids;

/** {@code int8} ({@code bigint}) as Long. */
public final class Int8Codec extends AbstractIntegerCodec {
    public Int8Codec() {
        super(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public int oid() {
        return Oids.INT8;
    }

    @Override
    public String typeName() {
        return "int8";
    }

    @Override
    public Class<?> javaType() {
        return Long.class;
    }

    @Override
    protected long readBinary(byte[] buf, int offset) {
        return BigEndian.getLong(buf, offset);
    }

    @Override
    protected byte[] writeBinary(long value) {
        return BigEndian.ofLong(value);
    }

    @Override
    protected int binaryLength() {
        return 8;
    }

    @Override
    protected Object box(long value) {
        return value;
    }
}

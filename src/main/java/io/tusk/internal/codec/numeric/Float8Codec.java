package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;

/** {@code float8} ({@code double precision}) as Double. */
public final class Float8Codec extends AbstractFloatCodec {

    @Override
    public int oid() {
        return Oids.FLOAT8;
    }

    @Override
    public String typeName() {
        return "float8";
    }

    @Override
    public Class<?> javaType() {
        return Double.class;
    }

    @Override
    protected double read(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 8);
            return Double.longBitsToDouble(BigEndian.getLong(buf, offset));
        }
        return parse(utf8(buf, offset, length), "float8");
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return read(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return FloatText.format(read(buf, offset, length, true));
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        double d = toDouble(value);
        if (Double.isInfinite(d) && !(value instanceof Double || value instanceof Float)) {
            // a BigDecimal or BigInteger beyond 1.8e308 would silently become Infinity
            throw CodecErrors.outOfRange(value, "float8", -Double.MAX_VALUE, Double.MAX_VALUE);
        }
        return BigEndian.ofLong(Double.doubleToRawLongBits(d));
    }
}

package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;

/** {@code float4} ({@code real}) as Float. getDouble widens exactly (0.1f gives 0.10000000149011612). */
public final class Float4Codec extends AbstractFloatCodec {

    @Override
    public int oid() {
        return Oids.FLOAT4;
    }

    @Override
    public String typeName() {
        return "float4";
    }

    @Override
    public Class<?> javaType() {
        return Float.class;
    }

    private float readFloat(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 4);
            return Float.intBitsToFloat(BigEndian.getInt(buf, offset));
        }
        String text = utf8(buf, offset, length);
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw CodecErrors.invalidText("float4", text);
        }
    }

    @Override
    protected double read(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return readFloat(buf, offset, length, binary);
    }

    @Override
    public float decodeFloat(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return readFloat(buf, offset, length, binary);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return readFloat(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return FloatText.format(readFloat(buf, offset, length, true));
    }

    /** Doubles are rounded to float like a cast; a finite value beyond float's range is 22003, not Infinity. */
    @Override
    protected byte[] encode(Object value) throws SQLException {
        double d = toDouble(value);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d) || Double.isInfinite(d) && !(value instanceof Double || value instanceof Float)) {
            throw CodecErrors.outOfRange(value, "float4", -Float.MAX_VALUE, Float.MAX_VALUE);
        }
        return BigEndian.ofInt(Float.floatToRawIntBits(f));
    }
}

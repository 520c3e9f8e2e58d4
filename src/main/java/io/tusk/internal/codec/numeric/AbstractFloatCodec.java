package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Narrowing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * float4 and float8: conversions go through the double value. Integer getters truncate toward zero
 * and refuse NaN, infinities and values out of range (22003); BigDecimal comes from the shortest
 * text, so 0.1 gives 0.1 rather than 0.1000000000000000055511151231257827.
 */
public abstract class AbstractFloatCodec extends Codec {

    /** The value as a double, binary or text (Java parses "Infinity", "-Infinity" and "NaN" as the server writes them). */
    protected abstract double read(byte[] buf, int offset, int length, boolean binary) throws SQLException;

    @Override
    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return read(buf, offset, length, binary);
    }

    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        double v = read(buf, offset, length, binary);
        return (int) Narrowing.toLong(v, FloatText.format(v), "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        double v = read(buf, offset, length, binary);
        return Narrowing.toLong(v, FloatText.format(v), "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        double v = read(buf, offset, length, binary);
        if (v == 0 || v == 1) {
            return v == 1;
        }
        throw CodecErrors.outOfRange(FloatText.format(v), "boolean", 0, 1);
    }

    @Override
    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        double v = read(buf, offset, length, binary);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw CodecErrors.outOfRange(FloatText.format(v), "java.math.BigDecimal", "a finite number");
        }
        return new BigDecimal(decodeString(buf, offset, length, binary));
    }

    protected static double parse(String text, String typeName) throws SQLException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw CodecErrors.invalidText(typeName, text);
        }
    }

    /** Any standard number converts, with the precision loss a float column implies. */
    @Override
    public boolean canEncode(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigDecimal
                || value instanceof BigInteger;
    }

    /** The parameter as a double, or 42804 for a non-number. */
    protected final double toDouble(Object value) throws SQLException {
        if (!canEncode(value)) {
            throw cannotEncode(value);
        }
        return ((Number) value).doubleValue();
    }
}

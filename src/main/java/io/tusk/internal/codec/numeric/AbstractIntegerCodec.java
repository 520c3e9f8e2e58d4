package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Narrowing;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * int2, int4, int8 and oid: each value is a long in the type's range, so every conversion is written
 * once here and a subclass only says how wide the binary form is.
 */
public abstract class AbstractIntegerCodec extends Codec {
    private final long min;
    private final long max;

    protected AbstractIntegerCodec(long min, long max) {
        this.min = min;
        this.max = max;
    }

    /** The binary value; {@code length} is already checked against {@link #binaryLength()}. */
    protected abstract long readBinary(byte[] buf, int offset);

    protected abstract byte[] writeBinary(long value);

    protected abstract int binaryLength();

    /** The value boxed as {@link #javaType()}. */
    protected abstract Object box(long value);

    @Override
    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, binaryLength());
            return readBinary(buf, offset);
        }
        return parseText(buf, offset, length);
    }

    /** Plain decimal digits with an optional sign, read without making a String: the text fast path. */
    private long parseText(byte[] buf, int offset, int length) throws SQLException {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && buf[i] == '-';
        if (negative || i < end && buf[i] == '+') {
            i++;
        }
        if (i == end || end - i > 19) {
            throw CodecErrors.invalidText(typeName(), utf8(buf, offset, length));
        }
        // accumulate negatively: Long.MIN_VALUE has no positive counterpart
        long value = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || value < (Long.MIN_VALUE + d) / 10) {
                throw CodecErrors.invalidText(typeName(), utf8(buf, offset, length));
            }
            value = value * 10 - d;
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw CodecErrors.invalidText(typeName(), utf8(buf, offset, length));
        }
        return negative ? value : -value;
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return box(decodeLong(buf, offset, length, binary));
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return Long.toString(decodeLong(buf, offset, length, true));
    }

    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return Narrowing.toInt(decodeLong(buf, offset, length, binary));
    }

    /** 1 and 0 only, as {@code getBoolean} on a number column does in pgjdbc. */
    @Override
    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        long v = decodeLong(buf, offset, length, binary);
        if (v == 0 || v == 1) {
            return v == 1;
        }
        throw CodecErrors.outOfRange(v, "boolean", 0, 1);
    }

    @Override
    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLong(buf, offset, length, binary);
    }

    @Override
    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return BigDecimal.valueOf(decodeLong(buf, offset, length, binary));
    }

    @Override
    public boolean canEncode(Object value) {
        return Narrowing.isIntegralIn(value, min, max);
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        return writeBinary(Narrowing.exactIntegral(value, typeName(), min, max));
    }
}

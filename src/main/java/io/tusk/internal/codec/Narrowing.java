package io.tusk.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * Range-checked conversions between Java number types. Fractions are truncated toward zero, as JDBC
 * drivers do for {@code getInt} on a decimal column; anything that does not fit throws 22003 instead
 * of wrapping around silently.
 */
public final class Narrowing {
    private static final double TWO_POW_63 = 0x1p63;

    private Narrowing() {
    }

    public static int toInt(long value) throws SQLException {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw CodecErrors.outOfRange(value, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return (int) value;
    }

    public static short toShort(long value) throws SQLException {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw CodecErrors.outOfRange(value, "short", Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return (short) value;
    }

    public static byte toByte(long value) throws SQLException {
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
            throw CodecErrors.outOfRange(value, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        return (byte) value;
    }

    /** A finite double that fits float; infinities and NaN pass unchanged, as they exist in both. */
    public static float toFloat(double value) throws SQLException {
        float f = (float) value;
        if (Float.isInfinite(f) && !Double.isInfinite(value)) {
            throw CodecErrors.outOfRange(value, "float", -Float.MAX_VALUE, Float.MAX_VALUE);
        }
        return f;
    }

    /**
     * {@code value} truncated toward zero, if that lies in {@code min..max}.
     *
     * @param shown how to show the value in the message (the text the server sent, say)
     */
    public static long toLong(double value, Object shown, String target, long min, long max) throws SQLException {
        double t = value < 0 ? Math.ceil(value) : Math.floor(value);
        // (double) Long.MAX_VALUE rounds up to 2^63, which itself does not fit
        boolean fits = t >= min && (max == Long.MAX_VALUE ? t < TWO_POW_63 : t <= max);
        if (!fits) {
            throw CodecErrors.outOfRange(shown, target, min, max);
        }
        return (long) t;
    }

    /** {@code value} truncated toward zero, if that lies in {@code min..max}. */
    public static long toLong(BigDecimal value, Object shown, String target, long min, long max) throws SQLException {
        BigDecimal t = value.setScale(0, RoundingMode.DOWN);
        if (t.compareTo(BigDecimal.valueOf(min)) < 0 || t.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw CodecErrors.outOfRange(shown, target, min, max);
        }
        return t.longValue();
    }

    /** True for the integral box types whose value lies in {@code min..max}: what integer codecs accept. */
    public static boolean isIntegralIn(Object value, long min, long max) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            return v >= min && v <= max;
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 && b.longValue() >= min && b.longValue() <= max;
        }
        return false;
    }

    /**
     * A parameter value as an exact integer in {@code min..max}: integral boxes and BigInteger, and
     * BigDecimal, Double or Float holding an integer (so {@code setObject(new BigDecimal("5"))} on an
     * int4 parameter works, while 1.5 is refused rather than rounded).
     */
    public static long exactIntegral(Object value, String typeName, long min, long max) throws SQLException {
        BigDecimal exact;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v >= min && v <= max) {
                return v;
            }
            throw CodecErrors.outOfRange(v, typeName, min, max);
        } else if (value instanceof BigInteger b) {
            exact = new BigDecimal(b);
        } else if (value instanceof BigDecimal d) {
            exact = d;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw CodecErrors.outOfRange(d, typeName, min, max);
            }
            exact = new BigDecimal(d);
        } else {
            throw CodecErrors.cannotEncode(value, typeName);
        }
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0
                || exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw CodecErrors.outOfRange(value, typeName, "an integer in " + min + ".." + max);
        }
        return exact.longValue();
    }
}

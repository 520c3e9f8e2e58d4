package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.CodecErrors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * numeric's binary form (numeric_send/numeric_recv): uint16 ndigits, int16 weight, uint16 sign,
 * uint16 dscale, then ndigits base-10000 digits, most significant first; the value is
 * sum(digit[i] * 10000^(weight - i)) and dscale is the number of decimal places the server shows.
 * Special values have no digits and a sign of their own: NaN 0xC000, and on servers 14+
 * +Infinity 0xD000 and -Infinity 0xF000.
 */
public final class NumericBinary {
    public static final int POSITIVE = 0x0000;
    public static final int NEGATIVE = 0x4000;
    public static final int NAN = 0xC000;
    public static final int PLUS_INFINITY = 0xD000;
    public static final int MINUS_INFINITY = 0xF000;
    /** The server's NUMERIC_DSCALE_MASK: the largest display scale the format can carry. */
    public static final int MAX_DSCALE = 0x3FFF;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private NumericBinary() {
    }

    public static int sign(byte[] buf, int offset, int length) throws SQLException {
        if (length < 8) {
            throw CodecErrors.invalidBinary("numeric", length + " bytes (expected: at least 8)");
        }
        return BigEndian.getShort(buf, offset + 4) & 0xFFFF;
    }

    /** A finite value ({@code sign} POSITIVE or NEGATIVE) with exactly dscale decimal places. */
    public static BigDecimal decode(byte[] buf, int offset, int length) throws SQLException {
        // unsigned: the largest value has 36864 digits (131072 decimal digits before the point, 16383 after)
        int ndigits = BigEndian.getShort(buf, offset) & 0xFFFF;
        int weight = BigEndian.getShort(buf, offset + 2);
        int sign = BigEndian.getShort(buf, offset + 4) & 0xFFFF;
        int dscale = BigEndian.getShort(buf, offset + 6) & 0xFFFF;
        if (length != 8 + 2 * ndigits || sign != POSITIVE && sign != NEGATIVE || dscale > MAX_DSCALE) {
            throw CodecErrors.invalidBinary("numeric", "ndigits " + ndigits + ", sign 0x" + Integer.toHexString(sign)
                    + ", dscale " + dscale + " in " + length + " bytes");
        }
        BigInteger unscaled;
        if (ndigits <= 4) {
            // up to 16 decimal digits fit a long: the common case, without BigInteger arithmetic
            long v = 0;
            for (int i = 0; i < ndigits; i++) {
                v = v * 10_000 + digit(buf, offset, i);
            }
            // the value at scale dscale is v * 10^shift, truncated: usually one long and one BigDecimal
            int shift = 4 * (weight - ndigits + 1) + dscale;
            if (shift >= 0 && shift < POWERS_OF_TEN.length && v <= Long.MAX_VALUE / POWERS_OF_TEN[shift]) {
                long scaled = v * POWERS_OF_TEN[shift];
                return BigDecimal.valueOf(sign == NEGATIVE ? -scaled : scaled, dscale);
            } else if (shift < 0 && -shift < POWERS_OF_TEN.length) {
                long scaled = v / POWERS_OF_TEN[-shift];
                return BigDecimal.valueOf(sign == NEGATIVE ? -scaled : scaled, dscale);
            }
            unscaled = BigInteger.valueOf(v);
        } else {
            char[] chars = new char[4 * ndigits];
            for (int i = 0; i < ndigits; i++) {
                int d = digit(buf, offset, i);
                for (int j = 3; j >= 0; j--) {
                    chars[4 * i + j] = (char) ('0' + d % 10);
                    d /= 10;
                }
            }
            unscaled = new BigInteger(new String(chars));
        }
        if (sign == NEGATIVE) {
            unscaled = unscaled.negate();
        }
        // the digits stand for unscaled * 10000^(weight - ndigits + 1)
        BigDecimal value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        return value.setScale(dscale, RoundingMode.DOWN);
    }

    private static int digit(byte[] buf, int offset, int i) throws SQLException {
        int d = BigEndian.getShort(buf, offset + 8 + 2 * i);
        if (d < 0 || d > 9999) {
            throw CodecErrors.invalidBinary("numeric", "digit " + d + " (expected: 0..9999)");
        }
        return d;
    }

    public static byte[] special(int sign) {
        byte[] b = new byte[8];
        BigEndian.putShort(b, 4, sign);
        return b;
    }

    public static byte[] encode(BigDecimal value) throws SQLException {
        int dscale = Math.max(value.scale(), 0);
        // before any arithmetic: 1E+999999999 must not first become a billion-digit BigInteger
        if (value.signum() != 0 && (long) value.precision() - value.scale() > 4L * (Short.MAX_VALUE + 1)) {
            throw CodecErrors.outOfRange(value, "numeric", "less than 10^131072");
        }
        if (dscale > MAX_DSCALE) {
            throw CodecErrors.outOfRange(value, "numeric", "at most " + MAX_DSCALE + " decimal places");
        }
        // align the decimal point on a base-10000 boundary: scale up to a multiple of 4
        int alignedScale = (dscale + 3) / 4 * 4;
        BigInteger magnitude = value.setScale(alignedScale, RoundingMode.UNNECESSARY).unscaledValue().abs();
        String digits = magnitude.signum() == 0 ? "" : magnitude.toString();
        int groups = (digits.length() + 3) / 4;
        int lead = groups * 4 - digits.length();
        short[] base = new short[groups];
        for (int g = 0, pos = -lead; g < groups; g++, pos += 4) {
            int d = 0;
            for (int k = pos; k < pos + 4; k++) {
                d = d * 10 + (k < 0 ? 0 : digits.charAt(k) - '0');
            }
            base[g] = (short) d;
        }
        int weight = groups - 1 - alignedScale / 4;
        int first = 0;
        int last = groups;
        while (first < last && base[first] == 0) {
            first++;
            weight--;
        }
        while (last > first && base[last - 1] == 0) {
            last--;
        }
        if (first == last) {
            weight = 0;
        } else if (weight > Short.MAX_VALUE) {
            throw CodecErrors.outOfRange(value, "numeric", "less than 10^131072");
        }
        byte[] out = new byte[8 + 2 * (last - first)];
        BigEndian.putShort(out, 0, last - first);
        BigEndian.putShort(out, 2, weight);
        BigEndian.putShort(out, 4, value.signum() < 0 ? NEGATIVE : POSITIVE);
        BigEndian.putShort(out, 6, dscale);
        for (int i = first; i < last; i++) {
            BigEndian.putShort(out, 8 + 2 * (i - first), base[i]);
        }
        return out;
    }
}

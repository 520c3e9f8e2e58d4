package io.tusk.internal.codec.numeric;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Narrowing;
import io.tusk.internal.codec.Oids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * {@code numeric} as BigDecimal with the server's display scale ({@code 1.50} keeps its zero, so
 * getString and getBigDecimal agree with psql). NaN and ±Infinity (servers 14+) have no BigDecimal:
 * getObject returns them as Double (as pgjdbc does), getDouble works, and getBigDecimal, getInt and
 * friends refuse them with 22003.
 */
public final class NumericCodec extends Codec {

    @Override
    public int oid() {
        return Oids.NUMERIC;
    }

    @Override
    public String typeName() {
        return "numeric";
    }

    @Override
    public Class<?> javaType() {
        return BigDecimal.class;
    }

    /** A BigDecimal, or a Double for NaN and the infinities. */
    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            return switch (NumericBinary.sign(buf, offset, length)) {
                case NumericBinary.NAN -> Double.NaN;
                case NumericBinary.PLUS_INFINITY -> Double.POSITIVE_INFINITY;
                case NumericBinary.MINUS_INFINITY -> Double.NEGATIVE_INFINITY;
                default -> NumericBinary.decode(buf, offset, length);
            };
        }
        String text = utf8(buf, offset, length);
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> parse(text);
        };
    }

    private static BigDecimal parse(String text) throws SQLException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw CodecErrors.invalidText("numeric", text);
        }
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        Object v = decodeObject(buf, offset, length, true);
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        double special = (Double) v;
        return Double.isNaN(special) ? "NaN" : special > 0 ? "Infinity" : "-Infinity";
    }

    @Override
    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        Object v = decodeObject(buf, offset, length, binary);
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw CodecErrors.outOfRange(FloatText.format((Double) v), "java.math.BigDecimal", "a finite number");
    }

    @Override
    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        Object v = decodeObject(buf, offset, length, binary);
        return v instanceof BigDecimal d ? d.doubleValue() : (Double) v;
    }

    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        BigDecimal d = decodeBigDecimal(buf, offset, length, binary);
        return (int) Narrowing.toLong(d, d.toPlainString(), "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        BigDecimal d = decodeBigDecimal(buf, offset, length, binary);
        return Narrowing.toLong(d, d.toPlainString(), "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        BigDecimal d = decodeBigDecimal(buf, offset, length, binary);
        if (d.signum() == 0 || d.compareTo(BigDecimal.ONE) == 0) {
            return d.signum() != 0;
        }
        throw CodecErrors.outOfRange(d.toPlainString(), "boolean", 0, 1);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float;
    }

    /**
     * Doubles go through their shortest decimal (0.1 becomes 0.1, not its 55-digit binary expansion);
     * NaN and ±Infinity become numeric's own (the infinities need a server 14+, older ones reject them).
     */
    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof BigDecimal d) {
            return NumericBinary.encode(d);
        } else if (value instanceof BigInteger b) {
            return NumericBinary.encode(new BigDecimal(b));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return NumericBinary.special(NumericBinary.NAN);
            } else if (Double.isInfinite(d)) {
                return NumericBinary.special(d > 0 ? NumericBinary.PLUS_INFINITY : NumericBinary.MINUS_INFINITY);
            }
            String shortest = value instanceof Float f ? FloatText.format(f) : FloatText.format(d);
            return NumericBinary.encode(new BigDecimal(shortest));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NumericBinary.encode(BigDecimal.valueOf(((Number) value).longValue()));
        }
        throw cannotEncode(value);
    }
}

package io.tusk.internal.session;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.error.SqlStates;
import java.sql.SQLException;

/**
 * Parameter values encoded for Bind, with the type OIDs for Parse. A value whose Java class has a
 * codec is sent in binary with that codec's type; {@code null} is sent untyped (OID 0, the server
 * infers the type); a value of any other class is refused rather than guessed at.
 *
 * @param types   OIDs for Parse, 0 where the server infers the type
 * @param formats 0 (text) or 1 (binary) per value
 * @param values  the encoded values, {@code null} for SQL NULL
 */
public record Parameters(int[] types, short[] formats, byte[][] values) {
    public static final Parameters NONE = new Parameters(new int[0], new short[0], new byte[0][]);

    public int count() {
        return values.length;
    }

    /** Encodes the arguments of an async-API call ({@code $1 … $n}). */
    public static Parameters encode(Object[] args, CodecRegistry registry) throws SQLException {
        if (args == null || args.length == 0) {
            return NONE;
        }
        int n = args.length;
        int[] types = new int[n];
        short[] formats = new short[n];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            Object arg = args[i];
            if (arg == null) {
                continue;
            }
            Codec codec = registry.forJavaValue(arg);
            if (codec == null) {
                throw new SQLException("parameter $" + (i + 1) + ": no PostgreSQL type for " + arg.getClass().getName()
                        + " (expected: a boxed primitive, String, BigDecimal, byte[], UUID, java.time value or Interval)",
                        SqlStates.INVALID_PARAMETER_VALUE);
            }
            types[i] = codec.oid();
            if (codec.supportsBinary()) {
                formats[i] = 1;
                values[i] = codec.encodeBinary(arg);
            } else {
                values[i] = codec.encodeText(arg).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new Parameters(types, formats, values);
    }

    /**
     * Encodes arguments for parameters whose types the server already resolved: binary through the
     * parameter type's codec when it takes the value, otherwise the value's text, which the server
     * parses into the parameter's type (so a String may feed an int parameter).
     */
    public static Parameters encodeFor(int[] types, Object[] args, CodecRegistry registry) throws SQLException {
        int n = types.length;
        int given = args == null ? 0 : args.length;
        if (given != n) {
            throw new SQLException("the statement has " + n + " parameters, but " + given + " values were given",
                    "07001");
        }
        short[] formats = new short[n];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            Object arg = args[i];
            if (arg == null) {
                continue;
            }
            Codec target = registry.forOid(types[i]);
            if (target.supportsBinary() && target.canEncode(arg)) {
                formats[i] = 1;
                values[i] = target.encodeBinary(arg);
            } else {
                Codec own = registry.forJavaValue(arg);
                String text = own != null ? own.encodeText(arg) : arg.toString();
                values[i] = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new Parameters(types.clone(), formats, values);
    }
}

package io.tusk.jdbc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.session.Parameters;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The values bound to a PreparedStatement's {@code ?} markers, each with the type its setter
 * implies: setInt means int4, setString means "unspecified" (OID 0, sent as text, so the server
 * reads it as whatever type the context needs, as pgjdbc's stringtype=unspecified does). A value
 * is sent in binary when its type has a codec that takes it, as text otherwise.
 */
final class ParameterValues {
    private final Object[] values;
    private final int[] types;
    private final boolean[] set;

    ParameterValues(int count) {
        this.values = new Object[count];
        this.types = new int[count];
        this.set = new boolean[count];
    }

    private ParameterValues(ParameterValues other) {
        this.values = other.values.clone();
        this.types = other.types.clone();
        this.set = other.set.clone();
    }

    int count() {
        return values.length;
    }

    /** @param index 1-based, as in JDBC */
    void set(int index, Object value, int typeOid) throws SQLException {
        if (index < 1 || index > values.length) {
            throw new SQLException("The column index is out of range: " + index + ", number of columns: "
                    + values.length + ".", SqlStates.INVALID_PARAMETER_VALUE);
        }
        values[index - 1] = value;
        types[index - 1] = typeOid;
        set[index - 1] = true;
    }

    boolean isSet(int index) {
        return set[index - 1];
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(types, 0);
        Arrays.fill(set, false);
    }

    ParameterValues copy() {
        return new ParameterValues(this);
    }

    /** The type OIDs in JDBC order (0 where the server is to infer it). */
    int[] types() {
        return types.clone();
    }

    /**
     * Encodes the values one statement uses.
     *
     * @param indexes 0-based JDBC indexes, one per {@code $n} of the statement, in order
     */
    Parameters encode(int[] indexes, CodecRegistry registry) throws SQLException {
        int n = indexes.length;
        int[] oids = new int[n];
        short[] formats = new short[n];
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            int k = indexes[i];
            if (!set[k]) {
                throw new SQLException("No value specified for parameter " + (k + 1) + ".", SqlStates.INVALID_PARAMETER_VALUE);
            }
            Object value = values[k];
            oids[i] = types[k];
            if (value == null) {
                continue;
            }
            Codec codec = types[k] == 0 ? null : registry.forOid(types[k]);
            if (codec != null && codec.supportsBinary() && codec.canEncode(value)) {
                formats[i] = 1;
                bytes[i] = codec.encodeBinary(value);
            } else {
                bytes[i] = text(value, codec, registry).getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Parameters(oids, formats, bytes);
    }

    private static String text(Object value, Codec target, CodecRegistry registry) throws SQLException {
        if (value instanceof String s) {
            return s;
        }
        if (target != null && target.canEncode(value)) {
            return target.encodeText(value);
        }
        Codec own = registry.forJavaValue(value);
        return own != null ? own.encodeText(value) : value.toString();
    }
}

package io.tusk.jdbc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.codec.array.ArrayCodec;
import io.tusk.internal.error.SqlStates;
import java.lang.reflect.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link java.sql.Array} over a value held in memory: an array column's value, read when the getter
 * was called, or the elements given to {@code createArrayOf}, checked and converted to the element
 * type's Java class then. {@link #getArray()} gives a copy: {@code Integer[]} for int4[],
 * {@code String[]} for text[], nested ({@code Integer[][]}) for more dimensions, SQL NULL as null.
 *
 * <pre>{@code
 * Array tags = conn.createArrayOf("text", new Object[] {"a", "b"});
 * ps.setArray(1, tags);
 * try (ResultSet rs = st.executeQuery("SELECT ARRAY[1, NULL, 3]")) {
 *     rs.next();
 *     Integer[] values = (Integer[]) rs.getArray(1).getArray();   // {1, null, 3}
 * }
 * }</pre>
 *
 * Indexes are 1-based and count from the first element whatever the array's lower bound, as in
 * pgjdbc. Element type maps are not supported (0A000); after {@link #free()} every method but
 * {@code free} fails (SQLSTATE 55000).
 */
public final class JdbcArray implements java.sql.Array {
    private static final String FREED = "55000";
    private static final String SUBSCRIPT_ERROR = "2202E";

    private final ArrayCodec codec;
    /** The Java array, null once freed. */
    private Object value;

    JdbcArray(ArrayCodec codec, Object value) {
        this.codec = codec;
        this.value = value;
    }

    /** An array of {@code codec}'s type from Java values (arrays, primitive arrays or Lists; Strings parse as element text). */
    static JdbcArray of(ArrayCodec codec, Object elements) throws SQLException {
        byte[] wire = codec.encodeBinary(elements);
        return new JdbcArray(codec, codec.decodeObject(wire, 0, wire.length, true));
    }

    /** Ours as it is; another driver's by its base type name and {@code getArray()}. */
    static JdbcArray from(java.sql.Array array, CodecRegistry registry) throws SQLException {
        if (array instanceof JdbcArray ours) {
            ours.check();
            return ours;
        }
        return of(codecFor(array.getBaseTypeName(), registry), array.getArray());
    }

    /** The array codec for an element type name ({@code "int4"}, {@code "integer"}, {@code "text"}, case-insensitive). */
    static ArrayCodec codecFor(String elementType, CodecRegistry registry) throws SQLException {
        Codec named = elementType == null ? null : registry.forName(elementType);
        Codec array = named == null || named instanceof ArrayCodec ? named : registry.forOid(Oids.arrayOf(named.oid()));
        if (array instanceof ArrayCodec a && a.supportsBinary()) {
            return a;
        }
        throw new SQLException("array element type: \"" + elementType + "\" (expected: a built-in type with a codec,"
                + " such as int4, integer, text, varchar, uuid, timestamptz)", SqlStates.INVALID_PARAMETER_VALUE);
    }

    ArrayCodec codec() {
        return codec;
    }

    /** The Java array itself, for binding; not copied. */
    Object value() throws SQLException {
        check();
        return value;
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        check();
        return codec.element().typeName();
    }

    @Override
    public int getBaseType() throws SQLException {
        check();
        return JdbcTypes.sqlType(codec.element().oid());
    }

    @Override
    public Object getArray() throws SQLException {
        check();
        return copy(value);
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getArray();
    }

    /** Elements {@code index .. index + count - 1} of the first dimension (1-based). */
    @Override
    public Object getArray(long index, int count) throws SQLException {
        int from = range(index, count);
        Object out = Array.newInstance(value.getClass().getComponentType(), count);
        for (int i = 0; i < count; i++) {
            Array.set(out, i, copy(Array.get(value, from + i)));
        }
        return out;
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getArray(index, count);
    }

    /**
     * One row per element of the first dimension: {@code INDEX} (int4, from 1) and {@code VALUE} (the
     * element type, or the array type for the sub-arrays of a multi-dimensional array).
     */
    @Override
    public ResultSet getResultSet() throws SQLException {
        check();
        return getResultSet(1, Array.getLength(value));
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        int from = range(index, count);
        Class<?> component = value.getClass().getComponentType();
        boolean nested = component.isArray() && component != codec.element().javaType();
        Codec valueCodec = nested ? codec : codec.element();
        List<String[]> rows = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            Object item = Array.get(value, i);
            rows.add(new String[] {Integer.toString(i + 1), item == null ? null : valueCodec.encodeText(item)});
        }
        return JdbcResultSet.ofText(new String[] {"INDEX", "VALUE"}, new int[] {Oids.INT4, valueCodec.oid()}, rows);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getResultSet(index, count);
    }

    /** Releases the value; calling it again does nothing. */
    @Override
    public void free() {
        value = null;
    }

    /** The array as PostgreSQL prints it, e.g. {@code {1,NULL,"a b"}}. */
    @Override
    public String toString() {
        if (value == null) {
            return "JdbcArray[freed]";
        }
        try {
            return codec.encodeText(value);
        } catch (SQLException e) {
            return java.util.Arrays.deepToString((Object[]) value);
        }
    }

    private int range(long index, int count) throws SQLException {
        check();
        int length = Array.getLength(value);
        if (index < 1 || count < 0 || index - 1 + count > length) {
            throw new SQLException("array index: " + index + ", count: " + count + " (expected: index >= 1 and index + count"
                    + " - 1 <= " + length + ", the array's length)", SUBSCRIPT_ERROR);
        }
        return (int) index - 1;
    }

    private void check() throws SQLException {
        if (value == null) {
            throw new SQLException("Array used after free() (expected: no calls after free())", FREED);
        }
    }

    private void checkMap(Map<String, Class<?>> map) throws SQLException {
        check();
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("type maps for array elements are not supported (expected: null"
                    + " or an empty map)", SqlStates.FEATURE_NOT_SUPPORTED);
        }
    }

    /** A deep copy, so the caller cannot change the value behind this object (byte[] elements included). */
    private static Object copy(Object a) {
        if (a == null || !a.getClass().isArray()) {
            return a;
        }
        int n = Array.getLength(a);
        Class<?> component = a.getClass().getComponentType();
        Object out = Array.newInstance(component, n);
        if (component.isPrimitive()) {
            System.arraycopy(a, 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                ((Object[]) out)[i] = copy(((Object[]) a)[i]);
            }
        }
        return out;
    }
}

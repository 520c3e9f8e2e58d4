package io.tusk.jdbc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.composite.CompositeTextWriter;
import io.tusk.internal.error.SqlStates;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link Struct} for a value of a PostgreSQL composite type ({@code CREATE TYPE address AS (street
 * text, zip int)}, or a table's row type), made by {@code Connection.createStruct} and sent by
 * {@code PreparedStatement.setObject} as the composite's text, typed with the composite's OID.
 *
 * <pre>{@code
 * Struct home = conn.createStruct("address", new Object[] {"1 Main St, Springfield", 12345});
 * ps.setObject(1, home);    // sent as ("1 Main St, Springfield",12345) of type address
 * }</pre>
 *
 * <p>The attributes are turned into their text when the Struct is made, so a value the driver cannot
 * send fails there: each attribute is written as the driver's codec for its Java class writes it
 * (the classes {@code setObject} takes), a nested Struct as its own composite text, a
 * {@code java.sql.Array}, Java array or List as an array's text, {@code java.sql.Date}, {@code Time}
 * and {@code Timestamp} as their local date and time (a timestamptz attribute reads them in the
 * session's time zone, which is the JVM's), null as SQL NULL. How many attributes the type has and
 * whether each text fits its attribute's type is checked by the server when the value is sent.
 */
public final class JdbcStruct implements Struct {
    /** No PostgreSQL type for a Java class: the SQLSTATE setObject uses for the same mistake. */
    private static final String NO_TYPE_FOR_CLASS = "07006";

    private final String typeName;
    private final Object[] attributes;
    private final String text;

    private JdbcStruct(String typeName, Object[] attributes, String text) {
        this.typeName = typeName;
        this.attributes = attributes;
        this.text = text;
    }

    /**
     * A struct of the named type; the attributes are copied (the array, not the values in it).
     *
     * @throws SQLException 22023 for a null or blank type name or a null attributes array; 07006 for an
     *                      attribute of a class with no PostgreSQL type
     */
    static JdbcStruct of(String typeName, Object[] attributes, CodecRegistry registry) throws SQLException {
        if (typeName == null || typeName.isBlank()) {
            throw new SQLException("struct type name: " + (typeName == null ? "null" : "\"" + typeName + "\"")
                    + " (expected: the name of a composite type or table, such as \"address\" or \"public.address\")",
                    SqlStates.INVALID_PARAMETER_VALUE);
        }
        if (attributes == null) {
            throw new SQLException("struct attributes: null (expected: an array with one value per attribute of "
                    + typeName + ", null for SQL NULL)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        Object[] copy = attributes.clone();
        List<String> fields = new ArrayList<>(copy.length);
        for (int i = 0; i < copy.length; i++) {
            fields.add(attributeText(copy[i], i + 1, registry));
        }
        return new JdbcStruct(typeName, copy, CompositeTextWriter.write(fields));
    }

    /** Ours as it is; any other {@link Struct} through its type name and attributes. */
    static JdbcStruct from(Struct struct, CodecRegistry registry) throws SQLException {
        if (struct instanceof JdbcStruct ours) {
            return ours;
        }
        return of(struct.getSQLTypeName(), struct.getAttributes(), registry);
    }

    /** The composite's text, as the server reads (and prints) it: {@code (1,"a b",)}. */
    String text() {
        return text;
    }

    /** The type name as given to {@code createStruct}, not normalized. */
    @Override
    public String getSQLTypeName() {
        return typeName;
    }

    /** A copy of the attributes as given: changing it does not change this Struct. */
    @Override
    public Object[] getAttributes() {
        return attributes.clone();
    }

    /** As {@link #getAttributes()}; type maps other than an empty one are not supported (0A000). */
    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw new SQLFeatureNotSupportedException("type maps for struct attributes are not supported (expected:"
                    + " null or an empty map)", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        return getAttributes();
    }

    /** The composite's text, e.g. {@code (1,"a b",)}. */
    @Override
    public String toString() {
        return text;
    }

    /** One attribute in its type's text; null for SQL NULL. */
    private static String attributeText(Object value, int position, CodecRegistry registry) throws SQLException {
        if (value == null) {
            return null;
        } else if (value instanceof String s) {
            return s;
        } else if (value instanceof Character c) {
            return c.toString();
        } else if (value instanceof Struct s) {
            return from(s, registry).text();
        } else if (value instanceof java.sql.Array a) {
            JdbcArray array = JdbcArray.from(a, registry);
            return array.codec().encodeText(array.value());
        }
        Object javaValue = JdbcTemporals.fromJdbc(value);
        Codec codec = registry.forJavaValue(javaValue);
        if (codec == null) {
            throw new SQLException("struct attribute " + position + ": no PostgreSQL type for "
                    + value.getClass().getName() + " (expected: a class setObject takes, a Struct, an Array or null)",
                    NO_TYPE_FOR_CLASS);
        }
        return codec.encodeText(javaValue);
    }
}

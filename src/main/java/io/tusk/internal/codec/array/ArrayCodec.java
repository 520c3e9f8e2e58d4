package io.tusk.internal.codec.array;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.SessionSettings;
import io.tusk.internal.codec.text.TextCodec;
import java.lang.reflect.Array;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An array type over the codec of its element type, one instance per array OID ({@code _int4} over
 * int4). Values read as Java arrays of the element codec's Java type ({@code Integer[]},
 * {@code String[]}, {@code LocalDate[]}), nested for more dimensions ({@code Integer[][]}), SQL NULL
 * elements as null; lower bounds other than 1 show in the text only. Encoding takes object arrays,
 * primitive arrays ({@code int[]} …) and Lists, nested as deep as the array has dimensions; the binary
 * form names the element OID, so a value is always sent as this array type.
 *
 * <pre>{@code
 * Codec c = CodecRegistry.builtin().forOid(Oids.INT4_ARRAY);
 * Integer[] a = (Integer[]) c.decodeObject(buf, offset, length, true);
 * List<?> l = c.decode(List.class, buf, offset, length, true);
 * int[] p = c.decode(int[].class, buf, offset, length, true);   // fails with 22004 on a NULL element
 * byte[] wire = c.encodeBinary(new int[] {1, 2, 3});
 * }</pre>
 */
public final class ArrayCodec extends Codec {
    /** Arrays whose element type cannot be told from Java: sent as text of type "unknown", see {@link #untyped()}. */
    private static final ArrayCodec UNTYPED = new ArrayCodec(0, "unknown[]", TextCodec.text());

    private final int oid;
    private final String typeName;
    private final Codec element;
    private final Class<?> javaType;

    /** @param oid the array type's OID, e.g. {@code Oids.INT4_ARRAY} for an int4 {@code element} */
    public ArrayCodec(int oid, Codec element) {
        this(oid, "_" + element.typeName(), element);
    }

    private ArrayCodec(int oid, String typeName, Codec element) {
        this.oid = oid;
        this.typeName = typeName;
        this.element = element;
        this.javaType = Array.newInstance(element.javaType(), 0).getClass();
    }

    /**
     * For a Java array or List whose element type cannot be told (empty, only nulls, an
     * {@code Object[]} of nothing else): OID 0 and sent as text ({@code {}}, {@code {NULL}}), so the
     * server gives the parameter the array type the statement needs, as it does for a literal {@code '{}'}.
     */
    public static ArrayCodec untyped() {
        return UNTYPED;
    }

    /** The codec of the elements. */
    public Codec element() {
        return element;
    }

    @Override
    public int oid() {
        return oid;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public boolean supportsBinary() {
        return oid != 0 && element.supportsBinary();
    }

    /** The one-dimensional array class; a multi-dimensional value is an array of those. */
    @Override
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * A Java array of the element codec's Java type. numeric's NaN and infinities are Doubles, so a
     * numeric array holding one is a {@code Number[]} rather than a {@code BigDecimal[]}.
     */
    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        ArrayContents contents = read(buf, offset, length, binary, element::decodeObject);
        Class<?> leaf = element.javaType();
        if (!contents.allInstancesOf(leaf)) {
            leaf = contents.allInstancesOf(Number.class) ? Number.class : Object.class;
        }
        return contents.toJava(leaf);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return ArrayTextWriter.write(read(buf, offset, length, true, element::decodeString));
    }

    /** Elements whose text depends on the session (timestamptz, interval) print as they would alone. */
    @Override
    public String decodeString(byte[] buf, int offset, int length, boolean binary, SessionSettings session)
            throws SQLException {
        if (!binary || session == null) {
            return decodeString(buf, offset, length, binary);
        }
        return ArrayTextWriter.write(read(buf, offset, length, true,
                (b, o, n, f) -> element.decodeString(b, o, n, f, session)));
    }

    /** Besides Object and String: any array class (elements by the element codec's rules), and List. */
    @Override
    protected Object convert(Class<?> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (type.isArray() && type != byte[].class) {
            return asArray(type, buf, offset, length, binary);
        } else if (type == List.class || type == Collection.class || type == Iterable.class) {
            return read(buf, offset, length, binary, element::decodeObject).toList();
        }
        return super.convert(type, buf, offset, length, binary);
    }

    private Object asArray(Class<?> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        Class<?> leaf = type;
        while (leaf.isArray() && leaf != byte[].class) {
            leaf = leaf.getComponentType();
        }
        Class<?> target = leaf;
        ArrayContents contents = read(buf, offset, length, binary, (b, o, n, f) -> element.decode(target, b, o, n, f));
        Object out = contents.dims.length == 0 ? Array.newInstance(type.getComponentType(), 0) : contents.toJava(leaf);
        if (!type.isInstance(out)) {
            throw new SQLSyntaxErrorException("cannot convert " + typeName + " of " + contents.dims.length
                    + " dimensions to " + type.getSimpleName() + " (expected: an array class of as many dimensions)",
                    CodecErrors.DATATYPE_MISMATCH);
        }
        return out;
    }

    private ArrayContents read(byte[] buf, int offset, int length, boolean binary, ElementReader reader)
            throws SQLException {
        return binary ? ArrayBinary.read(buf, offset, length, element.oid(), typeName, reader)
                : ArrayText.parse(buf, offset, length, typeName, reader);
    }

    // ---- encoding ---------------------------------------------------------------------------

    /** An array, primitive array or List of a regular shape whose elements the element codec takes (or are Strings). */
    @Override
    public boolean canEncode(Object value) {
        if (!ArrayContents.isContainer(value)) {
            return false;
        }
        try {
            for (Object e : ArrayContents.fromJava(value).elements) {
                if (e != null && !(e instanceof String) && !element.canEncode(e)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (!ArrayContents.isContainer(value)) {
            throw cannotEncode(value);
        }
        return ArrayBinary.write(ArrayContents.fromJava(value), element);
    }

    /** Each element in its type's input syntax (a String element as it is), quoted as {@code array_out} does. */
    @Override
    public String encodeText(Object value) throws SQLException {
        Objects.requireNonNull(value, "value (SQL NULL is the caller's business)");
        if (value instanceof String s) {
            return s;
        } else if (!ArrayContents.isContainer(value)) {
            throw cannotEncode(value);
        }
        ArrayContents contents = ArrayContents.fromJava(value);
        Object[] texts = new Object[contents.elements.length];
        for (int i = 0; i < texts.length; i++) {
            Object e = contents.elements[i];
            texts[i] = e == null ? null : element.encodeText(e);
        }
        return ArrayTextWriter.write(new ArrayContents(contents.dims, contents.lowerBounds, texts));
    }

    // ---- for CodecRegistry.forJavaValue -------------------------------------------------------

    /** True for a Java value that is an array value: an object array, a List, a primitive array other than byte[]. */
    public static boolean isArrayValue(Object value) {
        return ArrayContents.isContainer(value);
    }

    /** The first non-null element of an array value, depth first; null when it has none. */
    public static Object firstElement(Object value) {
        return ArrayContents.firstElement(value, 0);
    }

    /** The innermost component class of an array value ({@code int} for {@code int[][]}); null for a List. */
    public static Class<?> elementClass(Object value) {
        return ArrayContents.elementClass(value);
    }
}

package io.tusk.internal.codec.array;

import java.lang.reflect.Array;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An array between the wire and Java: PostgreSQL's shape (dimensions and lower bounds) and the
 * elements in row-major order, SQL NULL as {@code null}. Both wire formats are read into this and
 * written from it, and only this class knows Java's nested arrays and Lists, so each side is written
 * once. An empty array has no dimensions, as in PostgreSQL, however it was written ({@code new int[0][0]}).
 */
final class ArrayContents {
    /** PostgreSQL's MAXDIM. */
    static final int MAX_DIMENSIONS = 6;
    static final ArrayContents EMPTY = new ArrayContents(new int[0], new int[0], new Object[0]);

    /** The length of each dimension, outermost first; none for an empty array. */
    final int[] dims;
    final int[] lowerBounds;
    final Object[] elements;

    ArrayContents(int[] dims, int[] lowerBounds, Object[] elements) {
        this.dims = dims;
        this.lowerBounds = lowerBounds;
        this.elements = elements;
    }

    /** Lower bounds of 1 in every dimension, for arrays built from Java values. */
    static int[] defaultBounds(int dimensions) {
        int[] b = new int[dimensions];
        Arrays.fill(b, 1);
        return b;
    }

    boolean allInstancesOf(Class<?> type) {
        for (Object e : elements) {
            if (e != null && !type.isInstance(e)) {
                return false;
            }
        }
        return true;
    }

    // ---- to Java ---------------------------------------------------------------------------------

    /**
     * Nested Java arrays as deep as this array has dimensions, whose innermost component type is
     * {@code leaf} (the elements must already be of that type). A primitive leaf refuses NULL elements.
     */
    Object toJava(Class<?> leaf) throws SQLException {
        if (dims.length == 0) {
            return Array.newInstance(leaf, 0);
        }
        Object out = Array.newInstance(leaf, dims);
        fill(out, 0, 0, leaf);
        return out;
    }

    private int fill(Object array, int depth, int next, Class<?> leaf) throws SQLException {
        int n = dims[depth];
        for (int i = 0; i < n; i++) {
            if (depth < dims.length - 1) {
                next = fill(Array.get(array, i), depth + 1, next, leaf);
            } else {
                Object e = elements[next++];
                if (e == null && leaf.isPrimitive()) {
                    throw new SQLDataException("NULL element " + next + " in an array read as " + leaf.getName()
                            + "[] (expected: an array of the box type, e.g. Integer[], for arrays with NULLs)", "22004");
                }
                Array.set(array, i, e);
            }
        }
        return next;
    }

    /** Unmodifiable nested Lists, as deep as this array has dimensions; they may hold nulls. */
    List<Object> toList() {
        if (dims.length == 0) {
            return List.of();
        }
        return sublist(0, new int[] {0});
    }

    private List<Object> sublist(int depth, int[] next) {
        List<Object> out = new ArrayList<>(dims[depth]);
        for (int i = 0; i < dims[depth]; i++) {
            out.add(depth < dims.length - 1 ? sublist(depth + 1, next) : elements[next[0]++]);
        }
        return Collections.unmodifiableList(out);
    }

    // ---- from Java -------------------------------------------------------------------------------

    /**
     * True for what a Java array value is made of: object arrays, Lists and primitive arrays. A
     * {@code byte[]} is a bytea value, never a dimension.
     */
    static boolean isContainer(Object value) {
        return value instanceof Object[] || value instanceof List
                || value != null && value.getClass().isArray() && !(value instanceof byte[]);
    }

    /**
     * The shape and elements of a Java value: an {@code Object[]}, a List or a primitive array, nested
     * for more dimensions. Like PostgreSQL, sub-arrays of one level must all have the same length.
     */
    static ArrayContents fromJava(Object value) throws SQLException {
        int[] dims = new int[MAX_DIMENSIONS];
        int ndim = 0;
        long total = 1;
        for (Object probe = value; isContainer(probe); ) {
            if (ndim == MAX_DIMENSIONS) {
                throw new SQLDataException("number of array dimensions: " + (ndim + 1) + " (expected: <= "
                        + MAX_DIMENSIONS + ")", "54000");
            }
            Object[] items = items(probe);
            dims[ndim++] = items.length;
            total *= items.length;
            probe = items.length == 0 ? null : items[0];
        }
        if (ndim == 0) {
            throw new SQLDataException("not an array: " + (value == null ? null : value.getClass().getName())
                    + " (expected: an object array, a primitive array or a java.util.List)", "22023");
        }
        Object[] flat = new Object[(int) total];
        flatten(value, 0, Arrays.copyOf(dims, ndim), flat, 0);
        return total == 0 ? EMPTY : new ArrayContents(Arrays.copyOf(dims, ndim), defaultBounds(ndim), flat);
    }

    private static int flatten(Object container, int depth, int[] dims, Object[] flat, int next) throws SQLException {
        Object[] items = items(container);
        if (items.length != dims[depth]) {
            throw mismatched();
        }
        for (Object item : items) {
            boolean inner = depth < dims.length - 1;
            if (inner != isContainer(item) && (inner || item != null)) {
                throw mismatched();
            }
            if (inner) {
                next = flatten(item, depth + 1, dims, flat, next);
            } else {
                flat[next++] = item;
            }
        }
        return next;
    }

    private static SQLException mismatched() {
        return new SQLDataException("multidimensional arrays must have sub-arrays with matching dimensions"
                + " (expected: every sub-array of a level of the same length, none NULL)", "2202E");
    }

    /** The items of a container, boxed when it is a primitive array. */
    static Object[] items(Object container) {
        if (container instanceof Object[] a) {
            return a;
        } else if (container instanceof List<?> l) {
            return l.toArray();
        }
        Object[] boxed = new Object[Array.getLength(container)];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = Array.get(container, i);
        }
        return boxed;
    }

    /** The first non-NULL element of a Java array value, depth first, or null when it has none. */
    static Object firstElement(Object value, int depth) {
        if (!isContainer(value)) {
            return value;
        }
        if (depth > MAX_DIMENSIONS) {
            return null;
        }
        for (Object item : items(value)) {
            Object e = firstElement(item, depth + 1);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The innermost component type of a Java array class ({@code Integer} for Integer[][]); null for a List. */
    static Class<?> elementClass(Object value) {
        Class<?> c = value.getClass();
        while (c.isArray() && c != byte[].class) {
            c = c.getComponentType();
        }
        return c == value.getClass() ? null : c;
    }
}

package io.tusk.internal.codec.array;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * The binary array format of PostgreSQL's {@code array_send}/{@code array_recv}: int32 number of
 * dimensions, int32 flags (1 when there are NULLs), int32 element OID, an (int32 length, int32 lower
 * bound) pair per dimension, then every element in row-major order as int32 byte count (-1 for NULL)
 * and that many bytes of the element type's binary form.
 *
 * <p>Reading checks every count against the bytes that are left before it allocates, so a corrupt
 * value fails with 22P03 instead of an OutOfMemoryError.
 */
final class ArrayBinary {
    /** The largest array value PostgreSQL stores (MaxAllocSize), the limit for what is sent. */
    private static final long MAX_BYTES = (1 << 30) - 1;
    private static final int HEADER = 12;

    private ArrayBinary() {
    }

    /**
     * @param elementOid the element type the column's array type has; another OID on the wire is corrupt
     * @param typeName   the array type's name, for messages
     */
    static ArrayContents read(byte[] buf, int offset, int length, int elementOid, String typeName, ElementReader reader)
            throws SQLException {
        int end = offset + length;
        if (length < HEADER) {
            throw CodecErrors.invalidBinary(typeName, length + " bytes (expected: >= " + HEADER + ")");
        }
        int ndim = BigEndian.getInt(buf, offset);
        int flags = BigEndian.getInt(buf, offset + 4);
        int oid = BigEndian.getInt(buf, offset + 8);
        if (ndim < 0 || ndim > ArrayContents.MAX_DIMENSIONS) {
            throw CodecErrors.invalidBinary(typeName, "dimensions " + ndim + " (expected: 0.."
                    + ArrayContents.MAX_DIMENSIONS + ")");
        } else if ((flags & ~1) != 0) {
            throw CodecErrors.invalidBinary(typeName, "flags " + flags + " (expected: 0 or 1)");
        } else if (oid != elementOid) {
            throw CodecErrors.invalidBinary(typeName, "element type " + Integer.toUnsignedString(oid)
                    + " (expected: " + elementOid + ")");
        }
        int p = offset + HEADER;
        if (end - p < 8L * ndim) {
            throw CodecErrors.invalidBinary(typeName, "truncated dimensions");
        }
        int[] dims = new int[ndim];
        int[] lowerBounds = new int[ndim];
        // every element takes at least its 4-byte length
        long room = (end - p - 8L * ndim) / 4;
        long total = ndim == 0 ? 0 : 1;
        for (int i = 0; i < ndim; i++, p += 8) {
            dims[i] = BigEndian.getInt(buf, p);
            lowerBounds[i] = BigEndian.getInt(buf, p + 4);
            total *= Math.max(dims[i], 0);
            if (dims[i] < 0 || total > room) {
                throw CodecErrors.invalidBinary(typeName, "dimension " + (i + 1) + " of length " + dims[i]
                        + " (expected: 0.." + room + " for the bytes left)");
            }
        }
        if (total == 0) {
            return check(ArrayContents.EMPTY, p, end, typeName);
        }
        Object[] elements = new Object[(int) total];
        for (int i = 0; i < elements.length; i++) {
            if (end - p < 4) {
                throw CodecErrors.invalidBinary(typeName, "truncated at element " + (i + 1));
            }
            int n = BigEndian.getInt(buf, p);
            p += 4;
            if (n == -1) {
                continue;
            } else if (n < 0 || n > end - p) {
                throw CodecErrors.invalidBinary(typeName, "element " + (i + 1) + " of " + n + " bytes (expected: -1.."
                        + (end - p) + ")");
            }
            elements[i] = reader.read(buf, p, n, true);
            p += n;
        }
        return check(new ArrayContents(dims, lowerBounds, elements), p, end, typeName);
    }

    private static ArrayContents check(ArrayContents contents, int p, int end, String typeName) throws SQLException {
        if (p != end) {
            throw CodecErrors.invalidBinary(typeName, (end - p) + " bytes after the last element (expected: none)");
        }
        return contents;
    }

    /** The binary form of {@code contents}, each element encoded by {@code element} (which also parses Strings). */
    static byte[] write(ArrayContents contents, Codec element) throws SQLException {
        int ndim = contents.dims.length;
        Object[] elements = contents.elements;
        byte[][] parts = new byte[elements.length][];
        long size = HEADER + 8L * ndim + 4L * elements.length;
        boolean nulls = false;
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                nulls = true;
            } else {
                parts[i] = element.encodeBinary(elements[i]);
                size += parts[i].length;
            }
        }
        if (size > MAX_BYTES) {
            throw new SQLDataException("array size: " + size + " bytes (expected: <= " + MAX_BYTES + ")", "54000");
        }
        byte[] out = new byte[(int) size];
        BigEndian.putInt(out, 0, ndim);
        BigEndian.putInt(out, 4, nulls ? 1 : 0);
        BigEndian.putInt(out, 8, element.oid());
        int p = HEADER;
        for (int i = 0; i < ndim; i++, p += 8) {
            BigEndian.putInt(out, p, contents.dims[i]);
            BigEndian.putInt(out, p + 4, contents.lowerBounds[i]);
        }
        for (byte[] part : parts) {
            if (part == null) {
                BigEndian.putInt(out, p, -1);
                p += 4;
            } else {
                BigEndian.putInt(out, p, part.length);
                System.arraycopy(part, 0, out, p + 4, part.length);
                p += 4 + part.length;
            }
        }
        return out;
    }
}

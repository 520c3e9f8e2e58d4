package io.tusk.internal.row;

import java.nio.charset.StandardCharsets;

/**
 * One row's values, copied out of the DataRow frame in one piece so a result can outlive the
 * network buffers without reference counting: per row one {@code byte[]} (each value behind its
 * int32 length, as on the wire) and one {@code int[]} of where each length stands; no object per
 * column. Values are decoded only when read.
 */
public final class RowData {
    private final byte[] data;
    /** Where each column's int32 length prefix starts in {@code data}; the value follows it. */
    private final int[] prefixes;

    private RowData(byte[] data, int[] prefixes) {
        this.data = data;
        this.prefixes = prefixes;
    }

    /**
     * A row over {@code data} as it arrived in a DataRow (each value behind its int32 length),
     * taking both arrays as they are.
     *
     * @param prefixes where each column's length prefix starts in {@code data}
     */
    public static RowData wrap(byte[] data, int[] prefixes) {
        return new RowData(data, prefixes);
    }

    /** A row made by the driver itself (metadata results): values as given, {@code null} for SQL NULL. */
    public static RowData of(byte[]... values) {
        int total = 0;
        for (byte[] v : values) {
            total += 4 + (v == null ? 0 : v.length);
        }
        byte[] data = new byte[total];
        int[] prefixes = new int[values.length];
        int pos = 0;
        for (int i = 0; i < values.length; i++) {
            prefixes[i] = pos;
            int length = values[i] == null ? -1 : values[i].length;
            data[pos] = (byte) (length >>> 24);
            data[pos + 1] = (byte) (length >>> 16);
            data[pos + 2] = (byte) (length >>> 8);
            data[pos + 3] = (byte) length;
            pos += 4;
            if (length > 0) {
                System.arraycopy(values[i], 0, data, pos, length);
                pos += length;
            }
        }
        return new RowData(data, prefixes);
    }

    public int columnCount() {
        return prefixes.length;
    }

    public boolean isNull(int column) {
        return length(column) < 0;
    }

    /** The raw value (text or binary, as the column's format says), or {@code null} for SQL NULL. */
    public byte[] bytes(int column) {
        int length = length(column);
        if (length < 0) {
            return null;
        }
        byte[] out = new byte[length];
        System.arraycopy(data, offset(column), out, 0, length);
        return out;
    }

    /** The value as UTF-8 text (meaningful for text-format columns), or {@code null} for SQL NULL. */
    public String text(int column) {
        int length = length(column);
        return length < 0 ? null : new String(data, offset(column), length, StandardCharsets.UTF_8);
    }

    /** The array behind all values, for codecs that decode in place; see {@link #offset} and {@link #length}. */
    public byte[] array() {
        return data;
    }

    public int offset(int column) {
        return prefixes[column] + 4;
    }

    /** The value's length in bytes, -1 for SQL NULL. */
    public int length(int column) {
        int p = prefixes[column];
        return (data[p] << 24) | ((data[p + 1] & 0xFF) << 16) | ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
    }
}

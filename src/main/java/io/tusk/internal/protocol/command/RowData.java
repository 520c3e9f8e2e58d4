package io.tusk.internal.protocol.command;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import java.nio.charset.StandardCharsets;

/**
 * One row's values copied out of the DataRow frame into a single array, so a result can outlive
 * the network buffers without reference counting: one {@code byte[]} and one {@code int[]} per row,
 * no object per column. Values are decoded only when read.
 */
public final class RowData {
    private final byte[] data;
    /** Start of each value in {@code data}, and {@code -1} for SQL NULL. */
    private final int[] offsets;
    private final int[] lengths;

    private RowData(byte[] data, int[] offsets, int[] lengths) {
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    public static RowData copyOf(DataRowMessage row) {
        int n = row.columnCount();
        int total = 0;
        for (int i = 0; i < n; i++) {
            ByteBuf v = row.column(i);
            total += v == null ? 0 : v.readableBytes();
        }
        byte[] data = new byte[total];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            ByteBuf v = row.column(i);
            if (v == null) {
                offsets[i] = -1;
                continue;
            }
            int len = v.readableBytes();
            v.getBytes(v.readerIndex(), data, pos, len);
            offsets[i] = pos;
            lengths[i] = len;
            pos += len;
        }
        return new RowData(data, offsets, lengths);
    }

    /** A row made by the driver itself (metadata results): values as given, {@code null} for SQL NULL. */
    public static RowData of(byte[]... values) {
        int total = 0;
        for (byte[] v : values) {
            total += v == null ? 0 : v.length;
        }
        byte[] data = new byte[total];
        int[] offsets = new int[values.length];
        int[] lengths = new int[values.length];
        int pos = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                offsets[i] = -1;
                continue;
            }
            System.arraycopy(values[i], 0, data, pos, values[i].length);
            offsets[i] = pos;
            lengths[i] = values[i].length;
            pos += values[i].length;
        }
        return new RowData(data, offsets, lengths);
    }

    public int columnCount() {
        return offsets.length;
    }

    public boolean isNull(int column) {
        return offsets[column] < 0;
    }

    /** The raw value (text or binary, as the column's format says), or {@code null} for SQL NULL. */
    public byte[] bytes(int column) {
        if (isNull(column)) {
            return null;
        }
        byte[] out = new byte[lengths[column]];
        System.arraycopy(data, offsets[column], out, 0, out.length);
        return out;
    }

    /** The value as UTF-8 text (meaningful for text-format columns), or {@code null} for SQL NULL. */
    public String text(int column) {
        return isNull(column) ? null : new String(data, offsets[column], lengths[column], StandardCharsets.UTF_8);
    }

    /** The array behind all values, for codecs that decode in place; see {@link #offset} and {@link #length}. */
    public byte[] array() {
        return data;
    }

    public int offset(int column) {
        return offsets[column];
    }

    public int length(int column) {
        return isNull(column) ? -1 : lengths[column];
    }
}

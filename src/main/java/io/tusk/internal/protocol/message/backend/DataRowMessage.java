package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.row.RowData;

/**
 * DataRow ('D'): one row, copied out of the frame as it is decoded into the compact form a result
 * keeps ({@link RowData}: the payload in one {@code byte[]} and where each column's length prefix
 * stands), so the row outlives the network buffer without reference counting and costs three
 * objects however many columns it has. Values are decoded only when read.
 *
 * <p>Decoding must walk every length prefix anyway to validate the row (and the bytes are hot in
 * cache then); that same walk records the prefix offsets.
 */
public final class DataRowMessage implements BackendMessage {

    private final RowData row;

    private DataRowMessage(RowData row) {
        this.row = row;
    }

    /**
     * Copies the payload out in one piece, then validates every length prefix on the copy (plain
     * array reads, no buffer bounds or reference-count checks per column). A frame that lies about
     * its columns is rejected before the offsets array is sized from it. Consumes the payload.
     */
    static DataRowMessage decode(ByteBuf payload) throws ProtocolViolationException {
        return decode(payload, payload.readableBytes());
    }

    /**
     * As {@link #decode(ByteBuf)}, reading a frame's body of {@code length} bytes straight from the
     * decoder's buffer (no slice per row): exactly {@code length} bytes are consumed when it succeeds.
     */
    public static DataRowMessage decode(ByteBuf in, int length) throws ProtocolViolationException {
        if (length < 2 || in.readableBytes() < length) {
            throw new ProtocolViolationException("DataRow of " + length + " bytes (expected: a column count)");
        }
        int count = in.readUnsignedShort();
        int end = length - 2;
        if (count > end / 4) {
            // Checked before sizing the array so a short frame cannot make us allocate 256 KiB.
            throw new ProtocolViolationException("DataRow columns: " + count + " in " + end + " bytes");
        }
        byte[] data = new byte[end];
        in.readBytes(data);
        int[] offsets = new int[count];
        int index = 0;
        for (int i = 0; i < count; i++) {
            if (end - index < 4) {
                throw new ProtocolViolationException("DataRow column " + i + " of " + count + " missing");
            }
            int valueLength = BigEndian.getInt(data, index);
            if (valueLength < -1 || valueLength > end - index - 4) {
                throw new ProtocolViolationException("DataRow column " + i + " length: " + valueLength
                        + " (expected: -1..." + (end - index - 4) + ")");
            }
            offsets[i] = index;
            index += 4 + Math.max(valueLength, 0);
        }
        if (index != end) {
            throw new ProtocolViolationException("DataRow has " + (end - index) + " bytes after " + count
                    + " columns (expected: 0)");
        }
        return new DataRowMessage(RowData.wrap(data, offsets));
    }

    /** The row's values; the message's own copy, which a result may keep. */
    public RowData row() {
        return row;
    }

    public int columnCount() {
        return row.columnCount();
    }

    /** Values are never shown. */
    @Override
    public String toString() {
        return "<=BE DataRow(columns=" + row.columnCount() + ")";
    }
}

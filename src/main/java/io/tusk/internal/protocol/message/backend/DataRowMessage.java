package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.AbstractReferenceCounted;
import io.tusk.internal.protocol.ProtocolViolationException;

/**
 * DataRow ('D'): one row, kept as a slice of the received bytes and decoded column by column only
 * when asked (DESIGN: rows are raw byte slices decoded lazily).
 *
 * <p>Offsets: {@link #decode} must walk every length prefix anyway to validate the row (and the
 * frame is hot in cache then), so that same walk records where each column's length prefix
 * starts in one {@code int[]}. A row therefore costs three objects: this, its slice, the offsets.
 *
 * <p>Ownership: the message holds a retained slice of the frame (and so of the decoder's
 * cumulation buffer) and releases it in {@link #deallocate()}. Whoever receives the message
 * releases it; buffers returned by {@link #column} are valid only until then.
 */
public final class DataRowMessage extends AbstractReferenceCounted implements BackendMessage {

    private final ByteBuf payload;
    private final int[] offsets;

    /** Takes ownership of {@code payload}; {@code offsets} are payload indexes of the length prefixes. */
    private DataRowMessage(ByteBuf payload, int[] offsets) {
        this.payload = payload;
        this.offsets = offsets;
    }

    /** Validates the whole row before retaining anything, then consumes the payload. */
    static DataRowMessage decode(ByteBuf payload) throws ProtocolViolationException {
        int count = payload.readUnsignedShort();
        int base = payload.readerIndex();
        int end = payload.writerIndex();
        if (count > (end - base) / 4) {
            // Checked before sizing the array so a short frame cannot make us allocate 256 KiB.
            throw new ProtocolViolationException("DataRow columns: " + count + " in " + (end - base) + " bytes");
        }
        int[] offsets = new int[count];
        int index = base;
        for (int i = 0; i < count; i++) {
            if (end - index < 4) {
                throw new ProtocolViolationException("DataRow column " + i + " of " + count + " missing");
            }
            int length = payload.getInt(index);
            if (length < -1 || length > end - index - 4) {
                throw new ProtocolViolationException("DataRow column " + i + " length: " + length
                        + " (expected: -1..." + (end - index - 4) + ")");
            }
            offsets[i] = index - base;
            index += 4 + Math.max(length, 0);
        }
        if (index != end) {
            throw new ProtocolViolationException("DataRow has " + (end - index) + " bytes after " + count
                    + " columns (expected: 0)");
        }
        ByteBuf row = payload.retainedSlice(base, end - base);
        payload.readerIndex(end);
        return new DataRowMessage(row, offsets);
    }

    public int columnCount() {
        return offsets.length;
    }

    public boolean isNull(int index) {
        return payload.getInt(offsets[index]) < 0;
    }

    /** A read-only view of exactly the column's bytes (not copied, not retained), or null for SQL NULL. */
    public ByteBuf column(int index) {
        int offset = offsets[index];
        int length = payload.getInt(offset);
        return length < 0 ? null : payload.slice(offset + 4, length).asReadOnly();
    }

    /** A copy of the column's bytes, or null for SQL NULL. */
    public byte[] columnBytes(int index) {
        int offset = offsets[index];
        int length = payload.getInt(offset);
        return length < 0 ? null : ByteBufUtil.getBytes(payload, offset + 4, length);
    }

    /**
     * The row's bytes as they arrived: for each column an int32 length (-1 for NULL) and the value.
     * With {@link #columnOffsets()}, the compact form a result keeps (one copy, no object per column).
     */
    public byte[] copyPayload() {
        return ByteBufUtil.getBytes(payload, payload.readerIndex(), payload.readableBytes(), true);
    }

    /** Where each column's length prefix starts in {@link #copyPayload()}; the message's own array, not to be changed. */
    public int[] columnOffsets() {
        return offsets;
    }

    @Override
    protected void deallocate() {
        payload.release();
    }

    @Override
    public DataRowMessage touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public DataRowMessage retain() {
        super.retain();
        return this;
    }

    /** Values are never shown. */
    @Override
    public String toString() {
        return "<=BE DataRow(columns=" + offsets.length + ")";
    }
}

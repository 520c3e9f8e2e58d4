package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * CopyData ('d') received during COPY TO STDOUT: one chunk of the data stream (for text COPY
 * usually one row, but the protocol promises nothing about boundaries).
 *
 * <p>Ownership: {@link #content()} is a retained slice of the frame, so of the decoder's
 * cumulation buffer; the receiver releases the message (which releases the slice).
 */
public final class CopyDataMessage extends DefaultByteBufHolder implements BackendMessage {

    /** Kept so {@link #toString()} works after release, when {@link #content()} would throw. */
    private final int length;

    public CopyDataMessage(ByteBuf content) {
        super(content);
        this.length = content.readableBytes();
    }

    /** The content is the whole payload; retained only after the frame was validated. */
    static CopyDataMessage decode(ByteBuf payload) {
        CopyDataMessage message = new CopyDataMessage(payload.retainedSlice());
        payload.skipBytes(payload.readableBytes());
        return message;
    }

    @Override
    public CopyDataMessage replace(ByteBuf content) {
        return new CopyDataMessage(content);
    }

    @Override
    public CopyDataMessage retain() {
        super.retain();
        return this;
    }

    @Override
    public CopyDataMessage touch(Object hint) {
        super.touch(hint);
        return this;
    }

    /** Data is never shown. */
    @Override
    public String toString() {
        return "<=BE CopyData(length=" + length + ")";
    }
}

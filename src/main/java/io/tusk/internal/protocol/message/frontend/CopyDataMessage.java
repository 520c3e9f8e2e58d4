package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/**
 * CopyData ('d') sent during COPY FROM STDIN.
 *
 * <p>Ownership: the message does not own {@code data}. {@link #encode} copies its readable bytes
 * without moving its reader index and without releasing it; the caller releases {@code data}
 * after encoding (or when the message is dropped).
 */
public final class CopyDataMessage implements FrontendMessage {

    private final ByteBuf data;

    public CopyDataMessage(ByteBuf data) {
        this.data = data;
    }

    public ByteBuf data() {
        return data;
    }

    @Override
    public void encode(ByteBuf out) {
        int length = data.readableBytes();
        out.writeByte('d');
        out.writeInt(4 + length);
        out.writeBytes(data, data.readerIndex(), length);
    }

    @Override
    public String toString() {
        return "FE=> CopyData(length=" + data.readableBytes() + ")";
    }
}

package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** Flush ('H'): asks the server to send what it has buffered without ending the batch. */
public final class FlushMessage implements FrontendMessage {

    public static final FlushMessage INSTANCE = new FlushMessage();

    private FlushMessage() {
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('H');
        out.writeInt(4);
    }

    @Override
    public String toString() {
        return "FE=> Flush";
    }
}

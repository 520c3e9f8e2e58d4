package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** CopyDone ('c'): the end of the data sent during COPY FROM STDIN. */
public final class CopyDoneMessage implements FrontendMessage {

    public static final CopyDoneMessage INSTANCE = new CopyDoneMessage();

    private CopyDoneMessage() {
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('c');
        out.writeInt(4);
    }

    @Override
    public String toString() {
        return "FE=> CopyDone";
    }
}

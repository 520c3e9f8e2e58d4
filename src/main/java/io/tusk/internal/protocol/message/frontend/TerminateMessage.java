package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** Terminate ('X'): polite goodbye before the connection is closed. */
public final class TerminateMessage implements FrontendMessage {

    public static final TerminateMessage INSTANCE = new TerminateMessage();

    private TerminateMessage() {
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('X');
        out.writeInt(4);
    }

    @Override
    public String toString() {
        return "FE=> Terminate";
    }
}

package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** BindComplete ('2'): a Bind succeeded. */
public final class BindCompleteMessage implements BackendMessage {

    public static final BindCompleteMessage INSTANCE = new BindCompleteMessage();

    private BindCompleteMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static BindCompleteMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE BindComplete";
    }
}

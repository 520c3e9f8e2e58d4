package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** CloseComplete ('3'): a Close succeeded (also sent for names that did not exist). */
public final class CloseCompleteMessage implements BackendMessage {

    public static final CloseCompleteMessage INSTANCE = new CloseCompleteMessage();

    private CloseCompleteMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static CloseCompleteMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE CloseComplete";
    }
}

package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** ParseComplete ('1'): a Parse succeeded. */
public final class ParseCompleteMessage implements BackendMessage {

    public static final ParseCompleteMessage INSTANCE = new ParseCompleteMessage();

    private ParseCompleteMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static ParseCompleteMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE ParseComplete";
    }
}

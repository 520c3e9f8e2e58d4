package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** CopyDone ('c'): the end of COPY TO STDOUT data. */
public final class CopyDoneMessage implements BackendMessage {

    public static final CopyDoneMessage INSTANCE = new CopyDoneMessage();

    private CopyDoneMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static CopyDoneMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE CopyDone";
    }
}

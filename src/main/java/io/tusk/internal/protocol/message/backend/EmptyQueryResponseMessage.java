package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** EmptyQueryResponse ('I'): the query string was empty; it takes the place of CommandComplete. */
public final class EmptyQueryResponseMessage implements BackendMessage {

    public static final EmptyQueryResponseMessage INSTANCE = new EmptyQueryResponseMessage();

    private EmptyQueryResponseMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static EmptyQueryResponseMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE EmptyQueryResponse";
    }
}

package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** NoData ('n'): the described statement or portal returns no rows. */
public final class NoDataMessage implements BackendMessage {

    public static final NoDataMessage INSTANCE = new NoDataMessage();

    private NoDataMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static NoDataMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE NoData";
    }
}

package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** SSLRequest: asks the server to switch to TLS; the server answers with one byte, not a message. */
public final class SslRequestMessage implements FrontendMessage {

    public static final SslRequestMessage INSTANCE = new SslRequestMessage();

    /** 1234 in the high 16 bits, 5679 in the low ones, so it can never be a protocol version. */
    static final int CODE = 80877103;

    private SslRequestMessage() {
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(8);
        out.writeInt(CODE);
    }

    @Override
    public String toString() {
        return "FE=> SSLRequest";
    }
}

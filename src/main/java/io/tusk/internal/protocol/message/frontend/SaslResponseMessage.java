package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** SASLResponse ('p'): a later client message of the SASL exchange. The array is not copied. */
public final class SaslResponseMessage implements FrontendMessage {

    private final byte[] data;

    public SaslResponseMessage(byte[] data) {
        this.data = data;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('p');
        out.writeInt(4 + data.length);
        out.writeBytes(data);
    }

    /** The data holds the client proof: only its length is shown. */
    @Override
    public String toString() {
        return "FE=> SASLResponse(dataLength=" + data.length + ")";
    }
}

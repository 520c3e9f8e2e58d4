package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * AuthenticationSASLFinal ('R', 12): the outcome data (SCRAM server signature), which must be
 * verified before the server is trusted. The array is the message's own and must not be modified.
 */
public final class AuthenticationSaslFinalMessage implements BackendMessage {

    private final byte[] data;

    public AuthenticationSaslFinalMessage(byte[] data) {
        this.data = data;
    }

    public byte[] data() {
        return data;
    }

    /** The data is the rest of the payload after the method code. */
    static AuthenticationSaslFinalMessage decode(ByteBuf payload) {
        byte[] data = ByteBufUtil.getBytes(payload);
        payload.skipBytes(data.length);
        return new AuthenticationSaslFinalMessage(data);
    }

    /** The signature is not shown. */
    @Override
    public String toString() {
        return "<=BE AuthenticationSASLFinal(dataLength=" + data.length + ")";
    }
}

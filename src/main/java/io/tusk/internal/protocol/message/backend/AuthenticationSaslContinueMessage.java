package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * AuthenticationSASLContinue ('R', 11): a server challenge (SCRAM server-first message). The array
 * is the message's own and must not be modified.
 */
public final class AuthenticationSaslContinueMessage implements BackendMessage {

    private final byte[] data;

    public AuthenticationSaslContinueMessage(byte[] data) {
        this.data = data;
    }

    public byte[] data() {
        return data;
    }

    /** The data is the rest of the payload after the method code. */
    static AuthenticationSaslContinueMessage decode(ByteBuf payload) {
        byte[] data = ByteBufUtil.getBytes(payload);
        payload.skipBytes(data.length);
        return new AuthenticationSaslContinueMessage(data);
    }

    /** Nonces and salts are not shown. */
    @Override
    public String toString() {
        return "<=BE AuthenticationSASLContinue(dataLength=" + data.length + ")";
    }
}

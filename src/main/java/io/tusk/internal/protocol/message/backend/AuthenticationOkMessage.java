package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** AuthenticationOk ('R', 0): the server accepted the credentials; startup parameters follow. */
public final class AuthenticationOkMessage implements BackendMessage {

    public static final AuthenticationOkMessage INSTANCE = new AuthenticationOkMessage();

    private AuthenticationOkMessage() {
    }

    /** Nothing follows the method code; {@link BackendMessages} rejects any bytes left over. */
    static AuthenticationOkMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE AuthenticationOk";
    }
}

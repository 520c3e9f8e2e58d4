package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** AuthenticationCleartextPassword ('R', 3): the server wants the password as is (only sensible over TLS). */
public final class AuthenticationCleartextPasswordMessage implements BackendMessage {

    public static final AuthenticationCleartextPasswordMessage INSTANCE = new AuthenticationCleartextPasswordMessage();

    private AuthenticationCleartextPasswordMessage() {
    }

    /** Nothing follows the method code; {@link BackendMessages} rejects any bytes left over. */
    static AuthenticationCleartextPasswordMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE AuthenticationCleartextPassword";
    }
}

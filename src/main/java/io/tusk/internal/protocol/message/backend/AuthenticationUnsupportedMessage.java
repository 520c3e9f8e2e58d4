package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/**
 * An authentication request for a method Tusk does not implement (Kerberos, GSSAPI, SSPI …). It
 * is decoded rather than rejected so the connection can fail with a message naming the method.
 */
public record AuthenticationUnsupportedMessage(int method) implements BackendMessage {

    /** Skips whatever method-specific data follows the code (GSS continue carries some). */
    static AuthenticationUnsupportedMessage decode(int method, ByteBuf payload) {
        payload.skipBytes(payload.readableBytes());
        return new AuthenticationUnsupportedMessage(method);
    }

    /** The method's name for error messages. */
    public String methodName() {
        return switch (method) {
            case 2 -> "KerberosV5";
            case 6 -> "SCM credentials";
            case 7 -> "GSSAPI";
            case 8 -> "GSS continue";
            case 9 -> "SSPI";
            default -> "unknown (code " + method + ")";
        };
    }

    @Override
    public String toString() {
        return "<=BE Authentication(" + methodName() + ")";
    }
}

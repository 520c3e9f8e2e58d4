package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/**
 * AuthenticationMD5Password ('R', 5): the server wants {@code md5(md5(password + user) + salt)}.
 * The salt array is the message's own and must not be modified.
 */
public final class AuthenticationMd5PasswordMessage implements BackendMessage {

    private final byte[] salt;

    public AuthenticationMd5PasswordMessage(byte[] salt) {
        this.salt = salt;
    }

    public byte[] salt() {
        return salt;
    }

    /** Reads the 4-byte salt that follows the method code. */
    static AuthenticationMd5PasswordMessage decode(ByteBuf payload) {
        byte[] salt = new byte[4];
        payload.readBytes(salt);
        return new AuthenticationMd5PasswordMessage(salt);
    }

    @Override
    public String toString() {
        return "<=BE AuthenticationMD5Password";
    }
}

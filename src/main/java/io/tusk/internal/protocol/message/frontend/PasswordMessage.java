package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/**
 * PasswordMessage ('p') for cleartext and md5 authentication. The caller supplies the text
 * already encoded (the cleartext password, or {@code "md5" + hex digest}); the array is not copied
 * and is never shown by {@link #toString()}.
 */
public final class PasswordMessage implements FrontendMessage {

    private final byte[] password;

    public PasswordMessage(byte[] password) {
        for (byte b : password) {
            if (b == 0) {
                // The server reads a String: everything after a zero byte would be a protocol error.
                throw new IllegalArgumentException("password contains a zero byte (expected: none)");
            }
        }
        this.password = password;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('p');
        out.writeInt(4 + password.length + 1);
        out.writeBytes(password);
        out.writeByte(0);
    }

    @Override
    public String toString() {
        return "FE=> PasswordMessage(<hidden>)";
    }
}

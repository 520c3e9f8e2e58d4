package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/**
 * CancelRequest: sent on a new connection, without type byte, to cancel what another backend
 * is running. The key is the one BackendKeyData carried: 4 bytes in protocol 3.0, up to 256 in 3.2.
 * The array is not copied.
 */
public final class CancelRequestMessage implements FrontendMessage {

    /** 1234 in the high 16 bits, 5678 in the low ones. */
    static final int CODE = 80877102;

    private final int processId;
    private final byte[] secretKey;

    public CancelRequestMessage(int processId, byte[] secretKey) {
        if (secretKey.length < 4 || secretKey.length > 256) {
            throw new IllegalArgumentException("secret key length: " + secretKey.length + " (expected: 4..256)");
        }
        this.processId = processId;
        this.secretKey = secretKey;
    }

    public int processId() {
        return processId;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(12 + secretKey.length);
        out.writeInt(CODE);
        out.writeInt(processId);
        out.writeBytes(secretKey);
    }

    /** The key is a credential: only its length is shown. */
    @Override
    public String toString() {
        return "FE=> CancelRequest(processId=" + processId + ", keyLength=" + secretKey.length + ")";
    }
}

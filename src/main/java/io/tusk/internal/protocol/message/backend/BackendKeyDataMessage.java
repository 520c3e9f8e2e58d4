package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;

/**
 * BackendKeyData ('K'): what a CancelRequest must quote. The key is 4 bytes in protocol 3.0 and
 * up to 256 in 3.2, so it is the rest of the payload. The array is the message's own and must not
 * be modified.
 */
public final class BackendKeyDataMessage implements BackendMessage {

    private final int processId;
    private final byte[] secretKey;

    public BackendKeyDataMessage(int processId, byte[] secretKey) {
        this.processId = processId;
        this.secretKey = secretKey;
    }

    public int processId() {
        return processId;
    }

    public byte[] secretKey() {
        return secretKey;
    }

    static BackendKeyDataMessage decode(ByteBuf payload) throws ProtocolViolationException {
        int processId = payload.readInt();
        int keyLength = payload.readableBytes();
        if (keyLength < 4 || keyLength > 256) {
            throw new ProtocolViolationException("secret key length: " + keyLength + " (expected: 4..256)");
        }
        byte[] key = new byte[keyLength];
        payload.readBytes(key);
        return new BackendKeyDataMessage(processId, key);
    }

    /** The key is a credential: only its length is shown. */
    @Override
    public String toString() {
        return "<=BE BackendKeyData(processId=" + processId + ", keyLength=" + secretKey.length + ")";
    }
}

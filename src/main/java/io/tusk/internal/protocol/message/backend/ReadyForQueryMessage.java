package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;

/**
 * ReadyForQuery ('Z'): the server finished a request and is idle, in one of three transaction
 * states. One shared instance per state, since it arrives after every command.
 */
public final class ReadyForQueryMessage implements BackendMessage {

    /** Not in a transaction block. */
    public static final ReadyForQueryMessage IDLE = new ReadyForQueryMessage('I');
    /** In a transaction block. */
    public static final ReadyForQueryMessage IN_TRANSACTION = new ReadyForQueryMessage('T');
    /** In a failed transaction block: statements are rejected until it ends. */
    public static final ReadyForQueryMessage FAILED_TRANSACTION = new ReadyForQueryMessage('E');

    private final char transactionStatus;

    private ReadyForQueryMessage(char transactionStatus) {
        this.transactionStatus = transactionStatus;
    }

    /** {@code 'I'}, {@code 'T'} or {@code 'E'}. */
    public char transactionStatus() {
        return transactionStatus;
    }

    public static ReadyForQueryMessage of(byte status) throws ProtocolViolationException {
        return switch (status) {
            case 'I' -> IDLE;
            case 'T' -> IN_TRANSACTION;
            case 'E' -> FAILED_TRANSACTION;
            default -> throw new ProtocolViolationException("transaction status: 0x"
                    + Integer.toHexString(status & 0xFF) + " (expected: 'I', 'T' or 'E')");
        };
    }

    static ReadyForQueryMessage decode(ByteBuf payload) throws ProtocolViolationException {
        return of(payload.readByte());
    }

    @Override
    public String toString() {
        return "<=BE ReadyForQuery(" + transactionStatus + ")";
    }
}

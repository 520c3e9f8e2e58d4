package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.tusk.internal.protocol.ProtocolViolationException;

/**
 * Turns one frame into its message. The switch only dispatches; each message class decodes its
 * own body. Whatever does not fit the format exactly (unknown type, too few bytes, bytes left
 * over) is a protocol violation, because a lenient parser would only misread what comes next.
 */
public final class BackendMessages {

    private BackendMessages() {
    }

    /**
     * Decodes one message.
     *
     * @param type    the frame's type byte
     * @param payload exactly the message body (after the length); it is consumed. A message that
     *                keeps bytes as a buffer ({@link CopyDataMessage}) retains a slice of it, which
     *                the receiver releases with the message.
     */
    public static BackendMessage parse(byte type, ByteBuf payload) throws ProtocolViolationException {
        int length = payload.readableBytes();
        BackendMessage message;
        try {
            message = decode(type, payload);
        } catch (IndexOutOfBoundsException e) {
            throw new ProtocolViolationException("truncated backend message " + describe(type)
                    + " of " + length + " bytes", e);
        }
        if (payload.isReadable()) {
            int unread = payload.readableBytes();
            ReferenceCountUtil.release(message);
            throw new ProtocolViolationException("backend message " + describe(type) + " has " + unread
                    + " unread bytes (expected: 0)");
        }
        return message;
    }

    private static BackendMessage decode(byte type, ByteBuf payload) throws ProtocolViolationException {
        return switch (type) {
            case 'D' -> DataRowMessage.decode(payload);
            case 'C' -> CommandCompleteMessage.decode(payload);
            case 'Z' -> ReadyForQueryMessage.decode(payload);
            case '1' -> ParseCompleteMessage.decode(payload);
            case '2' -> BindCompleteMessage.decode(payload);
            case '3' -> CloseCompleteMessage.decode(payload);
            case 'T' -> RowDescriptionMessage.decode(payload);
            case 't' -> ParameterDescriptionMessage.decode(payload);
            case 'n' -> NoDataMessage.decode(payload);
            case 's' -> PortalSuspendedMessage.decode(payload);
            case 'I' -> EmptyQueryResponseMessage.decode(payload);
            case 'E' -> ErrorResponseMessage.decode(payload);
            case 'N' -> NoticeResponseMessage.decode(payload);
            case 'S' -> ParameterStatusMessage.decode(payload);
            case 'A' -> NotificationResponseMessage.decode(payload);
            case 'K' -> BackendKeyDataMessage.decode(payload);
            case 'R' -> decodeAuthentication(payload);
            case 'v' -> NegotiateProtocolVersionMessage.decode(payload);
            case 'd' -> CopyDataMessage.decode(payload);
            case 'c' -> CopyDoneMessage.decode(payload);
            case 'G' -> CopyInResponseMessage.decode(payload);
            case 'H' -> CopyOutResponseMessage.decode(payload);
            case 'W' -> CopyBothResponseMessage.decode(payload);
            default -> throw new ProtocolViolationException("unknown backend message type: " + describe(type));
        };
    }

    /** All authentication requests share type 'R'; an int32 method code tells them apart. */
    private static BackendMessage decodeAuthentication(ByteBuf payload) throws ProtocolViolationException {
        int method = payload.readInt();
        return switch (method) {
            case 0 -> AuthenticationOkMessage.decode(payload);
            case 3 -> AuthenticationCleartextPasswordMessage.decode(payload);
            case 5 -> AuthenticationMd5PasswordMessage.decode(payload);
            case 10 -> AuthenticationSaslMessage.decode(payload);
            case 11 -> AuthenticationSaslContinueMessage.decode(payload);
            case 12 -> AuthenticationSaslFinalMessage.decode(payload);
            default -> AuthenticationUnsupportedMessage.decode(method, payload);
        };
    }

    /** {@code 'x' (0x78)}: printable types as characters, all with their hex code. */
    static String describe(byte type) {
        int code = type & 0xFF;
        String hex = "(0x" + (code < 0x10 ? "0" : "") + Integer.toHexString(code) + ")";
        return code >= 0x20 && code < 0x7F ? "'" + (char) code + "' " + hex : hex;
    }
}

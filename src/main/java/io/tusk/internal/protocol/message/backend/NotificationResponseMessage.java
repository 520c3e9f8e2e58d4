package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;

/** NotificationResponse ('A'): a NOTIFY on a channel this session LISTENs to; can arrive at any time. */
public record NotificationResponseMessage(int processId, String channel, String payload)
        implements BackendMessage {

    static NotificationResponseMessage decode(ByteBuf in) throws ProtocolViolationException {
        int processId = in.readInt();
        String channel = CStrings.read(in);
        return new NotificationResponseMessage(processId, channel, CStrings.read(in));
    }

    /** The payload is application data: only its length is shown. */
    @Override
    public String toString() {
        return "<=BE NotificationResponse(processId=" + processId + ", channel=" + channel
                + ", payloadLength=" + payload.length() + ")";
    }
}

package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.ServerError;
import io.tusk.internal.protocol.ProtocolViolationException;

/** NoticeResponse ('N'): a warning or notice; it can arrive in any state and ends nothing. */
public record NoticeResponseMessage(ServerError notice) implements BackendMessage {

    static NoticeResponseMessage decode(ByteBuf payload) throws ProtocolViolationException {
        return new NoticeResponseMessage(ErrorResponseMessage.readFields(payload));
    }

    @Override
    public String toString() {
        return "<=BE NoticeResponse(" + notice.severity() + " " + notice.code() + " " + notice.message() + ")";
    }
}

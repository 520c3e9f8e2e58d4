package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/** CopyFail ('f'): aborts COPY FROM STDIN; the server reports {@code reason} in its ErrorResponse. */
public record CopyFailMessage(String reason) implements FrontendMessage {

    public CopyFailMessage {
        CStrings.requireNoZero(reason, "reason");
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'f');
        CStrings.write(out, reason);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> CopyFail(\"" + reason + "\")";
    }
}

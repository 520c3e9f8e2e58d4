package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/**
 * Execute ('E') of a portal. {@code maxRows} 0 means all rows; otherwise the server stops after
 * that many with PortalSuspended, which is how fetch size is implemented.
 */
public record ExecuteMessage(String portal, int maxRows) implements FrontendMessage {

    public ExecuteMessage {
        CStrings.requireNoZero(portal, "portal name");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows: " + maxRows + " (expected: >= 0)");
        }
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'E');
        CStrings.write(out, portal);
        out.writeInt(maxRows);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> Execute(portal=" + portal + ", maxRows=" + maxRows + ")";
    }
}

package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/** Close ('C') of a prepared statement ('S') or a portal ('P'), e.g. one evicted from the cache. */
public record CloseMessage(char kind, String name) implements FrontendMessage {

    public CloseMessage {
        if (kind != 'S' && kind != 'P') {
            throw new IllegalArgumentException("close kind: '" + kind + "' (expected: 'S' or 'P')");
        }
        CStrings.requireNoZero(name, "name");
    }

    public static CloseMessage statement(String name) {
        return new CloseMessage('S', name);
    }

    public static CloseMessage portal(String name) {
        return new CloseMessage('P', name);
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'C');
        out.writeByte(kind);
        CStrings.write(out, name);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> Close(" + (kind == 'S' ? "statement=" : "portal=") + name + ")";
    }
}

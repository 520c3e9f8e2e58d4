package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/** Describe ('D') of a prepared statement ('S') or a portal ('P'); "" names the unnamed one. */
public record DescribeMessage(char kind, String name) implements FrontendMessage {

    public DescribeMessage {
        if (kind != 'S' && kind != 'P') {
            throw new IllegalArgumentException("describe kind: '" + kind + "' (expected: 'S' or 'P')");
        }
        CStrings.requireNoZero(name, "name");
    }

    public static DescribeMessage statement(String name) {
        return new DescribeMessage('S', name);
    }

    public static DescribeMessage portal(String name) {
        return new DescribeMessage('P', name);
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'D');
        out.writeByte(kind);
        CStrings.write(out, name);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> Describe(" + (kind == 'S' ? "statement=" : "portal=") + name + ")";
    }
}

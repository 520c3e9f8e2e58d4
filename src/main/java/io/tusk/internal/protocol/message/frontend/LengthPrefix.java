package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/**
 * Writes a message header whose length is not known in advance and fills the length in once the
 * body is written, so variable-length bodies need no size pre-computation and no copies.
 */
final class LengthPrefix {

    private LengthPrefix() {
    }

    /** Writes {@code type} and a placeholder length; returns where the length goes. */
    static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        return begin(out);
    }

    /** Writes a placeholder length for a message without type byte (startup-phase messages). */
    static int begin(ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    /** Sets the length (which counts itself, not the type byte) to everything written since. */
    static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }
}

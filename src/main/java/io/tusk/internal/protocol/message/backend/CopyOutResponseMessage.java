package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** CopyOutResponse ('H'): COPY TO STDOUT data follows as CopyData messages. */
public final class CopyOutResponseMessage extends AbstractCopyResponseMessage {

    public CopyOutResponseMessage(byte overallFormat, short[] columnFormats) {
        super(overallFormat, columnFormats);
    }

    static CopyOutResponseMessage decode(ByteBuf payload) {
        byte overallFormat = payload.readByte();
        return new CopyOutResponseMessage(overallFormat, readColumnFormats(payload));
    }

    @Override
    String name() {
        return "CopyOutResponse";
    }
}

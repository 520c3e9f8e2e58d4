package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** CopyInResponse ('G'): the server is ready to receive COPY FROM STDIN data. */
public final class CopyInResponseMessage extends AbstractCopyResponseMessage {

    public CopyInResponseMessage(byte overallFormat, short[] columnFormats) {
        super(overallFormat, columnFormats);
    }

    static CopyInResponseMessage decode(ByteBuf payload) {
        byte overallFormat = payload.readByte();
        return new CopyInResponseMessage(overallFormat, readColumnFormats(payload));
    }

    @Override
    String name() {
        return "CopyInResponse";
    }
}

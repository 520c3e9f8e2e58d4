package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** CopyBothResponse ('W'): both directions stream CopyData (replication). */
public final class CopyBothResponseMessage extends AbstractCopyResponseMessage {

    public CopyBothResponseMessage(byte overallFormat, short[] columnFormats) {
        super(overallFormat, columnFormats);
    }

    static CopyBothResponseMessage decode(ByteBuf payload) {
        byte overallFormat = payload.readByte();
        return new CopyBothResponseMessage(overallFormat, readColumnFormats(payload));
    }

    @Override
    String name() {
        return "CopyBothResponse";
    }
}

package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** Sync ('S'): ends an extended-query batch; the server answers with ReadyForQuery. */
public final class SyncMessage implements FrontendMessage {

    public static final SyncMessage INSTANCE = new SyncMessage();

    private SyncMessage() {
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('S');
        out.writeInt(4);
    }

    @Override
    public String toString() {
        return "FE=> Sync";
    }
}

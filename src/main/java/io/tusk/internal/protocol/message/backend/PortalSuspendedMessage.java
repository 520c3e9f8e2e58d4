package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;

/** PortalSuspended ('s'): Execute reached its row limit; the portal can be executed again for more. */
public final class PortalSuspendedMessage implements BackendMessage {

    public static final PortalSuspendedMessage INSTANCE = new PortalSuspendedMessage();

    private PortalSuspendedMessage() {
    }

    /** The body is empty; {@link BackendMessages} rejects any bytes left over. */
    static PortalSuspendedMessage decode(ByteBuf payload) {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "<=BE PortalSuspended";
    }
}

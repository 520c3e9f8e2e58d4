package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;

/** A message the driver sends to the server; it writes its own type byte and length. */
public interface FrontendMessage {

    /** Appends the whole message, type byte and length prefix included, to {@code out}. */
    void encode(ByteBuf out);
}

package io.tusk.internal.protocol;

import io.tusk.internal.protocol.message.frontend.FrontendMessage;

/**
 * Where the protocol core puts outbound messages. The I/O driver behind it (Netty's event loop,
 * or a calling thread that drives the connection itself) decides how bytes reach the socket.
 */
public interface MessageSink {

    /** Queues a message; nothing need reach the socket before {@link #flush()}. */
    void write(FrontendMessage message);

    /** Sends everything written so far. */
    void flush();

    /** Remembers how much has been written, so a command that fails while encoding can be taken back. */
    void mark();

    /** Drops what was written since {@link #mark()}, before it was sent. */
    void resetToMark();

    /**
     * Closes the transport because the session cannot go on (a failed authentication exchange);
     * the driver then reports the closed connection with {@link ProtocolConnection#onClosed}.
     */
    void close();
}

package io.tusk.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.MessageSink;
import io.tusk.internal.protocol.ProtocolConnection;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.frontend.FrontendMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link ProtocolConnection} from Netty's event loop: decoded backend messages go in,
 * frontend messages come out. Messages written between two flushes are encoded into one buffer
 * and sent with one write, so a pipelined batch costs one system call.
 */
final class ProtocolHandler extends ChannelInboundHandlerAdapter implements MessageSink {
    private static final Logger log = LoggerFactory.getLogger(ProtocolHandler.class);
    private static final int SPARE_LIMIT = 16 * 1024;

    private final ProtocolConnection connection;
    private ChannelHandlerContext ctx;
    private ByteBuf outbound;
    /**
     * One outbound buffer kept across flushes (this handler's reference), reused whenever the
     * transport has released it, so a request costs no allocation; a flush while it is still being
     * written gets a fresh buffer. Not kept once a large batch has grown it past {@link #SPARE_LIMIT}.
     */
    private ByteBuf spare;
    /**
     * Where flushed bytes go when this handler sits directly on a caller-driven socket (no TLS
     * below it): straight to the driver that writes them, rather than through the embedded
     * channel's outbound buffer, which costs as much per request as encoding it. {@code null} sends
     * them down the pipeline.
     */
    private final Consumer<ByteBuf> rawTransport;
    private int markedIndex;
    private SQLException failure;

    ProtocolHandler(ProtocolConnection.Factory factory, Consumer<ByteBuf> rawTransport) {
        this.rawTransport = rawTransport;
        this.connection = factory.create(this);
    }

    ProtocolConnection connection() {
        return connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(FrontendMessage message) {
        if (log.isTraceEnabled()) {
            log.trace("{}", message); // toString() carries the FE=> prefix
        }
        if (outbound == null) {
            outbound = acquireOutbound();
        }
        message.encode(outbound);
    }

    private ByteBuf acquireOutbound() {
        ByteBuf reusable = spare;
        if (reusable != null && reusable.refCnt() == 1) {
            if (reusable.capacity() <= SPARE_LIMIT) {
                return reusable.clear().retain(); // the transport releases this reference after writing
            }
            reusable.release();
            spare = null;
        }
        ByteBuf fresh = ctx.alloc().ioBuffer();
        if (spare == null) {
            spare = fresh.retain();
        }
        return fresh;
    }

    @Override
    public void mark() {
        markedIndex = outbound == null ? 0 : outbound.writerIndex();
    }

    @Override
    public void resetToMark() {
        if (outbound != null) {
            outbound.writerIndex(markedIndex);
        }
    }

    @Override
    public void flush() {
        ByteBuf buf = outbound;
        if (buf != null) {
            outbound = null;
            if (rawTransport != null) {
                rawTransport.accept(buf);
            } else {
                ctx.writeAndFlush(buf, ctx.voidPromise());
            }
        }
    }

    @Override
    public void close() {
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof BackendMessage message)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("{}", message); // toString() carries the <=BE prefix
        }
        try {
            connection.onMessage(message);
        } catch (ProtocolViolationException e) {
            failAndClose(e);
        }
    }

    // ---- inbound from a caller-driven socket without the pipeline (BlockingChannelDriver.decodeDirectly)

    void inbound(Object message) {
        channelRead(ctx, message);
    }

    void inboundComplete() {
        channelReadComplete(ctx);
    }

    void inboundFailed(Throwable cause) {
        exceptionCaught(ctx, cause);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush(); // replies a command wrote while handling input (CopyFail, SASL) go out now
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAndClose(toSqlException(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (outbound != null) {
            outbound.release();
            outbound = null;
        }
        if (spare != null) {
            spare.release();
            spare = null;
        }
        connection.onClosed(failure != null ? failure : new SQLNonTransientConnectionException(
                "the server closed the connection", SqlStates.CONNECTION_FAILURE));
        ctx.fireChannelInactive();
    }

    private void failAndClose(SQLException e) {
        if (failure == null) {
            failure = e;
            log.debug("closing connection after error", e);
        }
        ctx.close();
    }

    static SQLException toSqlException(Throwable cause) {
        Throwable t = cause;
        while ((t instanceof DecoderException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SQLException e) {
            return e;
        }
        if (t instanceof SSLException) {
            return new SQLNonTransientConnectionException("TLS error: " + t.getMessage(), SqlStates.CONNECTION_FAILURE, t);
        }
        if (t instanceof IOException) {
            return new SQLNonTransientConnectionException("I/O error: " + t.getMessage(), SqlStates.CONNECTION_FAILURE, t);
        }
        return new SQLNonTransientConnectionException("unexpected error: " + t, SqlStates.CONNECTION_FAILURE, t);
    }
}

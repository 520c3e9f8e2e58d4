package io.tusk.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.frontend.SslRequestMessage;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends SSLRequest and reads the one-byte answer: 'S' (TLS follows) or 'N' (plain only). It removes
 * itself after the answer. Bytes arriving after 'S' before the TLS handshake would have been sent
 * in the clear, possibly by a man in the middle (CVE-2021-23222), so they are rejected.
 */
final class SslNegotiator extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Boolean> accepted = new CompletableFuture<>();

    /** Completes with whether the server agreed to TLS. */
    CompletableFuture<Boolean> accepted() {
        return accepted;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            sendRequest(ctx); // added to a connected channel (the caller-driven path)
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        sendRequest(ctx);
        ctx.fireChannelActive();
    }

    private void sendRequest(ChannelHandlerContext ctx) {
        ByteBuf buf = ctx.alloc().ioBuffer(8);
        SslRequestMessage.INSTANCE.encode(buf);
        ctx.writeAndFlush(buf, ctx.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            byte answer = in.readByte();
            if (answer == 'S' && in.isReadable()) {
                fail(ctx, new ProtocolViolationException("the server sent unencrypted data after agreeing to TLS"));
            } else if (answer == 'S' || answer == 'N') {
                if (in.isReadable()) {
                    fail(ctx, new ProtocolViolationException("unexpected data after the answer to SSLRequest"));
                    return;
                }
                ctx.pipeline().remove(this);
                accepted.complete(answer == 'S');
            } else if (answer == 'E') {
                // A pre-7.0 server, or one that failed before reading the request: it sent an error text.
                fail(ctx, new SQLNonTransientConnectionException("the server answered SSLRequest with an error",
                        SqlStates.CONNECTION_REJECTED));
            } else {
                fail(ctx, new ProtocolViolationException("answer to SSLRequest: " + (char) answer
                        + " (expected: 'S' or 'N')"));
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        accepted.completeExceptionally(new SQLNonTransientConnectionException(
                "the server closed the connection during TLS negotiation", SqlStates.CONNECTION_FAILURE));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, ProtocolHandler.toSqlException(cause));
    }

    private void fail(ChannelHandlerContext ctx, Exception e) {
        accepted.completeExceptionally(e);
        ctx.close();
    }
}

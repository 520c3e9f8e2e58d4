package io.tusk.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.message.frontend.CancelRequestMessage;
import java.net.InetSocketAddress;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a CancelRequest on a new connection to the same host, as the protocol requires, and waits
 * (within {@code connectTimeout}) for the server to close it, which it does once it has read the
 * request. The request is sent without TLS; PostgreSQL accepts it on a plain connection even when
 * the session itself uses TLS, as libpq's {@code PQcancel} does.
 */
final class CancelSender {
    private final EventLoopGroup group;

    CancelSender(EventLoopGroup group) {
        this.group = group;
    }

    CompletableFuture<Void> send(ConnectionSettings settings, HostSpec host, int processId, byte[] secretKey) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long timeoutMillis = Math.max(1, settings.connectTimeout().toMillis());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(EventLoops.socketChannelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                    }
                });
        bootstrap.connect(new InetSocketAddress(host.host(), host.port())).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                done.completeExceptionally(new SQLNonTransientConnectionException("could not send the cancel request to "
                        + host + ": " + f.cause().getMessage(), SqlStates.CONNECTION_FAILURE, f.cause()));
                return;
            }
            Channel ch = f.channel();
            ch.closeFuture().addListener(c -> done.complete(null));
            ByteBuf buf = ch.alloc().ioBuffer();
            new CancelRequestMessage(processId, secretKey).encode(buf);
            ch.writeAndFlush(buf);
            ch.eventLoop().schedule(() -> {
                ch.close();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        });
        return done;
    }
}

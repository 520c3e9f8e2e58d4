package io.tusk.internal.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops all connections share by default: epoll where Netty's native transport loads,
 * NIO otherwise. Threads are daemons so an application that forgets to close a connection still
 * exits. Created on first use.
 */
public final class EventLoops {
    private static final boolean EPOLL = Epoll.isAvailable();

    private EventLoops() {
    }

    private static final class Shared {
        static final EventLoopGroup GROUP = EPOLL
                ? new EpollEventLoopGroup(0, new DefaultThreadFactory("tusk-epoll", true))
                : new NioEventLoopGroup(0, new DefaultThreadFactory("tusk-nio", true));
    }

    public static EventLoopGroup shared() {
        return Shared.GROUP;
    }

    public static Class<? extends SocketChannel> socketChannelClass() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** "epoll" or "nio", for logs and tests. */
    public static String transportName() {
        return EPOLL ? "epoll" : "nio";
    }
}

package io.tusk.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ProtocolConnection;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * socketTimeout for connections whose I/O runs on an event loop, with the meaning it has on the
 * caller-driven path (a read bounded by SO_TIMEOUT) and in pgjdbc: while a command waits for its
 * answer, the server may stay silent for at most the timeout, else the connection is closed and
 * every command fails with 08006. A long query that keeps the server silent is killed too; an idle
 * connection is never touched, however long it idles.
 *
 * <p>It sits first in the pipeline, below TLS, so any bytes from the server count, even part of a
 * frame. All state belongs to the event loop. A wait starts when a flush leaves commands in flight
 * on a connection that had none; it ends at the read that leaves none. Rather than a timer per
 * command, one check is scheduled per timeout period while commands are in flight: it measures the
 * silence since the later of the last read and the start of the wait, and re-arms itself for the
 * rest of the period. It is not cancelled when the connection goes idle (a request/response stream
 * would pay a schedule and a cancel per request); it finds the connection idle when it fires and
 * lapses, and the next wait schedules it again.
 */
final class SocketTimeoutHandler extends ChannelDuplexHandler {
    /** Longer than any real bound, short enough that nanoseconds cannot overflow. */
    private static final Duration LONGEST = Duration.ofDays(10_000);

    private final ProtocolConnection core;
    private final EventLoop loop;
    private ChannelHandlerContext ctx;
    private long timeoutNanos;
    /** Whether commands have been waiting since the last read that found none in flight. */
    private boolean waiting;
    /** {@link System#nanoTime()} of the last inbound bytes, or of the start of the wait if later. */
    private long lastHeard;
    private ScheduledFuture<?> check;

    private SocketTimeoutHandler(ProtocolConnection core, EventLoop loop) {
        this.core = core;
        this.loop = loop;
    }

    /** Puts a handler at the head of {@code channel}'s pipeline; no bound until {@link #timeout} sets one. */
    static SocketTimeoutHandler install(Channel channel, ProtocolConnection core) {
        SocketTimeoutHandler handler = new SocketTimeoutHandler(core, channel.eventLoop());
        channel.pipeline().addFirst("socket-timeout", handler);
        return handler;
    }

    /** Sets the bound from any thread, for every wait from now on; zero for none. */
    void timeout(Duration timeout) {
        long nanos = timeout.isNegative() ? 0 : timeout.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : timeout.toNanos();
        if (loop.inEventLoop()) {
            apply(nanos);
        } else {
            loop.execute(() -> apply(nanos));
        }
    }

    private void apply(long nanos) {
        timeoutNanos = nanos;
        waiting = false;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        startWaitingIfBusy(); // a command already waiting gets the new bound from now, as a new read would
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (waiting) {
            lastHeard = System.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        if (waiting && core.isIdle()) {
            waiting = false; // answers only ever arrive through reads, so this is where a wait ends
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        if (!waiting) {
            startWaitingIfBusy();
        }
    }

    private void startWaitingIfBusy() {
        if (timeoutNanos == 0 || core.isIdle() || !ctx.channel().isActive()) {
            return;
        }
        waiting = true;
        lastHeard = System.nanoTime();
        if (check == null) {
            schedule(timeoutNanos);
        }
    }

    private void schedule(long delayNanos) {
        check = loop.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        check = null;
        if (!waiting || timeoutNanos == 0 || !ctx.channel().isActive()) {
            return; // idle since: the next wait schedules a new check
        }
        long silent = System.nanoTime() - lastHeard;
        if (silent < timeoutNanos) {
            schedule(timeoutNanos - silent);
            return;
        }
        // through the pipeline to the protocol handler, which fails every command with this and closes
        ctx.fireExceptionCaught(new SQLNonTransientConnectionException("no answer from the server within socketTimeout ("
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms)", SqlStates.CONNECTION_FAILURE));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        ctx.fireChannelInactive();
    }
}

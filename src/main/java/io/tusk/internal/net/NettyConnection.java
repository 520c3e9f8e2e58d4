package io.tusk.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.ProtocolConnection;
import io.tusk.internal.protocol.SessionState;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An open connection: the engine-level API the async layer is built on. Commands may be submitted
 * from any thread; they are written as soon as they arrive (pipelining) and completed in order.
 *
 * <p>Its I/O is done in one of two ways, chosen when it is opened: by a Netty event loop
 * ({@link Connector#connect}), or by the threads that wait for results
 * ({@link Connector#connectBlocking}, the synchronous path of DESIGN.md). In the second way,
 * {@link #submit} returns a future that is already complete, because the caller pumped the socket
 * until the answer arrived.
 */
public final class NettyConnection {
    /** How long {@link #close()} waits for the server to close its side after Terminate. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Channel channel;
    /** Non-null when calling threads perform the I/O; then {@code channel} is an embedded pipeline. */
    private final BlockingChannelDriver driver;
    private final ProtocolConnection core;
    /** socketTimeout on the event loop; {@code null} when calling threads perform the I/O. */
    private final SocketTimeoutHandler socketTimeout;
    private final HostSpec host;
    private final ConnectionSettings settings;
    private final boolean secure;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    NettyConnection(Channel channel, BlockingChannelDriver driver, ProtocolConnection core, HostSpec host,
            ConnectionSettings settings, boolean secure) {
        this.channel = channel;
        this.driver = driver;
        this.core = core;
        this.socketTimeout = driver == null ? SocketTimeoutHandler.install(channel, core) : null;
        this.host = host;
        this.settings = settings;
        this.secure = secure;
        channel.closeFuture().addListener(f -> closed.complete(null));
    }

    /** Runs a command; the future fails with an {@link java.sql.SQLException} when the command does. */
    public <T> CompletableFuture<T> submit(Command<T> command) {
        CompletableFuture<T> future = attach(command);
        run(() -> {
            core.enqueue(command);
            core.flush();
        }, future);
        return future;
    }

    /** Runs several commands pipelined, written with one flush; one future per command, in order. */
    public List<CompletableFuture<?>> submitAll(List<? extends Command<?>> commands) {
        List<CompletableFuture<?>> futures = new java.util.ArrayList<>(commands.size());
        for (Command<?> c : commands) {
            futures.add(attach(c));
        }
        run(() -> {
            for (Command<?> c : commands) {
                core.enqueue(c);
            }
            core.flush();
        }, futures.isEmpty() ? CompletableFuture.completedFuture(null) : futures.get(futures.size() - 1));
        return futures;
    }

    /** Runs {@code action} on the thread that owns the core; with caller-driven I/O, pumps until {@code last} is done. */
    private void run(Runnable action, CompletableFuture<?> last) {
        if (driver != null) {
            driver.runAndAwait(action, last); // answers arrive in order: once the last is done, all are
            return;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    /** Whether calling threads perform this connection's I/O (the synchronous path). */
    public boolean isCallerDriven() {
        return driver != null;
    }

    private static <T> CompletableFuture<T> attach(Command<T> command) {
        FutureCallback<T> future = new FutureCallback<>();
        command.callback(future);
        return future;
    }

    public SessionState session() {
        return core.session();
    }

    public HostSpec host() {
        return host;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** Whether the session runs over TLS. */
    public boolean isSecure() {
        return secure;
    }

    public boolean isOpen() {
        return driver != null ? driver.isOpen() : channel.isActive() && !closed.isDone();
    }

    /** Completes when the socket has closed, for whatever reason. */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    /**
     * Closes gracefully: commands already sent are answered, queued ones fail with 08003, then
     * Terminate. The socket is closed by force if the server has not closed it within 5 s.
     */
    public CompletableFuture<Void> close() {
        if (driver != null) {
            CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
            driver.runAndAwait(core::terminate, sent);
            try {
                driver.pumpUntil(closed, System.nanoTime() + CLOSE_WAIT.toNanos());
            } catch (java.sql.SQLException e) {
                // the server did not close in time or the socket failed: close our side anyway
            }
            driver.close();
            return closed;
        }
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                return;
            }
            core.terminate();
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        });
        return closed;
    }

    /**
     * Closes the socket at once, from any thread, even while another thread waits for an answer;
     * every queued and running command fails with class 08.
     */
    public CompletableFuture<Void> abort() {
        if (driver != null) {
            driver.abort();
        } else {
            channel.close();
        }
        return closed;
    }

    /**
     * Bounds every later wait for the server (socketTimeout, JDBC's networkTimeout): while a command
     * waits for its answer and the server sends nothing for this long, the connection is closed and
     * every command fails with 08006. Idling is not waiting. Zero for no bound; any thread, any time.
     */
    public void socketTimeout(Duration timeout) {
        if (driver != null) {
            driver.socketTimeout(timeout);
        } else {
            socketTimeout.timeout(timeout);
        }
    }

    /**
     * Asks the server to cancel whatever this connection is running, over a separate connection
     * (CancelRequest). The future completes when the server has received the request; whether
     * anything was cancelled shows in the running command's result (SQLSTATE 57014).
     */
    public CompletableFuture<Void> cancel() {
        byte[] key = core.session().secretKey();
        if (key == null) {
            return CompletableFuture.failedFuture(new SQLNonTransientConnectionException(
                    "the server sent no cancel key for this connection", SqlStates.CONNECTION_EXCEPTION));
        }
        return new CancelSender(driver != null ? EventLoops.shared() : channel.eventLoop()).send(settings, host, core.session().processId(), key);
    }
}

package io.tusk.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.tusk.internal.error.SqlStates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The synchronous path (DESIGN.md): the calling thread performs the socket I/O itself, so a
 * blocking call costs one write and one read system call and no thread hand-off. The protocol
 * pipeline (TLS, framing, the protocol core) is the same set of Netty handlers as on an event
 * loop, hosted in an {@link EmbeddedChannel} that only ever runs on the thread holding the lock.
 *
 * <p>Whoever waits for a result pumps: it writes what the pipeline has queued, then reads from the
 * socket and feeds the pipeline until its future is done. Threads that wait at the same time take
 * turns through the lock; a command may complete while another thread is pumping, which is fine
 * because answers arrive in order.
 */
final class BlockingChannelDriver {
    private static final int READ_CHUNK = 32 * 1024;
    private static final int WRITE_SLICE = 64 * 1024;

    private final SocketChannel socket;
    private final EmbeddedChannel channel;
    private final InputStream in;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int socketTimeoutMillis;

    private BlockingChannelDriver(SocketChannel socket) throws IOException {
        this.socket = socket;
        this.in = socket.socket().getInputStream();
        this.channel = new EmbeddedChannel();
    }

    /** Connects the socket within {@code timeout}; the pipeline is empty and active. */
    static BlockingChannelDriver connect(InetSocketAddress address, Duration timeout, boolean keepAlive)
            throws IOException {
        SocketChannel socket = SocketChannel.open();
        try {
            socket.socket().setTcpNoDelay(true);
            socket.socket().setKeepAlive(keepAlive);
            socket.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            return new BlockingChannelDriver(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    EmbeddedChannel channel() {
        return channel;
    }

    /** 0 waits for the server without a bound, as JDBC's socketTimeout 0 means. */
    void socketTimeout(Duration timeout) {
        this.socketTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * Runs {@code action} (which enqueues work) and pumps until {@code done} completes. An I/O
     * failure or socketTimeout ends the connection, which fails {@code done} with class 08.
     */
    void runAndAwait(Runnable action, CompletableFuture<?> done) {
        lock.lock();
        try {
            action.run();
            pumpUntil(done, 0);
        } catch (SQLException e) {
            fail(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pumps until {@code done} completes or the channel closes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} bound (connectTimeout), 0 for socketTimeout only
     * @throws SQLException the socket failed or the time ran out; the caller ends the connection
     */
    void pumpUntil(CompletableFuture<?> done, long deadlineNanos) throws SQLException {
        lock.lock();
        try {
            while (!done.isDone() && pumpOnce(deadlineNanos)) {
                // each round writes what is queued and reads once
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One round of I/O: write everything queued, then one read. Returns false when the channel is
     * closed (the protocol core has then failed what was waiting).
     */
    private boolean pumpOnce(long deadlineNanos) throws SQLException {
        try {
            writeQueued();
            if (!channel.isOpen()) {
                closeSocket();
                return false;
            }
            int timeout = socketTimeoutMillis;
            if (deadlineNanos != 0) {
                long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
                timeout = timeout == 0 ? (int) Math.min(Integer.MAX_VALUE, left) : (int) Math.min(timeout, left);
            }
            socket.socket().setSoTimeout(timeout);
            if (!readChunk()) {
                channel.close();
                closeSocket();
                return false;
            }
            writeQueued(); // replies written while handling input (SASL, CopyFail) go out now
            return true;
        } catch (SocketTimeoutException e) {
            throw new SQLNonTransientConnectionException(deadlineNanos != 0
                    ? "timed out waiting for the server (connectTimeout)"
                    : "no answer from the server within socketTimeout (" + socketTimeoutMillis + " ms)",
                    deadlineNanos != 0 ? SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION
                            : SqlStates.CONNECTION_FAILURE, e);
        } catch (IOException e) {
            throw ProtocolHandler.toSqlException(e);
        } catch (RuntimeException e) {
            // an exception no handler took (a TLS failure before the protocol handler exists);
            // whoever waits has been told through its future already
            throw ProtocolHandler.toSqlException(e);
        }
    }

    /**
     * Writes what the pipeline queued. A large batch goes out in slices, and between slices the
     * answers that have already arrived are read: the server answers while it reads, and if those
     * answers were left unread it would block on its full send buffer and stop reading ours, and
     * both sides would wait forever.
     */
    private void writeQueued() throws IOException {
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            try {
                ByteBuffer nio = buf.nioBuffer();
                while (nio.remaining() > WRITE_SLICE) {
                    int end = nio.limit();
                    nio.limit(nio.position() + WRITE_SLICE);
                    writeFully(nio);
                    nio.limit(end);
                    readAvailable();
                }
                writeFully(nio);
            } finally {
                buf.release();
            }
        }
    }

    private void writeFully(ByteBuffer nio) throws IOException {
        while (nio.hasRemaining()) {
            socket.write(nio);
        }
    }

    private void readAvailable() throws IOException {
        while (in.available() > 0 && channel.isOpen()) {
            readChunk();
        }
    }

    /** One read into the pipeline; false at end of stream. */
    private boolean readChunk() throws IOException {
        ByteBuf buf = channel.alloc().heapBuffer(READ_CHUNK);
        int n;
        try {
            n = buf.writeBytes(in, READ_CHUNK);
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
        if (n < 0) {
            buf.release();
            return false;
        }
        // Straight into the pipeline rather than through EmbeddedChannel.writeInbound, which also
        // drains the embedded loop's task queues on every call. Only TLS ever puts work there.
        channel.pipeline().fireChannelRead(buf);
        channel.pipeline().fireChannelReadComplete();
        if (channel.pipeline().get(SslHandler.class) != null) {
            channel.runPendingTasks();
        }
        return true;
    }

    /** Ends the connection with {@code error}: the pipeline fails every waiting command. */
    void fail(SQLException error) {
        channel.pipeline().fireExceptionCaught(error);
        channel.close();
        releaseQueued();
        closeSocket();
    }

    /** Closes socket and pipeline; commands still waiting fail with class 08. */
    void close() {
        lock.lock();
        try {
            try {
                writeQueued();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel.close();
            releaseQueued();
            closeSocket();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the socket without waiting for the lock: a thread blocked in a read wakes up with an
     * error and ends the connection. If no thread is pumping, the pipeline is closed here.
     */
    void abort() {
        closeSocket();
        if (lock.tryLock()) {
            try {
                channel.close();
                releaseQueued();
            } finally {
                lock.unlock();
            }
        }
    }

    private void releaseQueued() {
        channel.releaseOutbound();
        channel.releaseInbound();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    boolean isOpen() {
        return channel.isOpen() && socket.isOpen();
    }
}

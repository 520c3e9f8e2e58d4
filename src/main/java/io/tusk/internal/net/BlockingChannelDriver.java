package io.tusk.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.tusk.internal.error.SqlStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Buffers: the calling threads are not Netty threads, so Netty's pooled allocator would serve
 * them without a thread cache, taking an arena lock and often freeing a whole chunk on every
 * allocation. This driver therefore gives its channel unpooled heap buffers (what the frame decoder
 * allocates when it must join two reads), reads into one direct buffer of its own that is reused
 * while the frame decoder does not hold on to it, and writes the protocol handler's reused direct
 * buffer: in the common case a round trip allocates no buffer at all, and the socket reads and
 * writes the buffers' memory without the JDK's copy through a temporary direct buffer.
 */
final class BlockingChannelDriver {
    private static final int READ_CHUNK = 32 * 1024;
    private static final int WRITE_SLICE = 64 * 1024;
    /**
     * Unpooled, heap for {@code buffer()} (see the class comment), and direct buffers that the JDK's
     * cleaner frees should a connection be dropped without being closed.
     */
    private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, false, false);

    private final SocketChannel socket;
    private final EmbeddedChannel channel;
    private final InputStream in;
    private final OutputStream out;
    /**
     * Where reads land. Reused as long as only this driver holds it: the frame decoder keeps (and
     * retains) it only when a frame is cut off at its end, and then merges the next read into a copy
     * of its own, because Netty's cumulator never writes into a buffer that someone else also holds.
     */
    private ByteBuf readBuffer;
    private boolean readBufferReleased;
    /**
     * Set once the protocol runs on the bare socket (no TLS): frames are then decoded from
     * {@link #readBuffer} here and handed to the protocol handler, skipping the pipeline's inbound
     * path (the cumulating decoder's bookkeeping and one pipeline event per message), which costs
     * more per round trip than the decoding itself. {@code null} until then, and with TLS.
     */
    private FrameDecoder directDecoder;
    private ProtocolHandler directHandler;
    private final List<Object> decoded = new ArrayList<>();
    /** What the protocol handler flushed straight to this driver (see {@link #send}), oldest first. */
    private final ArrayDeque<ByteBuf> unsent = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int socketTimeoutMillis;

    private BlockingChannelDriver(SocketChannel socket) throws IOException {
        this.socket = socket;
        this.in = socket.socket().getInputStream();
        this.out = socket.socket().getOutputStream();
        this.channel = new EmbeddedChannel();
        this.channel.config().setAllocator(HEAP);
        this.channel.config().setAutoRead(false); // this driver reads; a read request from the pipeline has nothing to do
        this.readBuffer = HEAP.directBuffer(READ_CHUNK);
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
            pumpLocked(done, 0);
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
            pumpLocked(done, deadlineNanos);
        } finally {
            lock.unlock();
        }
    }

    private void pumpLocked(CompletableFuture<?> done, long deadlineNanos) throws SQLException {
        while (!done.isDone() && pumpOnce(deadlineNanos)) {
            // each round writes what is queued and reads once
        }
        if (!channel.isOpen()) {
            shutDown(); // the last answer ended the connection (a FATAL error): let go of the socket now
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
                shutDown();
                return false;
            }
            int timeout = socketTimeoutMillis;
            if (deadlineNanos != 0) {
                long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
                timeout = timeout == 0 ? (int) Math.min(Integer.MAX_VALUE, left) : (int) Math.min(timeout, left);
            }
            socket.socket().setSoTimeout(timeout);
            if (!readChunk(timeout)) {
                shutDown();
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
        while ((buf = unsent.poll()) != null || (buf = channel.readOutbound()) != null) {
            try {
                while (buf.readableBytes() > WRITE_SLICE) {
                    write(buf, WRITE_SLICE);
                    readAvailable();
                }
                write(buf, buf.readableBytes());
            } finally {
                buf.release();
            }
        }
    }

    /**
     * Takes bytes to write from a handler with nothing but this driver below it, skipping the
     * embedded channel's outbound buffer; written by the next {@link #writeQueued}. Only called
     * from the pipeline, so with the lock held.
     */
    void send(ByteBuf buf) {
        unsent.add(buf);
    }

    /** Writes {@code length} bytes from {@code buf}'s reader index. */
    private void write(ByteBuf buf, int length) throws IOException {
        if (buf.nioBufferCount() == 1) {
            // internalNioBuffer: a view the buffer keeps, rather than a new ByteBuffer per write
            ByteBuffer nio = buf.internalNioBuffer(buf.readerIndex(), length);
            while (nio.hasRemaining()) {
                socket.write(nio);
            }
        } else {
            buf.getBytes(buf.readerIndex(), out, length);
        }
        buf.skipBytes(length);
    }

    private void readAvailable() throws IOException {
        while (in.available() > 0 && channel.isOpen()) {
            readChunk(0); // data is waiting: the read does not block
        }
    }

    /**
     * One read into the pipeline; false at end of stream.
     *
     * @param timeoutMillis the bound set as the socket's SO_TIMEOUT, 0 for none
     */
    private boolean readChunk(int timeoutMillis) throws IOException {
        if (directHandler != null) {
            return readDirect(timeoutMillis);
        }
        ByteBuf buf;
        if (readBuffer.refCnt() == 1) {
            buf = readBuffer.clear().retain(); // the reference the decoder releases when done with it
        } else {
            buf = channel.alloc().heapBuffer(READ_CHUNK); // the decoder still holds the last read's tail
        }
        int n;
        try {
            n = read(buf, timeoutMillis);
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

    /**
     * Reads once into the writable part of {@code buf}: straight from the socket into its memory when
     * no bound is asked for, else through the socket's stream, which applies SO_TIMEOUT.
     */
    private int read(ByteBuf buf, int timeoutMillis) throws IOException {
        if (timeoutMillis != 0 || buf.nioBufferCount() != 1) {
            return buf.writeBytes(in, buf.writableBytes());
        }
        int n = socket.read(buf.internalNioBuffer(buf.writerIndex(), buf.writableBytes()));
        if (n > 0) {
            buf.writerIndex(buf.writerIndex() + n);
        }
        return n;
    }

    /**
     * From now on, decodes frames here and hands them to {@code handler} (see {@link #directDecoder}).
     * Called when the protocol starts on a connection without TLS, before anything was read for it.
     */
    void decodeDirectly(FrameDecoder decoder, ProtocolHandler handler) {
        if (readBuffer.refCnt() > 1) {
            readBuffer.release(); // the pipeline's decoder holds it; it is that decoder's now
            readBuffer = HEAP.directBuffer(READ_CHUNK);
        }
        readBuffer.clear();
        directDecoder = decoder;
        directHandler = handler;
    }

    /** One read in direct mode: append to what is left of a cut-off frame, decode, dispatch. */
    private boolean readDirect(int timeoutMillis) throws IOException {
        ByteBuf buf = readBuffer;
        if (!buf.isReadable()) {
            buf.clear();
        } else if (buf.writableBytes() < READ_CHUNK / 4) {
            buf.discardReadBytes();
            buf.ensureWritable(READ_CHUNK / 4); // grows for a frame larger than the buffer
        }
        int n = read(buf, timeoutMillis);
        if (n < 0) {
            return false;
        }
        Exception failure = null;
        try {
            directDecoder.decodeAll(buf, decoded);
        } catch (Exception e) {
            failure = e; // the frames before it are dispatched first, as the pipeline would
        }
        try {
            for (int i = 0; i < decoded.size(); i++) {
                directHandler.inbound(decoded.get(i));
            }
        } finally {
            decoded.clear();
        }
        if (failure != null) {
            directHandler.inboundFailed(failure);
        }
        directHandler.inboundComplete();
        if (buf.refCnt() > 1 || buf.capacity() > 4 * READ_CHUNK && !buf.isReadable()) {
            // a message kept a slice of it (COPY data), or a huge frame grew it: leave it, start anew
            ByteBuf fresh = HEAP.directBuffer(Math.max(READ_CHUNK, buf.readableBytes()));
            fresh.writeBytes(buf);
            buf.release();
            readBuffer = fresh;
        }
        return true;
    }

    /** Ends the connection with {@code error}: the pipeline fails every waiting command. */
    void fail(SQLException error) {
        channel.pipeline().fireExceptionCaught(error);
        shutDown();
    }

    /** Closes pipeline and socket and releases the buffers; only with the lock held. */
    private void shutDown() {
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
            shutDown();
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
                shutDown();
            } finally {
                lock.unlock();
            }
        }
    }

    private void releaseQueued() {
        channel.releaseOutbound();
        channel.releaseInbound();
        ByteBuf buf;
        while ((buf = unsent.poll()) != null) {
            buf.release();
        }
        if (!readBufferReleased) {
            readBufferReleased = true;
            readBuffer.release(); // this driver's reference; the decoder released its own when the channel closed
        }
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

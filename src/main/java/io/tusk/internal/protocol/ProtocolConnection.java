package io.tusk.internal.protocol;

import io.netty.util.ReferenceCountUtil;
import io.tusk.internal.error.ServerErrors;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.ErrorResponseMessage;
import io.tusk.internal.protocol.message.backend.NoticeResponseMessage;
import io.tusk.internal.protocol.message.backend.NotificationResponseMessage;
import io.tusk.internal.protocol.message.backend.ParameterStatusMessage;
import io.tusk.internal.protocol.message.backend.ReadyForQueryMessage;
import io.tusk.internal.protocol.message.frontend.TerminateMessage;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayDeque;

/**
 * The protocol core of one connection: the command queue and the dispatch of backend messages to
 * the command they answer. It holds no threads, futures or sockets (DESIGN.md, "The synchronous
 * path"): an I/O driver feeds it backend messages with {@link #onMessage} and sends what it writes
 * to the {@link MessageSink}. All methods must be called from the one thread driving the connection.
 *
 * <p>Commands are written as soon as they are enqueued (pipelining) and answered in order, each
 * ending with one ReadyForQuery, so the head of {@code inflight} is always the command the next
 * message belongs to. Until startup has finished, later commands wait in {@code pending}: the
 * server would read them as authentication messages.
 */
public final class ProtocolConnection implements CommandContext {

    private enum State { STARTING, READY, CLOSING, CLOSED }

    /** Creates the core once its I/O driver, the sink, exists. */
    @FunctionalInterface
    public interface Factory {
        ProtocolConnection create(MessageSink out);
    }

    private final ArrayDeque<Command<?>> pending = new ArrayDeque<>();
    private final ArrayDeque<Command<?>> inflight = new ArrayDeque<>();
    private final MessageSink out;
    private final SessionState session;
    private final SessionListener listener;
    private State state = State.STARTING;
    private SQLException closeCause;

    public ProtocolConnection(MessageSink out, int requestedProtocolVersion, SessionListener listener) {
        this.out = out;
        this.session = new SessionState(requestedProtocolVersion);
        this.listener = listener;
    }

    @Override
    public SessionState session() {
        return session;
    }

    @Override
    public MessageSink out() {
        return out;
    }

    /** Starts the session; {@code startup} is the first command and its success makes the connection ready. */
    public void start(StartupHandshake startup) {
        startup.encode(out);
        inflight.add(startup);
        out.flush();
    }

    /** Queues a command and writes it unless startup is still running; the caller flushes. */
    public void enqueue(Command<?> command) {
        switch (state) {
            case READY -> encodeAndTrack(command);
            case STARTING -> pending.add(command);
            default -> command.fail(closedError());
        }
    }

    /** Sends what was enqueued. */
    public void flush() {
        out.flush();
    }

    /** Whether no command is waiting for an answer. */
    public boolean isIdle() {
        return inflight.isEmpty() && pending.isEmpty();
    }

    public boolean isOpen() {
        return state == State.STARTING || state == State.READY;
    }

    /**
     * Dispatches one backend message. The message is released here; commands retain what they keep.
     *
     * @throws ProtocolViolationException a message no command can be waiting for; the caller closes
     */
    public void onMessage(BackendMessage message) throws ProtocolViolationException {
        try {
            dispatch(message);
        } finally {
            ReferenceCountUtil.release(message);
        }
        if (closeCause != null && isOpen()) {
            // after a FATAL error the session is over: close our side now rather than when the server
            // closes its own, so the connection reports itself closed at once
            out.close();
        }
    }

    private void dispatch(BackendMessage message) throws ProtocolViolationException {
        if (message instanceof ParameterStatusMessage p) {
            session.parameter(p.name(), p.value());
            listener.onParameterStatus(p.name(), p.value());
            return;
        }
        if (message instanceof NoticeResponseMessage n) {
            listener.onNotice(n.notice());
            return;
        }
        if (message instanceof NotificationResponseMessage n) {
            listener.onNotification(n.processId(), n.channel(), n.payload());
            return;
        }
        Command<?> head = inflight.peekFirst();
        if (message instanceof ErrorResponseMessage e) {
            onError(head, e);
            return;
        }
        if (head == null) {
            throw new ProtocolViolationException("unexpected " + message + " while no command is running");
        }
        if (message instanceof ReadyForQueryMessage r) {
            session.transactionStatus(r.transactionStatus());
            inflight.removeFirst();
            head.finish();
            if (head instanceof StartupHandshake && state == State.STARTING) {
                onStarted();
            }
            return;
        }
        if (head.hasFailed()) {
            return; // draining the rest of a failed command's answer up to its ReadyForQuery
        }
        try {
            head.handle(message, this);
        } catch (SQLException e) {
            if (head instanceof StartupHandshake) {
                // The server waits for our next authentication message and will not send a
                // ReadyForQuery, so a failed handshake ends the connection instead of draining.
                inflight.removeFirst();
                head.fail(e);
                closeCause = e; // onMessage then closes
            } else {
                head.recordError(e);
            }
        }
    }

    private void onError(Command<?> head, ErrorResponseMessage e) {
        SQLException error = ServerErrors.toException(e.error());
        String severity = e.error().severityNonLocalized();
        if ("FATAL".equals(severity) || "PANIC".equals(severity)) {
            // The server ends the session after a FATAL error; the head command gets the
            // server's reason, and everything else fails when the socket closes.
            closeCause = error;
            if (head != null) {
                inflight.removeFirst();
                head.fail(error);
            }
            return;
        }
        if (head == null) {
            closeCause = error;
            return;
        }
        head.recordError(error);
    }

    private void onStarted() {
        state = State.READY;
        Command<?> c;
        while ((c = pending.pollFirst()) != null) {
            encodeAndTrack(c);
        }
        out.flush();
    }

    /**
     * Writes a command and waits for its answer. A value no message can carry (a NUL in a string,
     * more than 65535 parameters) fails that command alone: what it wrote is taken back unsent.
     */
    private void encodeAndTrack(Command<?> command) {
        out.mark();
        try {
            command.encode(out);
        } catch (IllegalArgumentException e) {
            out.resetToMark();
            command.fail(new SQLException("cannot send the command: " + e.getMessage(),
                    SqlStates.INVALID_PARAMETER_VALUE, e));
            return;
        }
        inflight.add(command);
    }

    /** Sends Terminate; the server then closes the socket and {@link #onClosed} follows. */
    public void terminate() {
        if (state == State.READY || state == State.STARTING) {
            state = State.CLOSING;
            failAll(pending, closedError());
            out.write(TerminateMessage.INSTANCE);
            out.flush();
        }
    }

    /**
     * The connection is gone: every queued and running command fails with class 08. The cause is
     * the server's FATAL error if it sent one, else {@code cause}.
     */
    public void onClosed(SQLException cause) {
        if (state == State.CLOSED) {
            return;
        }
        if (closeCause == null && state != State.CLOSING) {
            closeCause = cause; // after our Terminate, the socket closing is the expected end
        }
        state = State.CLOSED;
        failAll(inflight, closedError());
        failAll(pending, closedError());
    }

    private static void failAll(ArrayDeque<Command<?>> commands, SQLException error) {
        Command<?> c;
        while ((c = commands.pollFirst()) != null) {
            c.fail(error);
        }
    }

    /** The error for commands that can no longer run: 08003 after a close, else 08xxx with the cause. */
    private SQLException closedError() {
        if (closeCause == null) {
            return new SQLNonTransientConnectionException("connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST);
        }
        String state = closeCause.getSQLState();
        return new SQLNonTransientConnectionException("connection is closed: " + closeCause.getMessage(),
                state != null && state.startsWith("08") ? state : SqlStates.CONNECTION_FAILURE, closeCause);
    }
}

package io.tusk.internal.protocol;

import io.tusk.internal.protocol.message.backend.BackendMessage;
import java.sql.SQLException;

/**
 * One request and its whole conversation with the server. A command encodes its messages, ending
 * with exactly one Sync (or, for startup, expecting one ReadyForQuery), and then receives, in order,
 * the messages the server answers with. The {@link ProtocolConnection} takes care of what every
 * command shares: an ErrorResponse is recorded and reported when the closing ReadyForQuery arrives,
 * a client-side failure drains the rest of the answer, and a dead connection fails the command.
 *
 * <p>Commands are confined to the thread that drives the connection; they hold no futures and do
 * no I/O, so the same command works under Netty or under a calling thread.
 *
 * @param <T> what the command produces
 */
public abstract class Command<T> {
    private CommandCallback<? super T> callback;
    private SQLException failure;
    private boolean done;

    /** Sets where the result goes; called once, before the command is enqueued. */
    public final void callback(CommandCallback<? super T> callback) {
        this.callback = callback;
    }

    /** Writes this command's messages; the caller flushes. */
    protected abstract void encode(MessageSink out);

    /**
     * Handles one message of this command's answer other than ErrorResponse and ReadyForQuery,
     * which the connection handles. The message is released after the call: retain what is kept.
     *
     * @throws SQLException a failure that ends the command (the rest of its answer is drained)
     */
    protected abstract void handle(BackendMessage message, CommandContext context) throws SQLException;

    /** The result, called once the closing ReadyForQuery arrived and no error was recorded. */
    protected abstract T result() throws SQLException;

    /** Called after the command ended, whichever way, to release what it holds. */
    protected void cleanup() {
    }

    /** Whether an error was recorded; the rest of the answer is then only drained. */
    final boolean hasFailed() {
        return failure != null;
    }

    /** Records the first error; later ones (a cascade from the same cause) are added as suppressed. */
    final void recordError(SQLException error) {
        if (failure == null) {
            failure = error;
        } else if (failure != error) {
            failure.setNextException(error);
        }
    }

    /** Ends the command after its ReadyForQuery. */
    final void finish() {
        if (failure != null) {
            fail(failure);
            return;
        }
        T value;
        try {
            value = result();
        } catch (SQLException e) {
            fail(e);
            return;
        }
        if (!done) {
            done = true;
            cleanup();
            callback.onSuccess(value);
        }
    }

    /** Ends the command with an error right away (FATAL error, connection lost, closed). */
    final void fail(SQLException error) {
        if (!done) {
            done = true;
            cleanup();
            callback.onFailure(error);
        }
    }
}

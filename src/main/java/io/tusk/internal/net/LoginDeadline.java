package io.tusk.internal.net;

import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.HostSpec;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;

/**
 * {@code loginTimeout}: one deadline for the whole connect — every host, every TLS retry, the
 * authentication — while {@code connectTimeout} still bounds each attempt. Each attempt waits until
 * the earlier of the two deadlines, so nothing runs past this one, and when it is this one that
 * ran out the caller gets {@link #expired}'s error rather than the attempt's.
 *
 * <p>The error is an {@link SQLTimeoutException}, as {@code DriverManager.getConnection} documents for
 * an exceeded login timeout, with SQLSTATE 08001 (no connection was made), as pgjdbc reports it.
 */
final class LoginDeadline {
    private static final LoginDeadline NONE = new LoginDeadline(Duration.ZERO, 0);

    private final Duration timeout;
    private final long deadlineNanos;

    private LoginDeadline(Duration timeout, long deadlineNanos) {
        this.timeout = timeout;
        this.deadlineNanos = deadlineNanos;
    }

    /** Starts the clock now; {@link Duration#ZERO} means no deadline. */
    static LoginDeadline start(Duration timeout) {
        return timeout.isZero() ? NONE : new LoginDeadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    boolean isSet() {
        return this != NONE;
    }

    Duration timeout() {
        return timeout;
    }

    boolean hasExpired() {
        return isSet() && deadlineNanos - System.nanoTime() <= 0;
    }

    /** The earlier of this deadline and {@code attemptTimeout} from now, as a {@link System#nanoTime()} value. */
    long attemptDeadline(Duration attemptTimeout) {
        long attempt = System.nanoTime() + attemptTimeout.toNanos();
        return isSet() && deadlineNanos - attempt < 0 ? deadlineNanos : attempt;
    }

    /** True when a wait that ended at {@code deadline} ended because of this deadline. */
    boolean isBinding(long deadline) {
        return isSet() && deadline == deadlineNanos;
    }

    /** The error for a connect cut short while trying {@code host}. */
    SQLException expired(HostSpec host, Throwable cause) {
        return new Expired("could not connect to " + host + ": timed out after " + timeout.toMillis()
                + " ms (loginTimeout, the limit for the whole connect)", cause);
    }

    /** True for an error {@link #expired} made. */
    static boolean isExpiry(SQLException error) {
        return error instanceof Expired;
    }

    /** A distinct class only so the host loop can tell this error from an attempt's own. */
    private static final class Expired extends SQLTimeoutException {
        private static final long serialVersionUID = 1L;

        Expired(String message, Throwable cause) {
            super(message, SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, cause);
        }
    }
}

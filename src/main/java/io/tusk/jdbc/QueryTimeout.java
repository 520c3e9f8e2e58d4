package io.tusk.jdbc;

import io.tusk.internal.session.Session;
import java.util.concurrent.ScheduledFuture;

/**
 * Statement.setQueryTimeout: when the time is up, a CancelRequest goes to the server, which then
 * fails the running statement with SQLSTATE 57014; the connection stays usable. The timer runs on
 * the shared event loop, the only thread that can act while the caller is blocked in a read.
 */
final class QueryTimeout implements AutoCloseable {
    private static final QueryTimeout NONE = new QueryTimeout(null);

    private final ScheduledFuture<?> timer;

    private QueryTimeout(ScheduledFuture<?> timer) {
        this.timer = timer;
    }

    static QueryTimeout start(Session session, int seconds) {
        return seconds <= 0 ? NONE : new QueryTimeout(session.cancelAfter(seconds));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}

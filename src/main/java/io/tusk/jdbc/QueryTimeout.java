package io.tusk.jdbc;

import io.netty.util.concurrent.ScheduledFuture;
import io.tusk.internal.net.EventLoops;
import io.tusk.internal.net.NettyConnection;
import java.util.concurrent.TimeUnit;

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

    static QueryTimeout start(NettyConnection connection, int seconds) {
        if (seconds <= 0) {
            return NONE;
        }
        return new QueryTimeout(EventLoops.shared().schedule(() -> {
            connection.cancel();
        }, seconds, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}

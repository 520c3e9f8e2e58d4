package io.tusk.jdbc;

import io.tusk.internal.error.SqlStates;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for the async layer on behalf of a JDBC call. JDBC connections do their I/O on the calling
 * thread, so the futures are normally complete when they come back; the wait itself is bounded by
 * the connection's socketTimeout and query timeouts, not here.
 */
final class Await {
    private Await() {
    }

    static <T> T result(CompletableFuture<T> future) throws SQLException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the server", SqlStates.QUERY_CANCELED, e);
        }
    }

    static SQLException unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SQLException s) {
            return s;
        }
        return new SQLException("unexpected failure: " + e, SqlStates.INTERNAL_ERROR, e);
    }
}

package io.tusk.internal.config;

/** pgjdbc's {@code autosave}: savepoints around statements inside a transaction. */
public enum AutoSave {
    /** No savepoints; a failed statement aborts the transaction. */
    NEVER,
    /** A savepoint before every statement; a failure rolls back to it. */
    ALWAYS,
    /** A savepoint before every statement, rolled back to only for cached-plan invalidation, then retried. */
    CONSERVATIVE
}

package io.tusk.internal.sql;

/**
 * What a statement is, from its first keyword (leading whitespace, comments and parentheses
 * ignored). {@code ABORT} is reported as {@link #ROLLBACK}; a JDBC {@code {call}} escape as
 * {@link #CALL} or {@link #SELECT}, whichever it was rewritten to.
 */
public enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, MERGE, WITH, VALUES, SHOW, EXPLAIN, COPY,
    BEGIN, START, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE,
    CALL, SET,
    /** Anything else: DDL, {@code TABLE}, {@code FETCH}, {@code DO}, an unknown word, no keyword. */
    OTHER;

    /** {@code BEGIN}, {@code START}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE}. */
    public boolean isTransactionControl() {
        return this.compareTo(BEGIN) >= 0 && this.compareTo(RELEASE) <= 0;
    }

    /** {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE}: the kinds that take a {@code RETURNING} clause. */
    public boolean isDataModification() {
        return this == INSERT || this == UPDATE || this == DELETE || this == MERGE;
    }
}

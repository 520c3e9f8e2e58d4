package io.tusk.internal.sql;

import java.util.List;

/**
 * A JDBC SQL string split into the statements to send. Immutable; the facade caches it per SQL
 * string (and escape-processing flag and call mode).
 *
 * <p>Example: {@code SqlParser.parse("SELECT ?; ; -- done", true)} has one statement,
 * {@code SELECT $1}, and {@link #parameterCount()} 1; {@code parse(" -- nothing", true)}
 * {@link #isEmpty() is empty}.
 */
public final class ParsedSql {
    private final List<ParsedStatement> statements;
    private final int parameterCount;

    ParsedSql(List<ParsedStatement> statements, int parameterCount) {
        this.statements = statements;
        this.parameterCount = parameterCount;
    }

    /** The statements in order; empty when the SQL held only whitespace, comments and {@code ;}. */
    public List<ParsedStatement> statements() {
        return statements;
    }

    /**
     * How many JDBC parameters ({@code setXxx(1..n)}) the SQL has across all statements,
     * including the result parameter of {@code {? = call ...}}.
     */
    public int parameterCount() {
        return parameterCount;
    }

    /** Whether there is no statement to send (blank, comment-only or {@code ;}-only SQL). */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The only statement, or null when there are none or several. */
    public ParsedStatement single() {
        return statements.size() == 1 ? statements.get(0) : null;
    }

    @Override
    public String toString() {
        return statements.toString();
    }
}

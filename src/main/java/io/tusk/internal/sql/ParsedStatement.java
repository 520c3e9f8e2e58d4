package io.tusk.internal.sql;

import java.util.Arrays;

/**
 * One statement of a JDBC SQL string, as it is sent to the server: {@code ?} placeholders
 * numbered {@code $1, $2, ...} (restarting at {@code $1} in every statement), JDBC escapes
 * expanded, leading and trailing whitespace removed, plus what the driver needs to know about it.
 * Comments stay where they were written, trailing ones included: query tags such as
 * sqlcommenter's {@code traceparent} comment are read back from {@code pg_stat_activity} and
 * {@code pg_stat_statements}. {@link #withClause} and {@link #followedBy} add text without a
 * trailing comment swallowing it. Immutable.
 *
 * <p>Example: {@code "INSERT INTO t VALUES (?, ?) ; SELECT ? -- tag"} gives two statements,
 * {@code INSERT INTO t VALUES ($1, $2)} with {@link #parameterIndexes()} {@code [0, 1]} and
 * {@code SELECT $1 -- tag} with {@code [2]}.
 */
public final class ParsedStatement {
    /** The most parameters one Bind message can carry (its parameter count is an int16). */
    public static final int MAX_PARAMETERS = 65535;

    private static final int[] NO_INDEXES = new int[0];

    private final String sql;
    /** Where the trailing comments start in {@link #sql}: the end of its last token. */
    private final int trailingCommentStart;
    private final boolean endsInLineComment;
    private final int[] parameterIndexes;
    private final StatementKind kind;
    private final boolean hasReturning;
    private final boolean isCall;
    private final int resultParameterIndex;
    private final boolean nativeParameters;
    private final int valuesStart;
    private final int valuesEnd;

    ParsedStatement(String sql, int trailingCommentStart, boolean endsInLineComment, int[] parameterIndexes,
            StatementKind kind, boolean hasReturning, boolean isCall, int resultParameterIndex,
            boolean nativeParameters, int valuesStart, int valuesEnd) {
        this.sql = sql;
        this.trailingCommentStart = trailingCommentStart;
        this.endsInLineComment = endsInLineComment;
        this.parameterIndexes = parameterIndexes.length == 0 ? NO_INDEXES : parameterIndexes;
        this.kind = kind;
        this.hasReturning = hasReturning;
        this.isCall = isCall;
        this.resultParameterIndex = resultParameterIndex;
        this.nativeParameters = nativeParameters;
        this.valuesStart = valuesStart;
        this.valuesEnd = valuesEnd;
    }

    /** The text to send in Parse (or a simple Query), with {@code $n} parameters. */
    public String sql() {
        return sql;
    }

    /**
     * The statement with {@code clause} put right after its last token, before any trailing
     * comments: {@code INSERT INTO t VALUES (1) -- tag} with {@code " RETURNING *"} is
     * {@code INSERT INTO t VALUES (1) RETURNING * -- tag}. The clause brings its own leading space.
     */
    public String withClause(String clause) {
        return new StringBuilder(sql.length() + clause.length())
                .append(sql, 0, trailingCommentStart).append(clause).append(sql, trailingCommentStart, sql.length())
                .toString();
    }

    /**
     * The statement followed by {@code text}, on a new line when the statement ends in a
     * {@code --} comment (which would otherwise swallow it): {@code SELECT 1 -- tag} followed by
     * {@code ";"} is {@code "SELECT 1 -- tag\n;"}.
     */
    public String followedBy(String text) {
        return endsInLineComment ? sql + '\n' + text : sql + text;
    }

    /** Whether the statement's text ends inside a {@code --} comment, so that nothing can follow it on its line. */
    public boolean endsInLineComment() {
        return endsInLineComment;
    }

    /** How many parameters ({@code $1 .. $n}) the statement has: the Bind parameter count. */
    public int parameterCount() {
        return parameterIndexes.length;
    }

    /**
     * For each {@code $n} in order, the 0-based index of the JDBC parameter that is bound to it
     * ({@code $1} is bound from JDBC parameter {@code parameterIndexes()[0] + 1}). A copy.
     */
    public int[] parameterIndexes() {
        return parameterIndexes.clone();
    }

    /** {@code parameterIndexes()[i]} without the copy. */
    public int parameterIndex(int i) {
        return parameterIndexes[i];
    }

    public StatementKind kind() {
        return kind;
    }

    /** Whether the statement has a {@code RETURNING} clause outside any parentheses. */
    public boolean hasReturning() {
        return hasReturning;
    }

    /** Whether the statement came from a JDBC {@code {call ...}} or {@code {? = call ...}} escape. */
    public boolean isCall() {
        return isCall;
    }

    /**
     * Whether the statement came from {@code {? = call ...}}: JDBC parameter 1 is the result, an
     * OUT parameter. In the {@code SELECT} rewrite it is not among {@link #parameterIndexes()}
     * (the result is the first column of the row); in the {@code CALL} rewrite it is {@code $1}.
     */
    public boolean returnsValue() {
        return resultParameterIndex >= 0;
    }

    /**
     * The 0-based index of the JDBC parameter that receives the result of {@code {? = call ...}}
     * (0 unless other statements precede it), or -1 when {@link #returnsValue()} is false.
     */
    public int resultParameterIndex() {
        return resultParameterIndex;
    }

    /**
     * Whether the statement was written with PostgreSQL's own {@code $n} parameters rather than
     * {@code ?}: they are left as written and {@link #parameterCount()} is the highest {@code n}.
     */
    public boolean usesNativeParameters() {
        return nativeParameters;
    }

    /**
     * Start offset in {@link #sql()} of the {@code (...)} row of an {@code INSERT ... VALUES (...)}
     * that can be batched by repeating the row, or -1. See {@link #batchedInsertSql(int)}.
     */
    public int valuesStart() {
        return valuesStart;
    }

    /** End offset (exclusive, just after {@code )}) matching {@link #valuesStart()}, or -1. */
    public int valuesEnd() {
        return valuesEnd;
    }

    /** Whether {@link #batchedInsertSql(int)} can be used. */
    public boolean isBatchableInsert() {
        return valuesStart >= 0;
    }

    /**
     * This {@code INSERT} with its {@code VALUES} row repeated {@code rows} times and the
     * placeholders renumbered: {@code INSERT INTO t VALUES ($1, $2)} for 3 rows is
     * {@code INSERT INTO t VALUES ($1, $2), ($3, $4), ($5, $6)}. Row {@code r} (0-based) binds JDBC
     * batch entry {@code r}; whatever follows the row ({@code ON CONFLICT ...}, {@code RETURNING
     * ...}) is kept once.
     *
     * @throws IllegalStateException when {@link #isBatchableInsert()} is false
     * @throws IllegalArgumentException when {@code rows < 1} or {@code rows * parameterCount()}
     *     exceeds {@link #MAX_PARAMETERS}
     */
    public String batchedInsertSql(int rows) {
        if (valuesStart < 0) {
            throw new IllegalStateException("not a single-row INSERT ... VALUES: " + sql);
        }
        int perRow = parameterIndexes.length;
        if (rows < 1 || (long) rows * perRow > MAX_PARAMETERS) {
            throw new IllegalArgumentException("rows: " + rows + " (expected: 1.."
                    + (perRow == 0 ? Integer.MAX_VALUE : MAX_PARAMETERS / perRow) + ")");
        }
        int[] marks = parameterMarks(sql, valuesStart, valuesEnd);
        int tupleLength = valuesEnd - valuesStart;
        StringBuilder b = new StringBuilder(sql.length() + (rows - 1) * (tupleLength + 2 + perRow * 2));
        b.append(sql, 0, valuesEnd);
        for (int r = 1; r < rows; r++) {
            b.append(", ");
            int shift = r * perRow;
            int from = valuesStart;
            for (int i = 0; i < marks.length; i += 2) {
                b.append(sql, from, marks[i] + 1);
                b.append(Integer.parseInt(sql, marks[i] + 1, marks[i + 1], 10) + shift);
                from = marks[i + 1];
            }
            b.append(sql, from, valuesEnd);
        }
        return b.append(sql, valuesEnd, sql.length()).toString();
    }

    /** Start (at {@code $}) and end of every {@code $n} in {@code sql[from, to)}, outside quotes and comments. */
    private static int[] parameterMarks(String sql, int from, int to) {
        int[] marks = new int[8];
        int count = 0;
        int p = from;
        while (p < to) {
            char c = sql.charAt(p);
            int next = p + 1;
            if (c == '\'') {
                next = SqlLexer.skipQuoted(sql, p + 1, '\'');
            } else if (c == '"') {
                next = SqlLexer.skipQuoted(sql, p + 1, '"');
            } else if (c == '-' && p + 1 < to && sql.charAt(p + 1) == '-') {
                next = SqlLexer.skipLineComment(sql, p + 2);
            } else if (c == '/' && p + 1 < to && sql.charAt(p + 1) == '*') {
                next = SqlLexer.skipBlockComment(sql, p + 2);
                if (next < 0) {
                    next = to;
                }
            } else if (c == '$') {
                if (p + 1 < to && SqlLexer.isDigit(sql.charAt(p + 1))) {
                    next = p + 2;
                    while (next < to && SqlLexer.isDigit(sql.charAt(next))) {
                        next++;
                    }
                    if (count == marks.length) {
                        marks = Arrays.copyOf(marks, count * 2);
                    }
                    marks[count++] = p;
                    marks[count++] = next;
                } else {
                    int tagEnd = SqlLexer.dollarTagEnd(sql, p);
                    if (tagEnd >= 0) {
                        next = SqlLexer.skipDollarBody(sql, tagEnd + 1, p, tagEnd + 1 - p);
                    }
                }
            } else if (SqlLexer.isIdentStart(c)) {
                next = SqlLexer.identEnd(sql, p + 1);
                if (next == p + 1 && (c == 'e' || c == 'E') && next < to && sql.charAt(next) == '\'') {
                    next = SqlLexer.skipEscapeString(sql, next + 1);
                }
            } else if (SqlLexer.isDigit(c)) {
                next = SqlLexer.numberEnd(sql, p + 1);
            }
            p = next;
        }
        return Arrays.copyOf(marks, count);
    }

    @Override
    public String toString() {
        return kind + " " + sql + " " + Arrays.toString(parameterIndexes);
    }
}

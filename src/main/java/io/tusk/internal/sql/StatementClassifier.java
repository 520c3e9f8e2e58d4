package io.tusk.internal.sql;

/**
 * What the scanner learns about one statement as its tokens go by: its {@link StatementKind},
 * whether it has a top-level {@code RETURNING}, where the row of a single-row
 * {@code INSERT ... VALUES (...)} is, and how deep it is inside the {@code BEGIN ATOMIC ... END}
 * body of a {@code CREATE FUNCTION/PROCEDURE} (where {@code ;} does not end the statement).
 * Mutable, {@link #reset} per statement; fed only tokens outside quotes and comments.
 */
final class StatementClassifier {
    /** Progress of an INSERT towards a batchable {@code VALUES (...)} row. */
    private static final int V_NONE = 0;
    private static final int V_KEYWORD = 1;
    private static final int V_ROW = 2;
    private static final int V_AFTER_ROW = 3;
    private static final int V_SUFFIX = 4;
    private static final int V_NO = 5;

    private static final String[] KEYWORDS = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "VALUES", "SHOW", "EXPLAIN", "COPY",
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "CALL", "SET",
    };
    private static final StatementKind[] KINDS = {
        StatementKind.SELECT, StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE,
        StatementKind.MERGE, StatementKind.WITH, StatementKind.VALUES, StatementKind.SHOW,
        StatementKind.EXPLAIN, StatementKind.COPY, StatementKind.BEGIN, StatementKind.START,
        StatementKind.COMMIT, StatementKind.END, StatementKind.ROLLBACK, StatementKind.ROLLBACK,
        StatementKind.SAVEPOINT, StatementKind.RELEASE, StatementKind.CALL, StatementKind.SET,
    };

    private final String sql;

    private StatementKind kind;
    private boolean content;
    private boolean returning;
    private int valuesState;
    private int valuesStart;
    private int valuesEnd;
    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE recognition: 0 off, 1-3 partway, 4 recognized. */
    private int routineStep;
    private int blockDepth;

    StatementClassifier(String sql) {
        this.sql = sql;
    }

    void reset() {
        kind = null;
        content = false;
        returning = false;
        valuesState = V_NONE;
        valuesStart = -1;
        valuesEnd = -1;
        routineStep = 0;
        blockDepth = 0;
    }

    /** Any token but a word or a parenthesis. */
    void token() {
        content = true;
        if (kind == null) {
            kind = StatementKind.OTHER;
        }
        if (valuesState == V_KEYWORD) {
            valuesState = V_NO;
        } else if (valuesState == V_AFTER_ROW) {
            valuesState = V_SUFFIX;
        }
    }

    /** A {@code ,} at paren depth {@code depth}: right after the VALUES row it means a second row. */
    void comma(int depth) {
        if (valuesState == V_AFTER_ROW && depth == 0) {
            valuesState = V_NO;
        }
        token();
    }

    /** A {@code (} that starts at {@code outPos} in the statement's output. */
    void openParen(int outPos) {
        content = true;
        if (valuesState == V_KEYWORD) {
            valuesStart = outPos;
            valuesState = V_ROW;
        } else if (valuesState == V_AFTER_ROW) {
            valuesState = V_SUFFIX;
        }
    }

    /** A {@code )} that leaves paren depth {@code depth} and ends just before {@code outEnd}. */
    void closeParen(int depth, int outEnd) {
        if (valuesState == V_ROW && depth == 0) {
            valuesEnd = outEnd;
            valuesState = V_AFTER_ROW;
        }
    }

    /** A placeholder or {@code $n}: outside the VALUES row, the row cannot simply be repeated. */
    void parameter() {
        if (valuesState != V_ROW) {
            valuesState = V_NO;
        }
    }

    /** A keyword or identifier {@code sql[p, p + length)} at paren depth {@code depth}. */
    void word(int p, int length, int depth) {
        if (kind == null) {
            content = true;
            kind = firstKeyword(p, length);
            return;
        }
        token();
        if (depth != 0) {
            return;
        }
        if (length == 9 && SqlLexer.isKeyword(sql, p, length, "RETURNING")) {
            returning = true;
        } else if (kind == StatementKind.INSERT && SqlLexer.isKeyword(sql, p, length, "VALUES")) {
            valuesState = valuesState == V_NONE ? V_KEYWORD : V_NO;
        }
        if (routineStep != 0) {
            routineWord(p, length);
        }
    }

    /** A {@code {call}} escape, rewritten to a statement of {@code callKind}. */
    void call(StatementKind callKind) {
        if (kind == null) {
            content = true;
            kind = callKind;
        } else {
            token();
        }
    }

    private StatementKind firstKeyword(int p, int length) {
        for (int i = 0; i < KEYWORDS.length; i++) {
            if (SqlLexer.isKeyword(sql, p, length, KEYWORDS[i])) {
                return KINDS[i];
            }
        }
        if (SqlLexer.isKeyword(sql, p, length, "CREATE")) {
            routineStep = 1;
        }
        return StatementKind.OTHER;
    }

    /**
     * Tracks {@code BEGIN ATOMIC ... END} in {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, the
     * heuristic psql uses: at paren depth 0, BEGIN opens a block, CASE does too once inside one,
     * END closes one.
     */
    private void routineWord(int p, int length) {
        String s = sql;
        switch (routineStep) {
            case 1 -> routineStep = SqlLexer.isKeyword(s, p, length, "OR") ? 2 : isRoutine(p, length) ? 4 : 0;
            case 2 -> routineStep = SqlLexer.isKeyword(s, p, length, "REPLACE") ? 3 : 0;
            case 3 -> routineStep = isRoutine(p, length) ? 4 : 0;
            default -> {
                if (SqlLexer.isKeyword(s, p, length, "BEGIN")) {
                    blockDepth++;
                } else if (blockDepth > 0 && SqlLexer.isKeyword(s, p, length, "CASE")) {
                    blockDepth++;
                } else if (blockDepth > 0 && SqlLexer.isKeyword(s, p, length, "END")) {
                    blockDepth--;
                }
            }
        }
    }

    private boolean isRoutine(int p, int length) {
        return SqlLexer.isKeyword(sql, p, length, "FUNCTION") || SqlLexer.isKeyword(sql, p, length, "PROCEDURE");
    }

    /** Whether the statement has any token at all (else it was only whitespace and comments). */
    boolean hasContent() {
        return content;
    }

    StatementKind kind() {
        return kind == null ? StatementKind.OTHER : kind;
    }

    boolean hasReturning() {
        return returning;
    }

    /** Open {@code BEGIN ATOMIC}/{@code CASE} blocks of a routine body: {@code ;} does not split while > 0. */
    int blockDepth() {
        return blockDepth;
    }

    /** Whether this is an INSERT with exactly one VALUES row and no parameter outside it. */
    boolean hasBatchableRow() {
        return kind == StatementKind.INSERT && (valuesState == V_AFTER_ROW || valuesState == V_SUFFIX);
    }

    int valuesStart() {
        return valuesStart;
    }

    int valuesEnd() {
        return valuesEnd;
    }
}

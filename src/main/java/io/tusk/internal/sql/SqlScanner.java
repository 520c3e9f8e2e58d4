package io.tusk.internal.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a JDBC SQL string that splits it into statements, numbers placeholders, expands
 * JDBC escapes and, through a {@link StatementClassifier}, classifies each statement. One
 * instance per call; not thread-safe.
 *
 * <p>Output is built lazily: input is copied in runs ({@code copyFrom} up to a rewrite), so a
 * statement with nothing to rewrite is a plain {@code substring}. Escapes are scanned recursively
 * by the same loop, which then stops at their closing {@code }} (or, for a {@code {fn}}
 * argument, at the {@code ,} or {@code )} outside inner parentheses). Lexical rules are in
 * {@link SqlLexer}, the {@code {fn}} table in {@link EscapeFunctions}.
 *
 * <p>Over 600 lines because the escapes are one recursion of the same scanning loop, sharing its
 * output buffer and placeholder numbering; splitting them out would mean passing that state around.
 */
final class SqlScanner {
    /** What ends a {@link #scan} run: a top-level {@code ;}, an escape's {@code }}, or a {@code {fn}} argument. */
    private static final int TOP = 0;
    private static final int ESCAPE_BODY = 1;
    private static final int FN_ARG = 2;

    private static final int[] NO_INDEXES = new int[0];

    private final String sql;
    private final int length;
    private final boolean processEscapes;
    /** Leave {@code ?} and {@code ??} as they are (nativeSql, or a Statement without parameters). */
    private final boolean keepPlaceholders;
    /** Stop at top-level {@code ;} (all but nativeSql). */
    private final boolean split;
    private final EscapeCallMode callMode;
    private final StatementClassifier statement;

    private StringBuilder out;
    private int copyFrom;
    private int pos;
    /** Parenthesis depth plus escape nesting: 0 is the statement's top level. */
    private int depth;
    private int jdbcNext;
    private int[] indexes = NO_INDEXES;

    private int statementStart;
    /** End of the last token (comments are not tokens): where an escape body or argument ends. */
    private int tokenEnd;
    /** End of the last comment, and whether it was a {@code --} comment (it runs to the line end). */
    private int commentEnd;
    private boolean lineComment;
    private boolean call;
    private int resultIndex;
    private int placeholders;
    private int nativeMax;
    private int firstNative;

    SqlScanner(String sql, boolean processEscapes, boolean keepPlaceholders, boolean split, EscapeCallMode callMode) {
        this.sql = sql;
        this.length = sql.length();
        this.processEscapes = processEscapes;
        this.keepPlaceholders = keepPlaceholders;
        this.split = split;
        this.callMode = callMode;
        this.statement = new StatementClassifier(sql);
    }

    ParsedSql parse() throws SQLException {
        ParsedStatement first = null;
        List<ParsedStatement> all = null;
        int p = 0;
        while (true) {
            int start = SqlLexer.skipSpace(sql, p);
            if (start >= length) {
                break;
            }
            beginStatement(start);
            int end = scan(TOP, -1);
            ParsedStatement parsed = endStatement();
            if (parsed != null && first == null) {
                first = parsed;
            } else if (parsed != null) {
                if (all == null) {
                    all = new ArrayList<>();
                    all.add(first);
                }
                all.add(parsed);
            }
            if (end >= length) {
                break;
            }
            p = end + 1;
        }
        List<ParsedStatement> statements =
                all != null ? List.copyOf(all) : first != null ? List.of(first) : List.of();
        return new ParsedSql(statements, jdbcNext);
    }

    String nativeSql() throws SQLException {
        beginStatement(0);
        scan(TOP, -1);
        if (out == null) {
            return sql;
        }
        return out.append(sql, copyFrom, length).toString();
    }

    private void beginStatement(int start) {
        statementStart = start;
        tokenEnd = start;
        commentEnd = start;
        lineComment = false;
        pos = start;
        copyFrom = start;
        if (out != null) {
            out.setLength(0);
        }
        depth = 0;
        statement.reset();
        call = false;
        resultIndex = -1;
        placeholders = 0;
        nativeMax = 0;
        firstNative = -1;
    }

    private ParsedStatement endStatement() throws SQLException {
        if (!statement.hasContent()) {
            return null;
        }
        // Trailing comments stay: query tags (sqlcommenter, ORMs) are read back from pg_stat_activity
        // and pg_stat_statements. Trailing whitespace goes, so it does not split the statement cache.
        // Where the comments start is kept, for callers that add a clause (ParsedStatement).
        int bodyEnd = Math.max(tokenEnd, copyFrom);
        int end = Math.max(bodyEnd, commentEnd);
        boolean endsInLineComment = commentEnd > bodyEnd && lineComment;
        String text;
        int trailingStart;
        if (copyFrom == statementStart && (out == null || out.length() == 0)) {
            text = sql.substring(statementStart, end);
            trailingStart = bodyEnd - statementStart;
        } else {
            trailingStart = flushTo(bodyEnd).length();
            text = flushTo(end).toString();
        }
        int[] parameterIndexes;
        boolean nativeParameters = nativeMax > 0;
        if (nativeParameters) {
            if (placeholders > 0) {
                throw SqlParser.syntaxError("$" + nativeMax + " in a statement with ? placeholders", firstNative,
                        "either ? or $n parameters, not both");
            }
            parameterIndexes = new int[nativeMax];
            for (int i = 0; i < nativeMax; i++) {
                parameterIndexes[i] = jdbcNext++;
            }
        } else {
            parameterIndexes = placeholders == 0 ? NO_INDEXES : Arrays.copyOf(indexes, placeholders);
        }
        boolean batchable = statement.hasBatchableRow() && !nativeParameters;
        return new ParsedStatement(text, trailingStart, endsInLineComment, parameterIndexes, statement.kind(),
                statement.hasReturning(), call, resultIndex, nativeParameters,
                batchable ? statement.valuesStart() : -1, batchable ? statement.valuesEnd() : -1);
    }

    /**
     * Scans from {@link #pos} to the end of the current run and returns where it stopped (also left
     * in {@link #pos}): a top-level {@code ;} or the input length for {@code TOP}, the closing
     * {@code }} for {@code ESCAPE_BODY}, the {@code ,} or {@code )} ending a {@code FN_ARG}.
     *
     * @param open index of the enclosing escape's {@code {}, for error messages
     */
    private int scan(int mode, int open) throws SQLException {
        final String s = sql;
        final int n = length;
        final int entryDepth = depth;
        int p = pos;
        while (p < n) {
            char c = s.charAt(p);
            if (SqlLexer.isSpace(c)) {
                p++;
                continue;
            }
            int afterComment = comment(c, p);
            if (afterComment >= 0) {
                p = afterComment;
                commentEnd = p;
                lineComment = c == '-';
                continue;
            }
            switch (c) {
                case '\'' -> p = quoted(p, '\'');
                case '"' -> p = quoted(p, '"');
                case '$' -> p = dollar(p);
                case '?' -> p = question(p);
                case '(' -> p = openParen(p);
                case ')' -> {
                    if (depth == entryDepth && mode == FN_ARG) {
                        return stop(p);
                    }
                    p = depth > entryDepth ? closeParen(p) : other(p);
                }
                case ',' -> {
                    if (depth == entryDepth && mode == FN_ARG) {
                        return stop(p);
                    }
                    statement.comma(depth);
                    p++;
                }
                case ';' -> {
                    if (mode == TOP && split && depth == 0 && statement.blockDepth() == 0) {
                        return stop(p);
                    }
                    p = other(p);
                }
                case '{' -> p = processEscapes ? escape(p) : other(p);
                case '}' -> {
                    if (depth == entryDepth && mode == ESCAPE_BODY) {
                        return stop(p);
                    }
                    if (mode != TOP) {
                        throw SqlParser.syntaxError("'}' inside parentheses of a JDBC escape", open, "')'");
                    }
                    p = other(p);
                }
                default -> p = SqlLexer.isIdentStart(c) ? word(p) : SqlLexer.isDigit(c) ? number(p) : other(p);
            }
            tokenEnd = p;
        }
        pos = n;
        if (mode != TOP) {
            throw SqlParser.syntaxError("unterminated JDBC escape", open, mode == FN_ARG ? "')'" : "'}'");
        }
        return n;
    }

    private int stop(int p) {
        pos = p;
        return p;
    }

    /**
     * If a comment starts at {@code p}, the position after it, else -1. An unclosed block comment
     * is not skipped but kept as the statement's last token, for the server to report.
     */
    private int comment(char c, int p) {
        if (p + 1 >= length) {
            return -1;
        }
        char next = sql.charAt(p + 1);
        if (c == '-' && next == '-') {
            return SqlLexer.skipLineComment(sql, p + 2);
        }
        if (c == '/' && next == '*') {
            int end = SqlLexer.skipBlockComment(sql, p + 2);
            if (end < 0) {
                statement.token();
                tokenEnd = length;
                return length;
            }
            return end;
        }
        return -1;
    }

    /** A one-character token (operator, punctuation) or one passed through. */
    private int other(int p) {
        statement.token();
        return p + 1;
    }

    private int quoted(int p, char quote) {
        statement.token();
        return SqlLexer.skipQuoted(sql, p + 1, quote);
    }

    private int number(int p) {
        statement.token();
        return SqlLexer.numberEnd(sql, p + 1);
    }

    private int openParen(int p) {
        statement.openParen(outPos(p));
        depth++;
        return p + 1;
    }

    private int closeParen(int p) {
        depth--;
        statement.closeParen(depth, outPos(p + 1));
        return p + 1;
    }

    private int word(int p) {
        final String s = sql;
        int end = SqlLexer.identEnd(s, p + 1);
        if (end == p + 1 && end < length && s.charAt(end) == '\'') {
            char c = s.charAt(p);
            if (c == 'E' || c == 'e') {
                statement.token();
                return SqlLexer.skipEscapeString(s, end + 1);
            }
        }
        statement.word(p, end - p, depth);
        return end;
    }

    private int dollar(int p) throws SQLException {
        final String s = sql;
        final int n = length;
        statement.token();
        if (p + 1 < n && SqlLexer.isDigit(s.charAt(p + 1))) {
            int e = p + 1;
            long number = 0;
            while (e < n && SqlLexer.isDigit(s.charAt(e))) {
                if (number <= ParsedStatement.MAX_PARAMETERS) {
                    number = number * 10 + (s.charAt(e) - '0');
                }
                e++;
            }
            statement.parameter();
            if (!keepPlaceholders) {
                nativeParameter(p, e, number);
            }
            return e;
        }
        int tagEnd = SqlLexer.dollarTagEnd(s, p);
        if (tagEnd < 0) {
            return p + 1;
        }
        return SqlLexer.skipDollarBody(s, tagEnd + 1, p, tagEnd + 1 - p);
    }

    private void nativeParameter(int start, int end, long number) throws SQLException {
        if (number > ParsedStatement.MAX_PARAMETERS) {
            throw SqlParser.syntaxError("parameter " + sql.substring(start, end), start,
                    "$1 to $" + ParsedStatement.MAX_PARAMETERS);
        }
        if (number > nativeMax) {
            nativeMax = (int) number;
        }
        if (firstNative < 0) {
            firstNative = start;
        }
    }

    private int question(int p) {
        statement.token();
        if (p + 1 < length && sql.charAt(p + 1) == '?') {
            if (!keepPlaceholders) {
                flushTo(p + 1);
                copyFrom = p + 2;
            }
            return p + 2;
        }
        statement.parameter();
        if (!keepPlaceholders) {
            StringBuilder b = flushTo(p);
            copyFrom = p + 1;
            appendParameter(b);
        }
        return p + 1;
    }

    /** Registers the next JDBC parameter as this statement's next {@code $n} and appends it. */
    private void appendParameter(StringBuilder b) {
        if (keepPlaceholders) {
            b.append('?');
            return;
        }
        if (placeholders == indexes.length) {
            indexes = Arrays.copyOf(indexes, Math.max(8, placeholders * 2));
        }
        indexes[placeholders++] = jdbcNext++;
        b.append('$').append(placeholders);
    }

    /** {@link #appendParameter} as a string, for the rare escape that places it later. */
    private String nextParameter() {
        StringBuilder b = new StringBuilder(6);
        appendParameter(b);
        return b.toString();
    }

    private int outPos(int p) {
        return (out == null ? 0 : out.length()) + p - copyFrom;
    }

    private StringBuilder flushTo(int p) {
        StringBuilder b = out;
        if (b == null) {
            out = b = new StringBuilder(length + 16);
        }
        b.append(sql, copyFrom, p);
        copyFrom = p;
        return b;
    }

    // ---- JDBC escapes (JDBC 4.3 §13.4) -------------------------------------------------------

    /** Rewrites the escape whose {@code {} is at {@code open} and returns the position after its {@code }}. */
    private int escape(int open) throws SQLException {
        escapeAt(open);
        return pos;
    }

    private void escapeAt(int open) throws SQLException {
        final String s = sql;
        final int n = length;
        int p = SqlLexer.skipSpace(s, open + 1);
        if (p < n && s.charAt(p) == '?') {
            resultCall(open, p + 1);
            return;
        }
        int end = p < n && SqlLexer.isIdentStart(s.charAt(p)) ? SqlLexer.identEnd(s, p + 1) : p;
        int keywordLength = end - p;
        if (SqlLexer.isKeyword(s, p, keywordLength, "CALL")) {
            call(open, end, false);
            return;
        }
        statement.token();
        if (SqlLexer.isKeyword(s, p, keywordLength, "FN")) {
            function(open, end);
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "D")) {
            literal(open, end, "DATE");
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "T")) {
            literal(open, end, "TIME");
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "TS")) {
            literal(open, end, "TIMESTAMP");
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "OJ")) {
            wrapped(open, end, "");
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "ESCAPE")) {
            wrapped(open, end, "ESCAPE ");
        } else if (SqlLexer.isKeyword(s, p, keywordLength, "LIMIT")) {
            wrapped(open, end, "LIMIT ");
        } else {
            String found = s.substring(open, Math.min(n, Math.max(end, p + 1)));
            throw SqlParser.syntaxError("unknown JDBC escape " + found, open,
                    "{d, {t, {ts, {fn, {oj, {escape, {limit, {call or {? = call");
        }
    }

    /** {@code {oj ...}}, {@code {escape ...}}, {@code {limit ...}}: the prefix, then the body as SQL. */
    private void wrapped(int open, int keywordEnd, String prefix) throws SQLException {
        StringBuilder b = flushTo(open);
        int start = b.length();
        b.append(prefix);
        body(keywordEnd, open);
        if (b.length() == start + prefix.length()) {
            throw SqlParser.syntaxError("empty JDBC escape " + sql.substring(open, keywordEnd), open,
                    "SQL before '}'");
        }
    }

    /** Scans an escape body (after its keyword) into the output, trimmed, and moves past its {@code }}. */
    private void body(int keywordEnd, int open) throws SQLException {
        depth++;
        int start = SqlLexer.skipSpace(sql, keywordEnd);
        pos = start;
        copyFrom = start;
        tokenEnd = start;
        int close = scan(ESCAPE_BODY, open);
        flushTo(Math.max(tokenEnd, copyFrom));
        depth--;
        copyFrom = close + 1;
        pos = close + 1;
    }

    /** {@code {d '...'}}, {@code {t '...'}}, {@code {ts '...'}} (or {@code ?} for the literal). */
    private void literal(int open, int keywordEnd, String type) throws SQLException {
        final String s = sql;
        final int n = length;
        String escape = s.substring(open, keywordEnd);
        int p = SqlLexer.skipSpace(s, keywordEnd);
        if (p < n && s.charAt(p) == '?') {
            int close = expectClose(SqlLexer.skipSpace(s, p + 1), open, escape);
            statement.parameter();
            StringBuilder b = flushTo(open);
            b.append("CAST(");
            appendParameter(b);
            b.append(" AS ").append(type).append(')');
            copyFrom = close + 1;
            pos = close + 1;
            return;
        }
        int q = p < n && s.charAt(p) == '\'' ? s.indexOf('\'', p + 1) : -1;
        if (q < 0) {
            throw SqlParser.syntaxError("JDBC escape " + escape + " without a quoted literal", open,
                    EscapeLiterals.format(type));
        }
        if (!EscapeLiterals.isValid(type, s, p + 1, q)) {
            throw SqlParser.syntaxError("JDBC escape " + escape + " " + s.substring(p, q + 1), open,
                    EscapeLiterals.format(type));
        }
        int close = expectClose(SqlLexer.skipSpace(s, q + 1), open, escape);
        flushTo(open).append(type).append(' ').append(s, p, q + 1);
        copyFrom = close + 1;
        pos = close + 1;
    }

    private int expectClose(int p, int open, String escape) throws SQLException {
        if (p < length && sql.charAt(p) == '}') {
            return p;
        }
        throw SqlParser.syntaxError("JDBC escape " + escape + " not closed", open, "'}'");
    }

    /** {@code {fn name(arg, ...)}}: arguments scanned as SQL, then handed to {@link EscapeFunctions}. */
    private void function(int open, int keywordEnd) throws SQLException {
        final String s = sql;
        int nameStart = SqlLexer.skipSpace(s, keywordEnd);
        int nameEnd = functionNameEnd(nameStart, open);
        String name = s.substring(nameStart, nameEnd);
        int p = SqlLexer.skipSpace(s, nameEnd);
        StringBuilder b = flushTo(open);
        int start = b.length();
        List<String> args;
        int close;
        if (p < length && s.charAt(p) == '(') {
            args = arguments(p + 1, open, b);
            close = expectClose(SqlLexer.skipSpace(s, pos), open, "{fn " + name + "(...)");
        } else {
            args = List.of();
            close = expectClose(p, open, "{fn " + name);
        }
        b.setLength(start);
        EscapeFunctions.append(b, name, args, open);
        copyFrom = close + 1;
        pos = close + 1;
    }

    /** End of a possibly qualified, possibly quoted function name starting at {@code p}. */
    private int functionNameEnd(int p, int open) throws SQLException {
        final String s = sql;
        while (true) {
            if (p < length && SqlLexer.isIdentStart(s.charAt(p))) {
                p = SqlLexer.identEnd(s, p + 1);
            } else if (p < length && s.charAt(p) == '"') {
                p = SqlLexer.skipQuoted(s, p + 1, '"');
            } else {
                throw SqlParser.syntaxError("JDBC escape {fn without a function name", open, "{fn name(arguments)}");
            }
            if (p < length && s.charAt(p) == '.') {
                p++;
            } else {
                return p;
            }
        }
    }

    /**
     * Scans the comma-separated arguments starting at {@code p} (after the {@code (}), each
     * rewritten and trimmed, leaving {@link #pos} after the {@code )}. Nothing is left in {@code b}.
     */
    private List<String> arguments(int p, int open, StringBuilder b) throws SQLException {
        List<String> args = new ArrayList<>(4);
        depth++;
        pos = p;
        while (true) {
            pos = SqlLexer.skipSpace(sql, pos);
            copyFrom = pos;
            tokenEnd = pos;
            int argStart = b.length();
            int end = scan(FN_ARG, open);
            flushTo(Math.max(tokenEnd, copyFrom));
            args.add(b.substring(argStart));
            b.setLength(argStart);
            pos = end + 1;
            if (sql.charAt(end) == ')') {
                break;
            }
        }
        depth--;
        return args.size() == 1 && args.get(0).isEmpty() ? List.of() : args;
    }

    /** {@code {? = call ...}}: the {@code ?} is the result, a JDBC parameter of its own. */
    private void resultCall(int open, int afterQuestionMark) throws SQLException {
        final String s = sql;
        int p = SqlLexer.skipSpace(s, afterQuestionMark);
        int end = -1;
        if (p < length && s.charAt(p) == '=') {
            p = SqlLexer.skipSpace(s, p + 1);
            end = p < length && SqlLexer.isIdentStart(s.charAt(p)) ? SqlLexer.identEnd(s, p + 1) : p;
        }
        if (end < 0 || !SqlLexer.isKeyword(s, p, end - p, "CALL")) {
            throw SqlParser.syntaxError("JDBC escape {?", open, "{? = call name(arguments)}");
        }
        call(open, end, true);
    }

    /** {@code {call ...}} and {@code {? = call ...}}, rewritten as {@link EscapeCallMode} says. */
    private void call(int open, int keywordEnd, boolean withResult) throws SQLException {
        boolean useCall = callMode == EscapeCallMode.CALL
                || (callMode == EscapeCallMode.CALL_IF_NO_RETURN && !withResult);
        statement.call(useCall ? StatementKind.CALL : StatementKind.SELECT);
        call = true;
        StringBuilder b = flushTo(open);
        b.append(useCall ? "CALL " : "SELECT * FROM ");
        String result = null;
        if (withResult) {
            resultIndex = jdbcNext;
            if (useCall) {
                result = nextParameter();
            } else if (!keepPlaceholders) {
                jdbcNext++;
            }
        }
        int nameStart = b.length();
        body(keywordEnd, open);
        if (b.length() == nameStart) {
            throw SqlParser.syntaxError("JDBC escape {call without a name", open, "{call name(arguments)}");
        }
        int paren = argumentListStart(b, nameStart);
        if (paren < 0) {
            b.append('(').append(result == null ? "" : result).append(')');
        } else if (result != null) {
            int q = paren + 1;
            while (q < b.length() && SqlLexer.isSpace(b.charAt(q))) {
                q++;
            }
            if (q < b.length() && b.charAt(q) == ')') {
                b.replace(paren + 1, q, result);
            } else {
                b.insert(paren + 1, result + ", ");
            }
        }
        if (!useCall) {
            b.append(" AS result");
        }
    }

    /** Index of the {@code (} after the routine name in {@code b[from, ...)}, skipping quoted names; -1 if none. */
    private static int argumentListStart(StringBuilder b, int from) {
        boolean quoted = false;
        for (int i = from; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}

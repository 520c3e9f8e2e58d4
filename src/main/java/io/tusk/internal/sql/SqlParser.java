package io.tusk.internal.sql;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Objects;

/**
 * Turns JDBC SQL into what is sent to PostgreSQL.
 *
 * <ul>
 *   <li>Splits at {@code ;} outside quotes, comments, dollar quotes, parentheses and the
 *       {@code BEGIN ATOMIC ... END} body of {@code CREATE FUNCTION/PROCEDURE}; statements with
 *       nothing but whitespace and comments are dropped.</li>
 *   <li>Replaces {@code ?} with {@code $1, $2, ...}, restarting in each statement;
 *       {@code ??} stands for a literal {@code ?} (the jsonb operators {@code ?}, {@code ?|},
 *       {@code ?&}). A statement written with {@code $n} and no {@code ?} is left alone.</li>
 *   <li>Expands the JDBC escapes {@code {d}}, {@code {t}}, {@code {ts}}, {@code {fn}},
 *       {@code {oj}}, {@code {escape}}, {@code {limit}}, {@code {call}}, {@code {? = call}}
 *       (unless escape processing is off), nested or not, never inside quotes or comments.</li>
 *   <li>Classifies each statement ({@link ParsedStatement}).</li>
 * </ul>
 *
 * <p>Lexing follows PostgreSQL's with {@code standard_conforming_strings = on} (the default
 * since 9.1): a backslash escapes only inside {@code E'...'}. Servers running with it off are
 * not supported. An unterminated quote or comment is not an error here: the rest of the input is
 * taken as part of it and the server reports it. A malformed escape, or {@code ?} mixed with
 * {@code $n} in one statement, is an {@link SQLSyntaxErrorException} with SQLSTATE 42601 whose
 * message gives the 1-based position of the offending escape.
 *
 * <pre>{@code
 * ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE a = ? AND b = {fn ucase(?)}", true);
 * parsed.statements().get(0).sql();   // SELECT * FROM t WHERE a = $1 AND b = upper($2)
 * }</pre>
 *
 * <p>No state and no caching: callers cache the immutable results per SQL string.
 */
public final class SqlParser {
    /** The SQLSTATE of a malformed escape: {@code syntax_error}. */
    public static final String SYNTAX_ERROR = "42601";

    private SqlParser() {
    }

    /**
     * Parses JDBC SQL with placeholders, rewriting {@code {call}} as
     * {@link EscapeCallMode#CALL_IF_NO_RETURN}.
     *
     * @param processEscapes false for {@code Statement.setEscapeProcessing(false)}: escapes are
     *     then sent as written; splitting and placeholders work as usual
     */
    public static ParsedSql parse(String sql, boolean processEscapes) throws SQLException {
        return parse(sql, processEscapes, true, EscapeCallMode.CALL_IF_NO_RETURN);
    }

    /**
     * Parses JDBC SQL, rewriting {@code {call}} as {@link EscapeCallMode#CALL_IF_NO_RETURN}.
     *
     * @param withParameters false for a plain {@code Statement}, which has no parameters: then
     *     {@code ?} and {@code ??} are sent as written (so {@code data ? 'key'} works unescaped, as
     *     in pgjdbc), {@code $n} is not counted, and every statement's parameter count is 0
     */
    public static ParsedSql parse(String sql, boolean processEscapes, boolean withParameters) throws SQLException {
        return parse(sql, processEscapes, withParameters, EscapeCallMode.CALL_IF_NO_RETURN);
    }

    /** Parses JDBC SQL, rewriting {@code {call}} escapes as {@code callMode} says. */
    public static ParsedSql parse(String sql, boolean processEscapes, boolean withParameters,
            EscapeCallMode callMode) throws SQLException {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(callMode, "callMode");
        return new SqlScanner(sql, processEscapes, !withParameters, true, callMode).parse();
    }

    /**
     * {@code Connection.nativeSQL}: the SQL with escapes expanded but {@code ?} and {@code ??} kept
     * (it is still JDBC SQL), not split, otherwise unchanged; {@code {call}} as
     * {@link EscapeCallMode#CALL_IF_NO_RETURN}.
     */
    public static String nativeSql(String sql) throws SQLException {
        return nativeSql(sql, EscapeCallMode.CALL_IF_NO_RETURN);
    }

    /** {@link #nativeSql(String)} with {@code {call}} rewritten as {@code callMode} says. */
    public static String nativeSql(String sql, EscapeCallMode callMode) throws SQLException {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(callMode, "callMode");
        if (sql.indexOf('{') < 0) {
            return sql;
        }
        return new SqlScanner(sql, true, true, false, callMode).nativeSql();
    }

    /** {@code "<what> at position <index + 1> (expected: <expected>)"}, SQLSTATE 42601. */
    static SQLSyntaxErrorException syntaxError(String what, int index, String expected) {
        return new SQLSyntaxErrorException(
                what + " at position " + (index + 1) + " (expected: " + expected + ")", SYNTAX_ERROR);
    }
}

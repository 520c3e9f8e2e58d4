package io.tusk.internal.sql;

/**
 * How a JDBC {@code {call ...}} escape is rewritten; the values of pgjdbc's
 * {@code escapeSyntaxCallMode} property.
 *
 * <table>
 *   <caption>Rewrites (placeholders numbered as sent)</caption>
 *   <tr><th>mode</th><th>{@code {call p(?)}}</th><th>{@code {? = call f(?)}}</th></tr>
 *   <tr><td>{@link #SELECT}</td><td>{@code SELECT * FROM p($1) AS result}</td>
 *       <td>{@code SELECT * FROM f($1) AS result}</td></tr>
 *   <tr><td>{@link #CALL_IF_NO_RETURN}</td><td>{@code CALL p($1)}</td>
 *       <td>{@code SELECT * FROM f($1) AS result}</td></tr>
 *   <tr><td>{@link #CALL}</td><td>{@code CALL p($1)}</td><td>{@code CALL f($1, $2)}</td></tr>
 * </table>
 *
 * <p>In the {@code SELECT} form of {@code {? = call}} the leading {@code ?} is not sent: it is the
 * result, JDBC parameter 1, and {@code $1} is bound from JDBC parameter 2. In the {@code CALL} form
 * it becomes the procedure's first argument (an OUT argument, bound to NULL by the caller).
 */
public enum EscapeCallMode {
    /** Always {@code SELECT * FROM f(...) AS result}: functions only (pgjdbc's default). */
    SELECT("select"),
    /** {@code CALL} without a result parameter, {@code SELECT} with one. */
    CALL_IF_NO_RETURN("callIfNoReturn"),
    /** Always {@code CALL}: procedures only. */
    CALL("call");

    private final String propertyValue;

    EscapeCallMode(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The value of the {@code escapeSyntaxCallMode} connection property that selects this mode. */
    public String propertyValue() {
        return propertyValue;
    }

    /** The mode named by an {@code escapeSyntaxCallMode} value (case-insensitive). */
    public static EscapeCallMode fromPropertyValue(String value) {
        for (EscapeCallMode mode : values()) {
            if (mode.propertyValue.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "escapeSyntaxCallMode: " + value + " (expected: select, callIfNoReturn or call)");
    }
}

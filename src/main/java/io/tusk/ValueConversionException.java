package io.tusk;

import java.sql.SQLException;

/**
 * A value of a {@link Row} could not be converted to the Java type asked for (for example
 * {@code row.get(0, Integer.class)} on an {@code int8} too large for an int). Unchecked so that row
 * access reads well in lambdas; the SQLSTATE and the underlying {@link SQLException} are kept.
 */
public final class ValueConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ValueConversionException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the conversion failure: 22003 out of range, 22P02 bad text, 42804 impossible conversion. */
    public String getSQLState() {
        return ((SQLException) getCause()).getSQLState();
    }
}

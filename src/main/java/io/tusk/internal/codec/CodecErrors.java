package io.tusk.internal.codec;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;

/**
 * The exceptions codecs throw, with the SQLSTATE the server would use for the same mistake, so a
 * client-side conversion error looks like a server-side one. The subclass follows the SQLSTATE class
 * as for server errors (22 data, 42 syntax/access, 0A feature), see DESIGN.md.
 */
public final class CodecErrors {
    /** A value does not fit the target type (PostgreSQL's numeric_value_out_of_range). */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** A date or time outside the range PostgreSQL or java.time can hold. */
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    public static final String INVALID_TIME_ZONE_DISPLACEMENT_VALUE = "22009";
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    /** Text that does not parse as the requested type. */
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    /** Binary bytes that are not a valid value of the column's type. */
    public static final String INVALID_BINARY_REPRESENTATION = "22P03";
    /** A conversion that never makes sense, whatever the value (uuid to int). */
    public static final String DATATYPE_MISMATCH = "42804";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";

    /** Values quoted in messages are cut here: a 1 MB text in an exception message helps nobody. */
    private static final int MAX_QUOTED = 64;

    private CodecErrors() {
    }

    /** {@code cannot convert int4 to java.util.UUID}. */
    public static SQLException cannotConvert(String typeName, Class<?> target) {
        return new SQLSyntaxErrorException("cannot convert " + typeName + " to " + target.getName(), DATATYPE_MISMATCH);
    }

    /** {@code cannot convert java.lang.Double to int4}, for a parameter value. */
    public static SQLException cannotEncode(Object value, String typeName) {
        return new SQLSyntaxErrorException("cannot convert " + value.getClass().getName() + " to " + typeName,
                DATATYPE_MISMATCH);
    }

    /** {@code value 1099511627776 out of range for int (expected: -2147483648..2147483647)}. */
    public static SQLException outOfRange(Object value, String target, Object min, Object max) {
        return new SQLDataException("value " + quote(value) + " out of range for " + target
                + " (expected: " + min + ".." + max + ")", NUMERIC_VALUE_OUT_OF_RANGE);
    }

    /** A value out of range whose rule does not fit "min..max". */
    public static SQLException outOfRange(Object value, String target, String rule) {
        return new SQLDataException("value " + quote(value) + " out of range for " + target
                + " (expected: " + rule + ")", NUMERIC_VALUE_OUT_OF_RANGE);
    }

    /** A date, time or offset that PostgreSQL or java.time cannot hold. */
    public static SQLException datetimeOutOfRange(Object value, String target, String rule, String sqlState) {
        return new SQLDataException(target + " out of range: " + quote(value) + " (expected: " + rule + ")", sqlState);
    }

    /** {@code invalid input syntax for int: "abc"}, the server's wording for the same error. */
    public static SQLException invalidText(String target, CharSequence text) {
        return new SQLDataException("invalid input syntax for " + target + ": \"" + quote(text) + "\"",
                INVALID_TEXT_REPRESENTATION);
    }

    /** {@code invalid binary int4 value: 3 bytes (expected: 4)}. */
    public static SQLException invalidBinary(String typeName, String problem) {
        return new SQLDataException("invalid binary " + typeName + " value: " + problem, INVALID_BINARY_REPRESENTATION);
    }

    /** Too long for the target, e.g. a two-character string for {@code "char"}. */
    public static SQLException tooLong(Object value, String typeName, String rule) {
        return new SQLDataException("value too long for " + typeName + ": \"" + quote(value) + "\" (expected: " + rule + ")",
                STRING_DATA_RIGHT_TRUNCATION);
    }

    public static SQLException notSupported(String message) {
        return new SQLFeatureNotSupportedException(message, FEATURE_NOT_SUPPORTED);
    }

    private static String quote(Object value) {
        String s = String.valueOf(value);
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "…";
    }
}

package io.tusk.jdbc;

import io.tusk.internal.error.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The result set type, concurrency and holdability a statement was created with. Results are read
 * whole into memory, so forward-only and scroll-insensitive are both served; updatable and
 * scroll-sensitive result sets are not.
 */
record ResultSetOptions(int type, int concurrency, int holdability) {
    static final ResultSetOptions DEFAULT = new ResultSetOptions(ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT);

    static void check(int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
            throw new SQLFeatureNotSupportedException("result set type: " + type
                    + " (expected: TYPE_FORWARD_ONLY or TYPE_SCROLL_INSENSITIVE)", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException("result set concurrency: " + concurrency
                    + " (expected: CONCUR_READ_ONLY)", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        checkHoldability(holdability);
    }

    static void checkHoldability(int holdability) throws SQLException {
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("holdability: " + holdability
                    + " (expected: CLOSE_CURSORS_AT_COMMIT or HOLD_CURSORS_OVER_COMMIT)", SqlStates.INVALID_PARAMETER_VALUE);
        }
    }
}

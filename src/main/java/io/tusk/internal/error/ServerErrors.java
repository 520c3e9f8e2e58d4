package io.tusk.internal.error;

import io.tusk.ServerError;
import java.sql.SQLException;

/** Turns an ErrorResponse into the {@link SQLException} subclass its SQLSTATE class calls for. */
public final class ServerErrors {

    private ServerErrors() {
    }

    public static SQLException toException(ServerError error) {
        String code = error.code() == null ? SqlStates.INTERNAL_ERROR : error.code();
        String message = error.toString();
        if (code.startsWith("57P0")) {
            // admin_shutdown, crash_shutdown, cannot_connect_now: the session is gone, which pools
            // recognise by the connection-exception class.
            return new ServerConnectionException(error, message);
        }
        if (code.equals(SqlStates.QUERY_CANCELED)) {
            return new ServerTimeoutException(error, message);
        }
        switch (code.length() < 2 ? "" : code.substring(0, 2)) {
            case "23": return new ServerIntegrityConstraintViolationException(error, message);
            case "42": return new ServerSyntaxErrorException(error, message);
            case "08": return new ServerConnectionException(error, message);
            case "28": return new ServerAuthorizationException(error, message);
            case "40": return new ServerTransactionRollbackException(error, message);
            case "22": return new ServerDataException(error, message);
            case "0A": return new ServerFeatureNotSupportedException(error, message);
            default: return new ServerException(error, message);
        }
    }
}

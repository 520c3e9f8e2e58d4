package io.tusk.internal.protocol;

import java.sql.SQLNonTransientConnectionException;

/**
 * The server sent bytes that do not follow the protocol (SQLSTATE 08P01). Nothing after such a
 * message can be trusted, so the connection is closed; it is non-transient because retrying on
 * the same connection cannot help.
 */
public final class ProtocolViolationException extends SQLNonTransientConnectionException {

    /** SQLSTATE {@code protocol_violation}. */
    public static final String SQL_STATE = "08P01";

    public ProtocolViolationException(String message) {
        super(message, SQL_STATE);
    }

    public ProtocolViolationException(String message, Throwable cause) {
        super(message, SQL_STATE, cause);
    }
}

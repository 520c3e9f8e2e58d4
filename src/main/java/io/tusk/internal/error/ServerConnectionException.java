package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLNonTransientConnectionException;

/** A server error of SQLSTATE class 08 (and 57P01-57P03, the server going away), as {@link SQLNonTransientConnectionException}. */
public final class ServerConnectionException extends SQLNonTransientConnectionException implements HasServerError {
    private final transient ServerError serverError;

    ServerConnectionException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

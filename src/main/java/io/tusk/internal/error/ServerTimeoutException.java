package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLTimeoutException;

/** A server error of SQLSTATE class 57014 (canceled), as {@link SQLTimeoutException}. */
public final class ServerTimeoutException extends SQLTimeoutException implements HasServerError {
    private final transient ServerError serverError;

    ServerTimeoutException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLInvalidAuthorizationSpecException;

/** A server error of SQLSTATE class 28, as {@link SQLInvalidAuthorizationSpecException}. */
public final class ServerAuthorizationException extends SQLInvalidAuthorizationSpecException implements HasServerError {
    private final transient ServerError serverError;

    ServerAuthorizationException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

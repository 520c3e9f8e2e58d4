package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLException;

/** A server error whose SQLSTATE class has no more specific {@link SQLException} subclass. */
public final class ServerException extends SQLException implements HasServerError {
    private final transient ServerError serverError;

    ServerException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

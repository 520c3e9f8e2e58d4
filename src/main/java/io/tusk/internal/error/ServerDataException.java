package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLDataException;

/** A server error of SQLSTATE class 22, as {@link SQLDataException}. */
public final class ServerDataException extends SQLDataException implements HasServerError {
    private final transient ServerError serverError;

    ServerDataException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

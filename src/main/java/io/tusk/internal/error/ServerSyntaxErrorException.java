package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLSyntaxErrorException;

/** A server error of SQLSTATE class 42, as {@link SQLSyntaxErrorException}. */
public final class ServerSyntaxErrorException extends SQLSyntaxErrorException implements HasServerError {
    private final transient ServerError serverError;

    ServerSyntaxErrorException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLIntegrityConstraintViolationException;

/** A server error of SQLSTATE class 23, as {@link SQLIntegrityConstraintViolationException}. */
public final class ServerIntegrityConstraintViolationException extends SQLIntegrityConstraintViolationException implements HasServerError {
    private final transient ServerError serverError;

    ServerIntegrityConstraintViolationException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

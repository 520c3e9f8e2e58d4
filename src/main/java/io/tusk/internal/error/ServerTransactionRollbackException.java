package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLTransactionRollbackException;

/** A server error of SQLSTATE class 40, as {@link SQLTransactionRollbackException}. */
public final class ServerTransactionRollbackException extends SQLTransactionRollbackException implements HasServerError {
    private final transient ServerError serverError;

    ServerTransactionRollbackException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

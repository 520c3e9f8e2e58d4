package io.tusk.internal.error;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLFeatureNotSupportedException;

/** A server error of SQLSTATE class 0A, as {@link SQLFeatureNotSupportedException}. */
public final class ServerFeatureNotSupportedException extends SQLFeatureNotSupportedException implements HasServerError {
    private final transient ServerError serverError;

    ServerFeatureNotSupportedException(ServerError serverError, String message) {
        super(message, serverError.code());
        this.serverError = serverError;
    }

    @Override
    public ServerError serverError() {
        return serverError;
    }
}

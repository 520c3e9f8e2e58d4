package io.tusk;

/**
 * Implemented by every {@link java.sql.SQLException} (and {@link java.sql.SQLWarning}) that Tusk
 * raises because of a message from the server, so callers can read all of the server's fields.
 * The exception's class follows the SQLSTATE class (23 integrity constraint, 42 syntax, 08
 * connection, 28 authorization, 40 rollback, 57014 cancel/timeout, 22 data, 0A not supported).
 */
public interface HasServerError {

    /** All fields the server sent. */
    ServerError serverError();
}

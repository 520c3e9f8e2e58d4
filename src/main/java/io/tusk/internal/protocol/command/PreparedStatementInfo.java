package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;

/**
 * What the server said about a prepared statement.
 *
 * @param name           the statement's name on the server
 * @param parameterTypes the OIDs of its parameters, as given or inferred
 * @param description    its result columns; no fields for a statement that returns no rows
 */
public record PreparedStatementInfo(String name, int[] parameterTypes, RowDescriptionMessage description) {
}

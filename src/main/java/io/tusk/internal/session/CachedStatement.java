package io.tusk.internal.session;

import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;

/**
 * A statement prepared on the server under {@code name}, as the statement cache keeps it: its
 * parameter types as the server resolved them, and how its rows are asked for and decoded.
 */
public record CachedStatement(String name, int[] parameterTypes, RowDescriptionMessage description,
        short[] resultFormats, RowDescriptor descriptor) {
}

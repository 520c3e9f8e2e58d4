package io.tusk.internal.protocol.message.backend;

/**
 * A message sent by the server, decoded from one frame. Messages are immutable; the one that
 * holds a buffer ({@link CopyDataMessage}) is reference counted and the receiver releases it.
 * {@link DataRowMessage} copies its row out of the frame instead.
 */
public interface BackendMessage {
}

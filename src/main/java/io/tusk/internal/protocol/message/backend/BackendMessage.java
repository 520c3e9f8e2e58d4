package io.tusk.internal.protocol.message.backend;

/**
 * A message sent by the server, decoded from one frame. Messages are immutable; the few that
 * hold a buffer ({@link DataRowMessage}, {@link CopyDataMessage}) are reference counted and the
 * receiver releases them.
 */
public interface BackendMessage {
}

package io.tusk.internal.protocol;

import io.tusk.ServerError;

/**
 * Receives what the server sends outside of any command's answer, in any state: notices,
 * notifications and parameter changes. Called on the thread that drives the connection, so an
 * implementation must not block.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() { };

    default void onNotice(ServerError notice) {
    }

    default void onNotification(int processId, String channel, String payload) {
    }

    default void onParameterStatus(String name, String value) {
    }
}

package io.tusk.internal.protocol;

/** What a command may use while it handles its answer. */
public interface CommandContext {

    SessionState session();

    /** Where a command writes a reply the server waits for (e.g. CopyFail); flushed after the message. */
    MessageSink out();
}

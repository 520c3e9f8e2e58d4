package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.CommandContext;
import io.tusk.internal.protocol.MessageSink;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.CloseCompleteMessage;
import io.tusk.internal.protocol.message.frontend.CloseMessage;
import io.tusk.internal.protocol.message.frontend.SyncMessage;

/** Close of a prepared statement, then Sync. Closing a name that does not exist is not an error. */
public final class CloseStatementCommand extends Command<Void> {
    private final String name;

    public CloseStatementCommand(String name) {
        this.name = name;
    }

    @Override
    protected void encode(MessageSink out) {
        out.write(CloseMessage.statement(name));
        out.write(SyncMessage.INSTANCE);
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws ProtocolViolationException {
        if (!(message instanceof CloseCompleteMessage)) {
            throw new ProtocolViolationException("unexpected " + message + " in the answer to Close");
        }
    }

    @Override
    protected Void result() {
        return null;
    }
}

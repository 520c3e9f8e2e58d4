package io.tusk.internal.protocol.command;

import io.tusk.internal.row.Column;
import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.CommandContext;
import io.tusk.internal.protocol.MessageSink;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.NoDataMessage;
import io.tusk.internal.protocol.message.backend.ParameterDescriptionMessage;
import io.tusk.internal.protocol.message.backend.ParseCompleteMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.protocol.message.frontend.DescribeMessage;
import io.tusk.internal.protocol.message.frontend.ParseMessage;
import io.tusk.internal.protocol.message.frontend.SyncMessage;

/** Parse and Describe of a statement, then Sync: prepares it and learns its parameter and result types. */
public final class PrepareCommand extends Command<PreparedStatementInfo> {
    static final RowDescriptionMessage NO_ROWS = new RowDescriptionMessage(new Column[0]);

    private final String name;
    private final String sql;
    private final int[] parameterTypes;
    private int[] describedTypes;
    private RowDescriptionMessage description;

    public PrepareCommand(String name, String sql, int[] parameterTypes) {
        this.name = name;
        this.sql = sql;
        this.parameterTypes = parameterTypes;
    }

    @Override
    protected void encode(MessageSink out) {
        out.write(new ParseMessage(name, sql, parameterTypes));
        out.write(DescribeMessage.statement(name));
        out.write(SyncMessage.INSTANCE);
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws ProtocolViolationException {
        if (message instanceof ParameterDescriptionMessage p) {
            describedTypes = p.typeOids();
        } else if (message instanceof RowDescriptionMessage d) {
            description = d;
        } else if (message instanceof NoDataMessage) {
            description = NO_ROWS;
        } else if (!(message instanceof ParseCompleteMessage)) {
            throw new ProtocolViolationException("unexpected " + message + " in the answer to Parse/Describe");
        }
    }

    @Override
    protected PreparedStatementInfo result() throws ProtocolViolationException {
        if (describedTypes == null || description == null) {
            throw new ProtocolViolationException("Describe of statement \"" + name + "\" was not answered");
        }
        return new PreparedStatementInfo(name, describedTypes, description);
    }
}

package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.CommandContext;
import io.tusk.internal.protocol.MessageSink;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.CommandCompleteMessage;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import io.tusk.internal.protocol.message.backend.EmptyQueryResponseMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.protocol.message.frontend.QueryMessage;
import java.sql.SQLException;
import java.util.List;

/**
 * A Query message: one or more statements in one string, text results, one result per statement.
 * An error stops the statements after it (the server's rule), and the command fails with it.
 * A COPY started by the SQL is refused ({@link CopyRefusal}).
 */
public final class SimpleQueryCommand extends Command<List<QueryResult>> {
    private final String sql;
    private final ResultCollector collector = new ResultCollector();

    public SimpleQueryCommand(String sql) {
        this.sql = sql;
    }

    @Override
    protected void encode(MessageSink out) {
        out.write(new QueryMessage(sql));
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws SQLException {
        CopyRefusal.check(message, context, false);
        if (message instanceof DataRowMessage row) {
            collector.row(row);
        } else if (message instanceof RowDescriptionMessage d) {
            collector.description(d);
        } else if (message instanceof CommandCompleteMessage c) {
            collector.complete(c);
        } else if (message instanceof EmptyQueryResponseMessage) {
            collector.emptyQuery();
        } else {
            throw new ProtocolViolationException("unexpected " + message + " in the answer to a simple query");
        }
    }

    @Override
    protected List<QueryResult> result() {
        return collector.results();
    }
}

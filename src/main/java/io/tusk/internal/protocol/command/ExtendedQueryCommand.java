package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.CommandContext;
import io.tusk.internal.protocol.MessageSink;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.BindCompleteMessage;
import io.tusk.internal.protocol.message.backend.CommandCompleteMessage;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import io.tusk.internal.protocol.message.backend.EmptyQueryResponseMessage;
import io.tusk.internal.protocol.message.backend.NoDataMessage;
import io.tusk.internal.protocol.message.backend.ParseCompleteMessage;
import io.tusk.internal.protocol.message.backend.PortalSuspendedMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.protocol.message.frontend.BindMessage;
import io.tusk.internal.protocol.message.frontend.DescribeMessage;
import io.tusk.internal.protocol.message.frontend.ExecuteMessage;
import io.tusk.internal.protocol.message.frontend.ParseMessage;
import io.tusk.internal.protocol.message.frontend.SyncMessage;
import java.sql.SQLException;

/**
 * One statement through the extended protocol: Parse (unless the statement is already prepared),
 * Bind, Describe of the portal (unless the row description is already known), Execute, Sync.
 * Parameters arrive already encoded, in text or binary format as {@code parameterFormats} says.
 */
public final class ExtendedQueryCommand extends Command<QueryResult> {
    private final String statementName;
    private final String sql;
    private final int[] parameterTypes;
    private final short[] parameterFormats;
    private final byte[][] parameters;
    private final short[] resultFormats;
    private final int maxRows;
    private final RowDescriptionMessage knownDescription;
    private final ResultCollector collector = new ResultCollector();

    /**
     * @param statementName    the prepared statement to use, "" for the unnamed one
     * @param sql              the text to Parse first, or {@code null} when {@code statementName} is prepared
     * @param parameterTypes   OIDs for Parse (0 lets the server infer); ignored without {@code sql}
     * @param knownDescription the statement's row description when known (Describe is then skipped),
     *                         or {@code null}; a statement known to return no rows must pass an
     *                         empty description rather than {@code null} to skip Describe
     * @param maxRows          row limit of the Execute, 0 for all rows
     */
    public ExtendedQueryCommand(String statementName, String sql, int[] parameterTypes, short[] parameterFormats,
            byte[][] parameters, short[] resultFormats, int maxRows, RowDescriptionMessage knownDescription) {
        this.statementName = statementName;
        this.sql = sql;
        this.parameterTypes = parameterTypes;
        this.parameterFormats = parameterFormats;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
        this.maxRows = maxRows;
        this.knownDescription = knownDescription;
    }

    @Override
    protected void encode(MessageSink out) {
        if (sql != null) {
            out.write(new ParseMessage(statementName, sql, parameterTypes));
        }
        out.write(new BindMessage("", statementName, parameterFormats, parameters, resultFormats));
        if (knownDescription == null) {
            out.write(DescribeMessage.portal(""));
        } else if (knownDescription.fields().length > 0) {
            collector.description(knownDescription);
        }
        out.write(new ExecuteMessage("", maxRows));
        out.write(SyncMessage.INSTANCE);
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws ProtocolViolationException {
        if (message instanceof DataRowMessage row) {
            collector.row(row);
        } else if (message instanceof RowDescriptionMessage d) {
            collector.description(d);
        } else if (message instanceof CommandCompleteMessage c) {
            collector.complete(c);
        } else if (message instanceof PortalSuspendedMessage) {
            collector.suspended();
        } else if (message instanceof EmptyQueryResponseMessage) {
            collector.emptyQuery();
        } else if (!(message instanceof ParseCompleteMessage || message instanceof BindCompleteMessage
                || message instanceof NoDataMessage)) {
            throw new ProtocolViolationException("unexpected " + message + " in the answer to an extended query");
        }
    }

    @Override
    protected QueryResult result() throws SQLException {
        if (collector.results().size() != 1) {
            throw new ProtocolViolationException("extended query ended without CommandComplete");
        }
        return collector.results().get(0);
    }
}

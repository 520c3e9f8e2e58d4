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
import io.tusk.internal.protocol.message.backend.ParameterDescriptionMessage;
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
 *
 * <p>With {@link #describingStatement()}, a statement parsed under a name is described as a
 * statement (Parse, Describe S, Bind, Execute, Sync): one round trip both runs it and yields what
 * the statement cache keeps ({@link #statementInfo()}), so the next run can ask for binary results.
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
    private boolean describeStatement;
    private int[] describedTypes;
    private RowDescriptionMessage describedRows;

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

    /** Describes the parsed statement instead of the portal; call before submitting. */
    public ExtendedQueryCommand describingStatement() {
        if (sql == null || statementName.isEmpty()) {
            throw new IllegalStateException("only a statement parsed under a name can be described for reuse");
        }
        this.describeStatement = true;
        return this;
    }

    /** After success of a {@link #describingStatement()} command: the statement as the server described it. */
    public PreparedStatementInfo statementInfo() {
        return describedTypes == null ? null : new PreparedStatementInfo(statementName, describedTypes,
                describedRows == null ? PrepareCommand.NO_ROWS : describedRows);
    }

    @Override
    protected void encode(MessageSink out) {
        if (sql != null) {
            out.write(new ParseMessage(statementName, sql, parameterTypes));
        }
        if (describeStatement) {
            out.write(DescribeMessage.statement(statementName));
        }
        out.write(new BindMessage("", statementName, parameterFormats, parameters, resultFormats));
        if (knownDescription == null && !describeStatement) {
            out.write(DescribeMessage.portal(""));
        } else if (knownDescription != null && knownDescription.fields().length > 0) {
            collector.description(knownDescription);
        }
        out.write(new ExecuteMessage("", maxRows));
        out.write(SyncMessage.INSTANCE);
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws SQLException {
        CopyRefusal.check(message, context, true);
        if (message instanceof DataRowMessage row) {
            collector.row(row);
        } else if (message instanceof RowDescriptionMessage d) {
            collector.description(d);
            if (describeStatement) {
                describedRows = d;
            }
        } else if (message instanceof ParameterDescriptionMessage p && describeStatement) {
            describedTypes = p.typeOids();
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

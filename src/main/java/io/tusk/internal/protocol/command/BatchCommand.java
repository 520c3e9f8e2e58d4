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
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.protocol.message.frontend.BindMessage;
import io.tusk.internal.protocol.message.frontend.DescribeMessage;
import io.tusk.internal.protocol.message.frontend.ExecuteMessage;
import io.tusk.internal.protocol.message.frontend.ParseMessage;
import io.tusk.internal.protocol.message.frontend.SyncMessage;
import java.sql.SQLException;
import java.util.List;

/**
 * Many executions in one round trip and one implicit transaction: for each item, Parse (when the
 * item brings its SQL), Bind, Describe of the portal (after a Parse), Execute; then a single Sync.
 * An error stops the rest (the server skips to the Sync) and rolls back the implicit transaction,
 * as JDBC batches on PostgreSQL behave; {@link #completedResults()} then tells how far it got.
 */
public final class BatchCommand extends Command<List<QueryResult>> {

    /**
     * One execution.
     *
     * @param sql the statement to Parse under the batch's statement name first, or {@code null} to
     *            reuse the statement already there
     */
    public record Item(String sql, int[] parameterTypes, short[] parameterFormats, byte[][] parameters) {
    }

    private final String statementName;
    private final List<Item> items;
    private final short[] resultFormats;
    private final RowDescriptionMessage knownDescription;
    private final ResultCollector collector = new ResultCollector();

    /**
     * @param knownDescription the rows' description when the statement is already prepared and known,
     *                         else {@code null}; the portal is then described after each Parse
     */
    public BatchCommand(String statementName, List<Item> items, short[] resultFormats,
            RowDescriptionMessage knownDescription) {
        this.statementName = statementName;
        this.items = items;
        this.resultFormats = resultFormats;
        this.knownDescription = knownDescription;
    }

    @Override
    protected void encode(MessageSink out) {
        if (knownDescription != null && knownDescription.fields().length > 0) {
            collector.description(knownDescription);
        }
        for (Item item : items) {
            if (item.sql() != null) {
                out.write(new ParseMessage(statementName, item.sql(), item.parameterTypes()));
            }
            out.write(new BindMessage("", statementName, item.parameterFormats(), item.parameters(), resultFormats));
            if (item.sql() != null && knownDescription == null) {
                out.write(DescribeMessage.portal(""));
            }
            out.write(new ExecuteMessage("", 0));
        }
        out.write(SyncMessage.INSTANCE);
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws SQLException {
        CopyRefusal.check(message, context, true);
        if (message instanceof DataRowMessage row) {
            collector.row(row);
        } else if (message instanceof CommandCompleteMessage c) {
            RowDescriptionMessage d = collector.description();
            collector.complete(c);
            collector.description(d); // every item of a batch has the same columns
        } else if (message instanceof RowDescriptionMessage d) {
            collector.description(d);
        } else if (message instanceof NoDataMessage) {
            collector.description(null);
        } else if (message instanceof EmptyQueryResponseMessage) {
            collector.emptyQuery();
        } else if (!(message instanceof ParseCompleteMessage || message instanceof BindCompleteMessage)) {
            throw new ProtocolViolationException("unexpected " + message + " in the answer to a batch");
        }
    }

    /** The results of the items that completed, in order; all of them after success. */
    public List<QueryResult> completedResults() {
        return collector.results();
    }

    @Override
    protected List<QueryResult> result() {
        return collector.results();
    }
}

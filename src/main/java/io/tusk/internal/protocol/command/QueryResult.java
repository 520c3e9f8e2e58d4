package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.row.RowData;
import java.util.List;

/**
 * The outcome of one SQL statement: its rows (when it returns any) and its command tag.
 *
 * @param description the row description, {@code null} for statements that return no rows
 * @param rows        the rows, empty when there are none; handed over by whoever collected them, not copied
 * @param commandTag  e.g. {@code "INSERT 0 3"}; {@code null} for an empty query, or for a portal
 *                    suspended after {@code maxRows} rows
 * @param rowCount    the count in the tag (rows affected or returned), or -1
 * @param suspended   the portal stopped at its row limit and has more rows
 */
public record QueryResult(RowDescriptionMessage description, List<RowData> rows, String commandTag,
        long rowCount, boolean suspended) {
}

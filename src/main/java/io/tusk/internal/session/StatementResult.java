package io.tusk.internal.session;

import io.tusk.internal.row.RowData;
import java.util.List;

/**
 * The outcome of one statement at the session level: rows with their shared descriptor.
 *
 * @param descriptor {@code null} when the statement returns no rows
 * @param commandTag {@code null} for an empty query or a suspended portal
 * @param rowCount   rows affected or returned, from the tag; -1 when the tag has none
 */
public record StatementResult(RowDescriptor descriptor, List<RowData> rows, String commandTag, long rowCount,
        boolean suspended) {
}

package io.tusk.internal.protocol.command;

import io.tusk.internal.protocol.message.backend.CommandCompleteMessage;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.row.RowData;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link QueryResult}s from the messages of one or more statements' answers. */
final class ResultCollector {
    private final List<QueryResult> results = new ArrayList<>(1);
    private RowDescriptionMessage description;
    /** The current statement's rows; created with the first row, as most statements return none or one. */
    private List<RowData> rows = List.of();

    void description(RowDescriptionMessage d) {
        description = d;
    }

    RowDescriptionMessage description() {
        return description;
    }

    void row(DataRowMessage row) {
        if (rows.isEmpty()) {
            rows = new ArrayList<>();
        }
        rows.add(row.row());
    }

    void complete(CommandCompleteMessage c) {
        end(c.tag(), c.rowCount(), false);
    }

    void emptyQuery() {
        end(null, -1, false);
    }

    void suspended() {
        end(null, rows.size(), true);
    }

    private void end(String tag, long count, boolean suspended) {
        results.add(new QueryResult(description, rows, tag, count, suspended));
        description = null;
        rows = List.of();
    }

    List<QueryResult> results() {
        return results;
    }
}

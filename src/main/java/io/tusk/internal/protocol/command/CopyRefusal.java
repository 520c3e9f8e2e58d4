package io.tusk.internal.protocol.command;

import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.CommandContext;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.CopyInResponseMessage;
import io.tusk.internal.protocol.message.backend.CopyOutResponseMessage;
import io.tusk.internal.protocol.message.frontend.CopyFailMessage;
import io.tusk.internal.protocol.message.frontend.SyncMessage;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * What a query command does when the server starts a COPY it did not ask for: a COPY FROM STDIN
 * gets CopyFail at once (the server would otherwise wait for data forever), a COPY TO STDOUT is
 * drained; either way the command fails with 0A000 and the connection stays usable.
 */
final class CopyRefusal {
    private CopyRefusal() {
    }

    /**
     * Throws when {@code message} starts a COPY; returns normally for any other message.
     *
     * @param extended the COPY came from an extended-protocol Execute: the server ignored the Sync
     *                 sent after it while in copy-in mode, so after CopyFail it waits for a new one
     */
    static void check(BackendMessage message, CommandContext context, boolean extended) throws SQLException {
        if (message instanceof CopyInResponseMessage) {
            context.out().write(new CopyFailMessage("COPY FROM STDIN needs the COPY API"));
            if (extended) {
                context.out().write(SyncMessage.INSTANCE);
            }
            context.out().flush();
            throw refused("COPY FROM STDIN");
        }
        if (message instanceof CopyOutResponseMessage) {
            throw refused("COPY TO STDOUT"); // its CopyData and CopyDone are drained by the connection
        }
    }

    private static SQLException refused(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported through a query; it needs the COPY API"
                + " (a later milestone)", SqlStates.FEATURE_NOT_SUPPORTED);
    }
}

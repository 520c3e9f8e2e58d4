package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;

/**
 * CommandComplete ('C'): a statement finished. The tag is the command name, followed for some
 * commands by counts: {@code INSERT 0 5}, {@code UPDATE 3}, {@code SELECT 10}, {@code CREATE TABLE}.
 */
public record CommandCompleteMessage(String tag) implements BackendMessage {

    static CommandCompleteMessage decode(ByteBuf payload) throws ProtocolViolationException {
        return new CommandCompleteMessage(CStrings.read(payload));
    }

    /**
     * Rows affected or returned: the last number of the tag for commands that report one
     * (INSERT, UPDATE, DELETE, SELECT, MOVE, FETCH, COPY, MERGE), else -1.
     */
    public long rowCount() {
        switch (command()) {
            case "INSERT", "UPDATE", "DELETE", "SELECT", "MOVE", "FETCH", "COPY", "MERGE":
                break;
            default:
                return -1;
        }
        int space = tag.lastIndexOf(' ');
        try {
            return space < 0 ? -1 : Long.parseLong(tag, space + 1, tag.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tag without its trailing counts: {@code "INSERT"}, {@code "CREATE TABLE"}. */
    public String command() {
        int end = tag.length();
        while (true) {
            int space = tag.lastIndexOf(' ', end - 1);
            if (space < 0 || !isDigits(space + 1, end)) {
                return tag.substring(0, end);
            }
            end = space;
        }
    }

    private boolean isDigits(int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (tag.charAt(i) < '0' || tag.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "<=BE CommandComplete(" + tag + ")";
    }
}

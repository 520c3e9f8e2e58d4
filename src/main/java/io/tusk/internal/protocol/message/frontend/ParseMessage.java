package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/**
 * Parse ('P'): prepares {@code sql} as {@code statementName} ("" = the unnamed statement). A type
 * OID of 0 leaves that parameter's type to the server. The array is not copied.
 */
public final class ParseMessage implements FrontendMessage {

    private static final int[] NO_TYPES = new int[0];

    private final String statementName;
    private final String sql;
    private final int[] parameterTypeOids;

    public ParseMessage(String statementName, String sql, int[] parameterTypeOids) {
        this.statementName = CStrings.requireNoZero(statementName, "statement name");
        this.sql = CStrings.requireNoZero(sql, "sql");
        this.parameterTypeOids = parameterTypeOids == null ? NO_TYPES : parameterTypeOids;
        if (this.parameterTypeOids.length > 0xFFFF) {
            throw new IllegalArgumentException(
                    "parameter types: " + this.parameterTypeOids.length + " (expected: <= 65535)");
        }
    }

    public String statementName() {
        return statementName;
    }

    public String sql() {
        return sql;
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'P');
        CStrings.write(out, statementName);
        CStrings.write(out, sql);
        out.writeShort(parameterTypeOids.length);
        for (int oid : parameterTypeOids) {
            out.writeInt(oid);
        }
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> Parse(statement=" + statementName + ", sql=\"" + sql + "\", types="
                + parameterTypeOids.length + ")";
    }
}

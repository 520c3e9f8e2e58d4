package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/** Query ('Q'): simple query protocol; the text may hold several statements. */
public record QueryMessage(String sql) implements FrontendMessage {

    public QueryMessage {
        CStrings.requireNoZero(sql, "sql");
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'Q');
        CStrings.write(out, sql);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> Query(\"" + sql + "\")";
    }
}

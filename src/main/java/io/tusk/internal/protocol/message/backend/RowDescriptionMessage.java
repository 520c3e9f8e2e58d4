package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;
import io.tusk.internal.row.Column;

/**
 * RowDescription ('T'): the columns of the rows that follow. Decoded once per statement and
 * shared by every row, so the array is the message's own and must not be modified.
 */
public final class RowDescriptionMessage implements BackendMessage {

    /** Smallest encoding of one field: an empty name (1 byte) and 18 bytes of numbers. */
    private static final int MIN_FIELD_SIZE = 19;

    private final Column[] fields;

    public RowDescriptionMessage(Column[] fields) {
        this.fields = fields;
    }

    public Column[] fields() {
        return fields;
    }

    public int fieldCount() {
        return fields.length;
    }

    public Column field(int index) {
        return fields[index];
    }

    static RowDescriptionMessage decode(ByteBuf payload) throws ProtocolViolationException {
        int count = payload.readUnsignedShort();
        if (payload.readableBytes() < count * MIN_FIELD_SIZE) {
            throw new IndexOutOfBoundsException("fields: " + count + " in " + payload.readableBytes() + " bytes");
        }
        Column[] fields = new Column[count];
        for (int i = 0; i < count; i++) {
            fields[i] = new Column(CStrings.read(payload), payload.readInt(), payload.readShort(), payload.readInt(),
                    payload.readShort(), payload.readInt(), payload.readShort());
        }
        return new RowDescriptionMessage(fields);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<=BE RowDescription(");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields[i].name()).append(':').append(fields[i].typeOid());
        }
        return sb.append(')').toString();
    }
}

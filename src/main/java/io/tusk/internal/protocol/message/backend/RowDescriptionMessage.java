package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;

/**
 * RowDescription ('T'): the columns of the rows that follow. Decoded once per statement and
 * shared by every row, so the array is the message's own and must not be modified.
 */
public final class RowDescriptionMessage implements BackendMessage {

    /** Smallest encoding of one field: an empty name (1 byte) and 18 bytes of numbers. */
    private static final int MIN_FIELD_SIZE = 19;

    /**
     * One column.
     *
     * @param tableOid        the table's OID if the column is a plain table column, else 0
     * @param columnAttribute the column's attribute number in that table, else 0
     * @param typeSize        {@code pg_type.typlen}; negative for variable-width types
     * @param typeModifier    {@code pg_attribute.atttypmod}, type-specific (-1 if none)
     * @param format          0 text, 1 binary (always 0 when described from a statement)
     */
    public record Field(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
            int typeModifier, short format) {
    }

    private final Field[] fields;

    public RowDescriptionMessage(Field[] fields) {
        this.fields = fields;
    }

    public Field[] fields() {
        return fields;
    }

    public int fieldCount() {
        return fields.length;
    }

    public Field field(int index) {
        return fields[index];
    }

    static RowDescriptionMessage decode(ByteBuf payload) throws ProtocolViolationException {
        int count = payload.readUnsignedShort();
        if (payload.readableBytes() < count * MIN_FIELD_SIZE) {
            throw new IndexOutOfBoundsException("fields: " + count + " in " + payload.readableBytes() + " bytes");
        }
        Field[] fields = new Field[count];
        for (int i = 0; i < count; i++) {
            fields[i] = new Field(CStrings.read(payload), payload.readInt(), payload.readShort(), payload.readInt(),
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

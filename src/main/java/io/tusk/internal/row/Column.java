package io.tusk.internal.row;

/**
 * One column of a result, as the server describes it in RowDescription.
 *
 * @param tableOid        the table's OID if the column is a plain table column, else 0
 * @param columnAttribute the column's attribute number in that table, else 0
 * @param typeSize        {@code pg_type.typlen}; negative for variable-width types
 * @param typeModifier    {@code pg_attribute.atttypmod}, type-specific (-1 if none)
 * @param format          0 text, 1 binary (always 0 when described from a statement)
 */
public record Column(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
        int typeModifier, short format) {

    /** A column the driver makes up (metadata results): no table, text format. */
    public static Column of(String name, int typeOid) {
        return new Column(name, 0, (short) 0, typeOid, (short) -1, -1, (short) 0);
    }
}

package io.tusk.jdbc;

import io.tusk.internal.row.Column;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.session.RowDescriptor;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * The columns of a result: types, sizes and labels come from the RowDescription; what only the
 * catalog knows (NOT NULL, identity/serial, the base table, schema and column names) is fetched
 * with one query for all columns of the result, the first time one of those methods is called,
 * and remembered per connection ({@link CatalogLookup}).
 *
 * <p>As with pgjdbc, {@link #getColumnName} is the label (the {@code AS} name), so code that maps
 * columns by {@code getColumnName} sees the same names as with pgjdbc; the underlying column's name
 * is {@link #getBaseColumnName}. Unlike pgjdbc, {@link #getSchemaName} gives the table's schema.
 * Columns that are not plain table columns (expressions, literals) have no table: their nullability
 * is {@code columnNullableUnknown} and their table and schema names are empty.
 */
public final class JdbcResultSetMetaData implements ResultSetMetaData {

    /** What the catalog says about table columns. */
    @FunctionalInterface
    interface ColumnCatalog {
        /**
         * The entries for the columns {@code (tableOids[i], attnums[i])}, in the same order; an element is
         * null when the catalog has no such column (the table was dropped since).
         */
        CatalogColumn[] lookup(int[] tableOids, short[] attnums) throws SQLException;
    }

    /** One table column as the catalog describes it. */
    record CatalogColumn(String schema, String table, String column, boolean notNull, boolean autoIncrement) {
    }

    private final RowDescriptor descriptor;
    private final ColumnCatalog catalog;
    /** Filled on first use; an element stays null for a column that is not a table column. */
    private CatalogColumn[] columns;

    /** @param catalog null when there is no connection to ask (results built by the driver) */
    JdbcResultSetMetaData(RowDescriptor descriptor, ColumnCatalog catalog) {
        this.descriptor = descriptor;
        this.catalog = catalog;
    }

    @Override
    public int getColumnCount() {
        return descriptor.size();
    }

    /** True for identity columns and columns whose default is {@code nextval(…)} (serial). */
    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        CatalogColumn c = catalogColumn(column);
        return c != null && c.autoIncrement();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return JdbcTypes.isCaseSensitive(field(column).typeOid());
    }

    /** Every type can appear in a WHERE clause (through its text form at least). */
    @Override
    public boolean isSearchable(int column) throws SQLException {
        field(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return field(column).typeOid() == Oids.MONEY;
    }

    /** A NOT NULL column (or a column of a NOT NULL domain) is {@code columnNoNulls}; expressions are unknown. */
    @Override
    public int isNullable(int column) throws SQLException {
        CatalogColumn c = catalogColumn(column);
        return c == null ? columnNullableUnknown : c.notNull() ? columnNoNulls : columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.isSigned(field(column).typeOid());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Column f = field(column);
        return JdbcTypes.displaySize(f.typeOid(), f.typeModifier());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return field(column).name();
    }

    /** The label, as with pgjdbc; see {@link #getBaseColumnName} for the table column's own name. */
    @Override
    public String getColumnName(int column) throws SQLException {
        return field(column).name();
    }

    /** The name of the table column the value comes from, or "" when it is not a table column. */
    public String getBaseColumnName(int column) throws SQLException {
        CatalogColumn c = catalogColumn(column);
        return c == null ? "" : c.column();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        CatalogColumn c = catalogColumn(column);
        return c == null ? "" : c.schema();
    }

    /** The same as {@link #getSchemaName}; for code written against pgjdbc's PGResultSetMetaData. */
    public String getBaseSchemaName(int column) throws SQLException {
        return getSchemaName(column);
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Column f = field(column);
        return JdbcTypes.precision(f.typeOid(), f.typeModifier());
    }

    @Override
    public int getScale(int column) throws SQLException {
        Column f = field(column);
        return JdbcTypes.scale(f.typeOid(), f.typeModifier());
    }

    @Override
    public String getTableName(int column) throws SQLException {
        CatalogColumn c = catalogColumn(column);
        return c == null ? "" : c.table();
    }

    /** The same as {@link #getTableName}; for code written against pgjdbc's PGResultSetMetaData. */
    public String getBaseTableName(int column) throws SQLException {
        return getTableName(column);
    }

    /** PostgreSQL cannot query across databases, so results carry no catalog name. */
    @Override
    public String getCatalogName(int column) throws SQLException {
        field(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(field(column).typeOid(), descriptor.codec(column - 1).typeName());
    }

    /** The type's name as in {@code pg_type.typname}: {@code int4}, {@code varchar}, {@code _text}. */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        field(column);
        return descriptor.codec(column - 1).typeName();
    }

    /** No privileges are checked: a column is reported writable, but never definitely so. */
    @Override
    public boolean isReadOnly(int column) throws SQLException {
        field(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        field(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        field(column);
        return false;
    }

    /** The class {@code getObject} returns for the column. */
    @Override
    public String getColumnClassName(int column) throws SQLException {
        field(column);
        return JdbcTypes.jdbcClass(descriptor.codec(column - 1).javaType()).getName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("cannot unwrap to " + iface.getName() + " (expected: JdbcResultSetMetaData)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    private Column field(int column) throws SQLException {
        if (column < 1 || column > descriptor.size()) {
            throw new SQLDataException("column index: " + column + " (expected: 1.." + descriptor.size() + ")",
                    SqlStates.INVALID_PARAMETER_VALUE);
        }
        return descriptor.field(column - 1);
    }

    /** The catalog entry of a table column; null for other columns, or when there is no catalog to ask. */
    private CatalogColumn catalogColumn(int column) throws SQLException {
        Column f = field(column);
        if (!isTableColumn(f) || catalog == null) {
            return null;
        }
        if (columns == null) {
            columns = fetchColumns();
        }
        return columns[column - 1];
    }

    /** One lookup for every table column of the result. */
    private CatalogColumn[] fetchColumns() throws SQLException {
        int n = descriptor.size();
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += isTableColumn(descriptor.field(i)) ? 1 : 0;
        }
        int[] tableOids = new int[count];
        short[] attnums = new short[count];
        for (int i = 0, k = 0; i < n; i++) {
            Column f = descriptor.field(i);
            if (isTableColumn(f)) {
                tableOids[k] = f.tableOid();
                attnums[k++] = f.columnAttribute();
            }
        }
        CatalogColumn[] found = catalog.lookup(tableOids, attnums);
        CatalogColumn[] result = new CatalogColumn[n];
        for (int i = 0, k = 0; i < n; i++) {
            if (isTableColumn(descriptor.field(i))) {
                result[i] = found[k++];
            }
        }
        return result;
    }

    /** The server names the table and attribute number (system columns such as ctid: negative) of plain columns. */
    private static boolean isTableColumn(Column f) {
        return f.tableOid() != 0 && f.columnAttribute() != 0;
    }
}

package io.tusk.jdbc;

import static io.tusk.jdbc.JdbcResultSetTest.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.Oids;
import io.tusk.jdbc.JdbcResultSetMetaData.CatalogColumn;
import io.tusk.jdbc.JdbcResultSetMetaData.ColumnCatalog;
import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column metadata from the RowDescription, and from the catalog for table columns. */
class JdbcResultSetMetaDataTest {
    private static final int USERS = 16_384;
    /** An OID above 2^31, negative as a Java int. */
    private static final int ORDERS = (int) 3_000_000_000L;

    private final List<String> lookups = new ArrayList<>();

    /** A catalog with users(id serial NOT NULL, name varchar(40)) and orders(total numeric(10,2) NOT NULL). */
    private final ColumnCatalog catalog = (tableOids, attnums) -> {
        CatalogColumn[] out = new CatalogColumn[tableOids.length];
        for (int i = 0; i < out.length; i++) {
            lookups.add(Integer.toUnsignedString(tableOids[i]) + "/" + attnums[i]);
            if (tableOids[i] == USERS && attnums[i] == 1) {
                out[i] = new CatalogColumn("app", "users", "id", true, true);
            } else if (tableOids[i] == USERS && attnums[i] == 2) {
                out[i] = new CatalogColumn("app", "users", "name", false, false);
            } else if (tableOids[i] == ORDERS && attnums[i] == 3) {
                out[i] = new CatalogColumn("sales", "orders", "total", true, false);
            }
        }
        return out;
    };

    private JdbcResultSetMetaData metaData() {
        return new JdbcResultSetMetaData(new JdbcResultSetTest.Result(true)
                .column("user_id", Oids.INT4, USERS, 1, -1)
                .column("name", Oids.VARCHAR, USERS, 2, 44)
                .column("total", Oids.NUMERIC, ORDERS, 3, (10 << 16 | 2) + 4)
                .column("now", Oids.TIMESTAMPTZ)
                .column("gone", Oids.TEXT, 99, 1, -1)
                .column("flag", Oids.BOOL)
                .column("i2", Oids.INT2)
                .column("cash", Oids.MONEY)
                .column("ip", Oids.INET)
                .column("tags", Oids.TEXT_ARRAY)
                .descriptor(), catalog);
    }

    @Test
    void typesComeFromTheDescriptionAndCodecs() throws Exception {
        ResultSetMetaData md = metaData();
        assertEquals(10, md.getColumnCount());
        assertEquals(Types.INTEGER, md.getColumnType(1));
        assertEquals("int4", md.getColumnTypeName(1));
        assertEquals("java.lang.Integer", md.getColumnClassName(1));
        assertEquals(Types.VARCHAR, md.getColumnType(2));
        assertEquals(40, md.getPrecision(2));
        assertEquals(40, md.getColumnDisplaySize(2));
        assertEquals(Types.NUMERIC, md.getColumnType(3));
        assertEquals(10, md.getPrecision(3));
        assertEquals(2, md.getScale(3));
        assertEquals(12, md.getColumnDisplaySize(3));
        assertEquals("java.math.BigDecimal", md.getColumnClassName(3));
        assertEquals(Types.TIMESTAMP, md.getColumnType(4));
        assertEquals("timestamptz", md.getColumnTypeName(4));
        assertEquals("java.sql.Timestamp", md.getColumnClassName(4));
        assertEquals(6, md.getScale(4));
        assertEquals(Types.BIT, md.getColumnType(6));
        assertEquals("java.lang.Boolean", md.getColumnClassName(6));
        assertEquals("java.lang.Integer", md.getColumnClassName(7), "as getObject returns it");
        assertTrue(md.isCurrency(8));
        assertFalse(md.isCurrency(1));
        assertEquals(Types.OTHER, md.getColumnType(9));
        assertEquals("java.lang.String", md.getColumnClassName(9));
        assertEquals(Types.ARRAY, md.getColumnType(10));
        assertEquals("_text", md.getColumnTypeName(10));
        assertTrue(md.isSigned(1));
        assertFalse(md.isSigned(2));
        assertTrue(md.isCaseSensitive(2));
        assertFalse(md.isCaseSensitive(1));
        assertTrue(md.isSearchable(1));
        assertFalse(md.isReadOnly(1));
        assertTrue(md.isWritable(1));
        assertFalse(md.isDefinitelyWritable(1));
        assertEquals("", md.getCatalogName(1));
        assertTrue(lookups.isEmpty(), "nothing here needs the catalog");
    }

    @Test
    void labelsAreColumnNamesAsWithPgjdbc() throws Exception {
        JdbcResultSetMetaData md = metaData();
        assertEquals("user_id", md.getColumnLabel(1));
        assertEquals("user_id", md.getColumnName(1));
        assertTrue(lookups.isEmpty());
        assertEquals("id", md.getBaseColumnName(1));
        assertEquals("", md.getBaseColumnName(4));
    }

    @Test
    void catalogIsAskedOnceForAllTableColumns() throws Exception {
        JdbcResultSetMetaData md = metaData();
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(List.of("16384/1", "16384/2", "3000000000/3", "99/1"), lookups);
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(3));
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(4), "an expression");
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(5), "a dropped table");
        assertTrue(md.isAutoIncrement(1));
        assertFalse(md.isAutoIncrement(2));
        assertFalse(md.isAutoIncrement(4));
        assertEquals("users", md.getTableName(1));
        assertEquals("orders", md.getBaseTableName(3));
        assertEquals("app", md.getSchemaName(2));
        assertEquals("sales", md.getBaseSchemaName(3));
        assertEquals("", md.getTableName(4));
        assertEquals("", md.getSchemaName(5));
        assertEquals(4, lookups.size(), "one lookup, remembered");
    }

    @Test
    void withoutACatalogTableFactsAreUnknown() throws Exception {
        JdbcResultSetMetaData md = new JdbcResultSetMetaData(new JdbcResultSetTest.Result(false)
                .column("id", Oids.INT4, USERS, 1, -1).descriptor(), null);
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(1));
        assertFalse(md.isAutoIncrement(1));
        assertEquals("", md.getTableName(1));
    }

    @Test
    void badIndexIs22023AndUnwrap() throws Exception {
        JdbcResultSetMetaData md = metaData();
        assertSqlState("22023", () -> md.getColumnType(0));
        assertSqlState("22023", () -> md.getColumnLabel(11));
        assertSqlState("22023", () -> md.isNullable(11));
        assertSame(md, md.unwrap(JdbcResultSetMetaData.class));
        assertTrue(md.isWrapperFor(ResultSetMetaData.class));
        assertSqlState("22023", () -> md.unwrap(String.class));
    }

    @Test
    void parameterMetaDataUsesTheSameMapping() throws Exception {
        JdbcParameterMetaData pmd = new JdbcParameterMetaData(new int[] {Oids.INT8, Oids.TEXT, Oids.TIMESTAMP},
                CodecRegistry.builtin());
        assertEquals(3, pmd.getParameterCount());
        assertEquals(Types.BIGINT, pmd.getParameterType(1));
        assertEquals("int8", pmd.getParameterTypeName(1));
        assertEquals("java.lang.Long", pmd.getParameterClassName(1));
        assertTrue(pmd.isSigned(1));
        assertEquals(Types.VARCHAR, pmd.getParameterType(2));
        assertEquals("java.sql.Timestamp", pmd.getParameterClassName(3));
        assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(2));
        assertEquals(ParameterMetaData.parameterNullableUnknown, pmd.isNullable(2));
        assertEquals(0, pmd.getPrecision(1));
        assertEquals(0, pmd.getScale(1));
        assertSqlState("22023", () -> pmd.getParameterType(4));
    }
}

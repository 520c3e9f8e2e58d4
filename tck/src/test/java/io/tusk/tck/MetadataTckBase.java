package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metadata of results (ResultSetMetaData), of parameters (ParameterMetaData) and of the database
 * (DatabaseMetaData: the driver's and server's properties, then the catalog methods).
 */
public abstract class MetadataTckBase extends TckBase {

    private ResultSetMetaData metaData(String sql) throws SQLException {
        Statement s = closeLater(conn.createStatement());
        return s.executeQuery(sql).getMetaData();
    }

    // ------------------------------------------------------------------------------ ResultSetMetaData

    @Test
    void columnCountAndLabels() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1 AS a, 'x' AS \"B c\", 3");
        assertEquals(3, md.getColumnCount());
        assertEquals("a", md.getColumnLabel(1));
        assertEquals("B c", md.getColumnLabel(2));
        assertNotNull(md.getColumnLabel(3));
    }

    @Test
    void columnLabelOfAliasedTableColumn() throws SQLException {
        String table = tempTable("id int");
        ResultSetMetaData md = metaData("SELECT id AS alias FROM " + table);
        assertEquals("alias", md.getColumnLabel(1));
    }

    @Test
    void columnNameOfTableColumn() throws SQLException {
        // getColumnName of an unaliased column is the column's name (with an alias, drivers differ).
        String table = tempTable("some_col int");
        assertEquals("some_col", metaData("SELECT some_col FROM " + table).getColumnName(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"int2=SMALLINT", "int4=INTEGER", "int8=BIGINT", "float4=REAL", "float8=DOUBLE",
        "numeric=NUMERIC", "bool=BIT", "text=VARCHAR", "varchar(5)=VARCHAR", "char(3)=CHAR", "bytea=BINARY",
        "date=DATE", "time=TIME", "timestamp=TIMESTAMP", "timestamptz=TIMESTAMP", "uuid=OTHER", "jsonb=OTHER",
        "int4[]=ARRAY"})
    void columnTypeCode(String typeAndCode) throws Exception {
        // The Types codes pgjdbc reports (bool is BIT, timestamptz is TIMESTAMP); code written against the
        // PostgreSQL drivers switches on them.
        String[] parts = typeAndCode.split("=");
        int expected = Types.class.getField(parts[1]).getInt(null);
        assertEquals(expected, metaData("SELECT NULL::" + parts[0]).getColumnType(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"int2", "int4", "int8", "float4", "float8", "numeric", "bool", "text", "varchar",
        "bpchar", "bytea", "date", "time", "timestamp", "timestamptz", "uuid", "jsonb", "interval"})
    void columnTypeName(String type) throws SQLException {
        assertEquals(type, metaData("SELECT NULL::" + type).getColumnTypeName(1));
    }

    @Test
    void columnClassNameMatchesGetObject() throws Exception {
        // getColumnClassName: "the fully-qualified name of the class ... ResultSet.getObject" returns.
        Statement s = closeLater(conn.createStatement());
        ResultSet rs = s.executeQuery("SELECT 1::int2, 1::int4, 1::int8, 1::float4, 1::float8, 1::numeric, true,"
            + " 'a'::text, 'a'::varchar, 'a'::char, '\\x01'::bytea, '2024-01-02'::date, '03:04'::time,"
            + " '2024-01-02 03:04'::timestamp, '2024-01-02 03:04+00'::timestamptz,"
            + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid");
        assertTrue(rs.next());
        ResultSetMetaData md = rs.getMetaData();
        List<String> mismatches = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Class<?> declared = Class.forName(md.getColumnClassName(i));
            Object value = rs.getObject(i);
            if (!declared.isInstance(value)) {
                mismatches.add(md.getColumnTypeName(i) + ": " + declared.getName() + " vs " + value.getClass().getName());
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void nullabilityOfTableColumns() throws SQLException {
        String table = tempTable("a int NOT NULL, b int");
        ResultSetMetaData md = metaData("SELECT a, b FROM " + table);
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
    }

    @Test
    void autoIncrementOfSerialAndIdentityColumns() throws SQLException {
        String table = tempTable("a serial, b int GENERATED BY DEFAULT AS IDENTITY, c int");
        ResultSetMetaData md = metaData("SELECT a, b, c FROM " + table);
        assertTrue(md.isAutoIncrement(1));
        assertTrue(md.isAutoIncrement(2));
        assertFalse(md.isAutoIncrement(3));
    }

    @Test
    void precisionAndScaleOfNumeric() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1.5::numeric(10, 2)");
        assertEquals(10, md.getPrecision(1));
        assertEquals(2, md.getScale(1));
    }

    @Test
    void precisionOfVarchar() throws SQLException {
        String table = tempTable("v varchar(20), c char(4)");
        ResultSetMetaData md = metaData("SELECT v, c FROM " + table);
        assertEquals(20, md.getPrecision(1));
        assertEquals(4, md.getPrecision(2));
    }

    @Test
    void precisionOfIntegers() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1::int2, 1::int4, 1::int8");
        assertEquals(5, md.getPrecision(1));
        assertEquals(10, md.getPrecision(2));
        assertEquals(19, md.getPrecision(3));
        assertEquals(0, md.getScale(2));
    }

    @Test
    void signedness() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1::int4, 1.5::numeric, 1::float8, 'a'::text");
        assertTrue(md.isSigned(1));
        assertTrue(md.isSigned(2));
        assertTrue(md.isSigned(3));
        assertFalse(md.isSigned(4));
    }

    @Test
    void caseSensitivity() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 'a'::text, 1::int4");
        assertTrue(md.isCaseSensitive(1));
        assertFalse(md.isCaseSensitive(2));
    }

    @Test
    void tableNameOfTableColumn() throws SQLException {
        String table = sharedTable("v int");
        assertEquals(table, metaData("SELECT v FROM " + table).getTableName(1));
    }

    @Test
    void schemaNameOfTableColumn() throws SQLException {
        // pgjdbc always answers "" (DIFFERENCES.md); JDBC asks for the schema, "" only when not applicable.
        String table = sharedTable("v int");
        assertEquals("public", metaData("SELECT v FROM " + table).getSchemaName(1));
    }

    @Test
    void columnIndexOutOfRangeThrows() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1");
        assertSqlException(() -> md.getColumnType(0));
        assertSqlException(() -> md.getColumnLabel(2));
    }

    @Test
    void metaDataOfEmptyResultIsAvailable() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1::int4 AS v WHERE false");
        assertEquals(1, md.getColumnCount());
        assertEquals(Types.INTEGER, md.getColumnType(1));
    }

    @Test
    void resultSetMetaDataUnwraps() throws SQLException {
        ResultSetMetaData md = metaData("SELECT 1");
        assertTrue(md.isWrapperFor(ResultSetMetaData.class));
        assertNotNull(md.unwrap(ResultSetMetaData.class));
    }

    // ------------------------------------------------------------------------------ ParameterMetaData

    @Test
    void parameterCount() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4), CAST(? AS text), ?::numeric")) {
            assertEquals(3, ps.getParameterMetaData().getParameterCount());
        }
    }

    @Test
    void parameterCountWithoutParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
            assertEquals(0, ps.getParameterMetaData().getParameterCount());
        }
    }

    @Test
    void parameterTypesInferredByTheServer() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4), CAST(? AS text), ?::numeric, ?::date")) {
            ParameterMetaData md = ps.getParameterMetaData();
            assertEquals(Types.INTEGER, md.getParameterType(1));
            assertEquals(Types.VARCHAR, md.getParameterType(2));
            assertEquals(Types.NUMERIC, md.getParameterType(3));
            assertEquals(Types.DATE, md.getParameterType(4));
            assertEquals("int4", md.getParameterTypeName(1));
            assertEquals("text", md.getParameterTypeName(2));
        }
    }

    @Test
    void parameterTypesOfAnInsert() throws SQLException {
        String table = tempTable("i int8, s varchar(10), b bool");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            ParameterMetaData md = ps.getParameterMetaData();
            assertEquals(3, md.getParameterCount());
            assertEquals(Types.BIGINT, md.getParameterType(1));
            assertEquals(Types.VARCHAR, md.getParameterType(2));
            assertEquals(Types.BIT, md.getParameterType(3));
        }
    }

    @Test
    void parameterClassNames() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4), CAST(? AS text)")) {
            ParameterMetaData md = ps.getParameterMetaData();
            assertEquals(Integer.class.getName(), md.getParameterClassName(1));
            assertEquals(String.class.getName(), md.getParameterClassName(2));
        }
    }

    @Test
    void parameterModeIsIn() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            assertEquals(ParameterMetaData.parameterModeIn, ps.getParameterMetaData().getParameterMode(1));
        }
    }

    @Test
    void parameterIndexOutOfRangeThrows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)")) {
            ParameterMetaData md = ps.getParameterMetaData();
            assertSqlException(() -> md.getParameterType(2));
            assertSqlException(() -> md.getParameterType(0));
        }
    }

    // ------------------------------------------------------------------------ DatabaseMetaData: facts

    @Test
    void productNameAndVersion() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertEquals("PostgreSQL", md.getDatabaseProductName());
        int versionNum = Integer.parseInt(scalarString("SHOW server_version_num"));
        assertEquals(versionNum / 10000, md.getDatabaseMajorVersion());
        assertTrue(md.getDatabaseProductVersion().startsWith(String.valueOf(versionNum / 10000)),
            md.getDatabaseProductVersion());
    }

    @Test
    void driverNameAndVersion() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertFalse(md.getDriverName().isBlank());
        assertFalse(md.getDriverVersion().isBlank());
    }

    @Test
    void jdbcVersionIsFour() throws SQLException {
        assertEquals(4, conn.getMetaData().getJDBCMajorVersion());
    }

    @Test
    void urlAndUserName() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertTrue(md.getURL().startsWith("jdbc:"), md.getURL());
        assertEquals(PgServer.get().superUser(), md.getUserName());
    }

    @Test
    void transactionSupport() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertTrue(md.supportsTransactions());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, md.getDefaultTransactionIsolation());
        for (int level : new int[] {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE}) {
            assertTrue(md.supportsTransactionIsolationLevel(level), "isolation level " + level);
        }
        assertTrue(md.supportsSavepoints());
        assertTrue(md.supportsDataDefinitionAndDataManipulationTransactions());
    }

    @Test
    void featureFlags() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsMultipleResultSets());
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    }

    @Test
    void identifierRules() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertEquals("\"", md.getIdentifierQuoteString());
        assertTrue(md.storesLowerCaseIdentifiers());
        assertFalse(md.storesUpperCaseIdentifiers());
        assertTrue(md.supportsMixedCaseQuotedIdentifiers());
        assertEquals("\\", md.getSearchStringEscape());
    }

    @Test
    void nullSorting() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertTrue(md.nullsAreSortedHigh()); // PostgreSQL sorts NULL after every value in ascending order
        assertFalse(md.nullsAreSortedLow());
    }

    @Test
    void sqlStateType() throws SQLException {
        assertEquals(DatabaseMetaData.sqlStateSQL, conn.getMetaData().getSQLStateType());
    }

    @Test
    void metaDataIsReadOnlyFlagMatchesConnection() throws SQLException {
        assertFalse(conn.getMetaData().isReadOnly());
    }

    // ---------------------------------------------------------------------- DatabaseMetaData: catalog

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(label));
            }
        }
        return values;
    }

    @Test
    void getTablesFindsATable() throws SQLException {
        String table = sharedTable("v int");
        List<String> names = column(conn.getMetaData().getTables(null, "public", table, new String[] {"TABLE"}), "TABLE_NAME");
        assertEquals(List.of(table), names);
    }

    @Test
    void getColumnsListsColumnsInOrder() throws SQLException {
        String table = sharedTable("id int4 NOT NULL, name varchar(30), amount numeric(8, 2)");
        try (ResultSet rs = conn.getMetaData().getColumns(null, "public", table, null)) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
            assertEquals("int4", rs.getString("TYPE_NAME"));
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            assertEquals(1, rs.getInt("ORDINAL_POSITION"));
            assertTrue(rs.next());
            assertEquals("name", rs.getString("COLUMN_NAME"));
            assertEquals(30, rs.getInt("COLUMN_SIZE"));
            assertTrue(rs.next());
            assertEquals("amount", rs.getString("COLUMN_NAME"));
            assertEquals(8, rs.getInt("COLUMN_SIZE"));
            assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
            assertFalse(rs.next());
        }
    }

    @Test
    void getPrimaryKeys() throws SQLException {
        String table = sharedTable("a int, b int, PRIMARY KEY (b, a)");
        try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, "public", table)) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
            }
            keys.sort(null);
            assertEquals(List.of("1:b", "2:a"), keys);
        }
    }

    @Test
    void getImportedKeys() throws SQLException {
        String parent = sharedTable("id int PRIMARY KEY");
        String child = sharedTable("parent_id int REFERENCES " + parent + " (id)");
        try (ResultSet rs = conn.getMetaData().getImportedKeys(null, "public", child)) {
            assertTrue(rs.next());
            assertEquals(parent, rs.getString("PKTABLE_NAME"));
            assertEquals("id", rs.getString("PKCOLUMN_NAME"));
            assertEquals("parent_id", rs.getString("FKCOLUMN_NAME"));
        }
    }

    @Test
    void getIndexInfo() throws SQLException {
        String table = sharedTable("a int UNIQUE, b int");
        List<String> columns = column(conn.getMetaData().getIndexInfo(null, "public", table, true, false), "COLUMN_NAME");
        assertEquals(List.of("a"), columns);
    }

    @Test
    void getSchemasIncludesPublic() throws SQLException {
        assertTrue(column(conn.getMetaData().getSchemas(), "TABLE_SCHEM").contains("public"));
    }

    @Test
    void getCatalogsIncludesTheDatabase() throws SQLException {
        assertTrue(column(conn.getMetaData().getCatalogs(), "TABLE_CAT").contains(PgServer.get().database()));
    }

    @Test
    void getTableTypesIncludesTable() throws SQLException {
        assertTrue(column(conn.getMetaData().getTableTypes(), "TABLE_TYPE").contains("TABLE"));
    }

    @Test
    void getTypeInfoListsCoreTypes() throws SQLException {
        List<String> names = column(conn.getMetaData().getTypeInfo(), "TYPE_NAME");
        assertTrue(names.containsAll(List.of("int4", "text", "bool", "timestamptz")), names.toString());
    }

    @Test
    void getFunctionsFindsABuiltIn() throws SQLException {
        assertTrue(column(conn.getMetaData().getFunctions(null, "pg_catalog", "upper"), "FUNCTION_NAME").contains("upper"));
    }

    @Test
    void getProceduresFindsAProcedure() throws SQLException {
        String name = uniqueName("tck_proc");
        dropLater("PROCEDURE IF EXISTS public." + name + "(int)");
        execute("CREATE PROCEDURE public." + name + "(v int) LANGUAGE sql AS 'SELECT 1'");
        assertEquals(List.of(name), column(conn.getMetaData().getProcedures(null, "public", name), "PROCEDURE_NAME"));
    }

    @Test
    void getClientInfoPropertiesIncludesApplicationName() throws SQLException {
        assertTrue(column(conn.getMetaData().getClientInfoProperties(), "NAME").contains("ApplicationName"));
    }
}

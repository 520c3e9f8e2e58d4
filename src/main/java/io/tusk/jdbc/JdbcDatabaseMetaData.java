package io.tusk.jdbc;

import io.tusk.internal.error.SqlStates;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Set;

/**
 * What the database and the driver can do, for PostgreSQL 12 and later. Every capability is
 * answered as PostgreSQL and this driver actually behave (results are read whole into memory, are
 * read-only, and forward-only or scroll-insensitive), which differs from pgjdbc in a few places
 * noted below.
 *
 * <p>The catalog methods that return result sets ({@code getTables}, {@code getColumns} …) are not
 * implemented yet and throw {@link SQLFeatureNotSupportedException} rather than return partial data.
 *
 * <p>One line per method: {@code DatabaseMetaData} has some 180 of them and almost all are constants.
 */
final class JdbcDatabaseMetaData implements DatabaseMetaData {
    /** NAMEDATALEN - 1: the longest identifier, in bytes. */
    private static final int MAX_IDENTIFIER_LENGTH = 63;

    /**
     * PostgreSQL's keywords (reserved or with a meaning in some command) that are not SQL:2003
     * keywords, as JDBC asks; from the key word appendix of the PostgreSQL documentation.
     */
    private static final String SQL_KEYWORDS = String.join(",",
            "abort", "access", "aggregate", "also", "analyse", "analyze", "attach", "backward", "checkpoint", "class",
            "cluster", "comment", "comments", "concurrently", "configuration", "conflict", "conversion", "copy",
            "cost", "csv", "database", "delimiter", "delimiters", "depends", "detach", "dictionary", "disable",
            "discard", "do", "enable", "encoding", "encrypted", "enum", "event", "exclusive", "explain", "extension",
            "family", "force", "forward", "freeze", "functions", "handler", "header", "ilike", "immutable",
            "implicit", "import", "include", "index", "indexes", "inherit", "inherits", "inline", "instead",
            "isnull", "label", "leakproof", "limit", "listen", "load", "location", "lock", "locked", "logged",
            "materialized", "mode", "move", "nothing", "notify", "notnull", "nowait", "offset", "oids", "operator",
            "owned", "owner", "parallel", "parser", "password", "placing", "plans", "policy", "prepared",
            "procedural", "procedures", "program", "publication", "quote", "reassign", "recheck", "refresh",
            "reindex", "rename", "replace", "replica", "reset", "returning", "routines", "rule", "schemas",
            "sequences", "server", "setof", "share", "show", "skip", "snapshot", "stable", "standalone",
            "statistics", "stdin", "stdout", "storage", "stored", "strict", "strip", "subscription", "support",
            "sysid", "tables", "tablespace", "temp", "template", "text", "trusted", "types", "unencrypted",
            "unlisten", "unlogged", "until", "vacuum", "valid", "validate", "validator", "variadic", "verbose",
            "version", "views", "volatile", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable", "yes");

    // The {fn …} escapes the SQL parser rewrites (io.tusk.internal.sql.EscapeFunctions), leaving out
    // soundex and difference, which need the fuzzystrmatch extension.
    private static final String NUMERIC_FUNCTIONS = "abs,acos,asin,atan,atan2,ceiling,cos,cot,degrees,exp,floor,"
            + "log,log10,mod,pi,power,radians,rand,round,sign,sin,sqrt,tan,truncate";
    private static final String STRING_FUNCTIONS = "ascii,char,char_length,character_length,concat,insert,lcase,"
            + "left,length,locate,ltrim,octet_length,repeat,replace,right,rtrim,space,substring,ucase";
    private static final String SYSTEM_FUNCTIONS = "database,ifnull,user";
    private static final String TIME_DATE_FUNCTIONS = "curdate,curtime,current_date,current_time,current_timestamp,"
            + "dayname,dayofmonth,dayofweek,dayofyear,hour,minute,month,monthname,now,quarter,second,timestampadd,"
            + "timestampdiff,week,year";

    /** {fn convert(value, type)} targets, and the casts PostgreSQL has between their families. */
    private static final Set<Integer> CHARACTER = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> NUMBER = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    private static final Set<Integer> BOOLEAN = Set.of(Types.BIT, Types.BOOLEAN);
    private static final Set<String> DATETIME_CASTS = Set.of("DATE>TIMESTAMP", "DATE>TIMESTAMP_WITH_TIMEZONE",
            "TIMESTAMP>DATE", "TIMESTAMP>TIME", "TIMESTAMP>TIMESTAMP_WITH_TIMEZONE", "TIMESTAMP_WITH_TIMEZONE>DATE",
            "TIMESTAMP_WITH_TIMEZONE>TIME", "TIMESTAMP_WITH_TIMEZONE>TIMESTAMP",
            "TIMESTAMP_WITH_TIMEZONE>TIME_WITH_TIMEZONE", "TIME>TIME_WITH_TIMEZONE", "TIME_WITH_TIMEZONE>TIME");

    private final Connection connection;
    private final String url;
    private final String user;
    private final String serverVersion;
    private final int driverMajor;
    private final int driverMinor;

    /** @param serverVersion the server_version parameter, e.g. {@code "18.1"} or {@code "17.2 (Debian 17.2-1)"} */
    JdbcDatabaseMetaData(Connection connection, String url, String user, String serverVersion, int driverMajor,
            int driverMinor) {
        this.connection = connection;
        this.url = url;
        this.user = user;
        this.serverVersion = serverVersion == null ? "" : serverVersion;
        this.driverMajor = driverMajor;
        this.driverMinor = driverMinor;
    }

    // ---- product and driver -------------------------------------------------------------------

    @Override public String getDatabaseProductName() { return "PostgreSQL"; }
    @Override public String getDatabaseProductVersion() { return serverVersion; }
    @Override public int getDatabaseMajorVersion() { return versionPart(0); }
    @Override public int getDatabaseMinorVersion() { return versionPart(1); }
    @Override public String getDriverName() { return "Tusk"; }
    @Override public String getDriverVersion() { return driverMajor + "." + driverMinor; }
    @Override public int getDriverMajorVersion() { return driverMajor; }
    @Override public int getDriverMinorVersion() { return driverMinor; }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 3; }
    @Override public String getURL() { return url; }
    @Override public String getUserName() { return user; }
    @Override public Connection getConnection() { return connection; }
    @Override public boolean isReadOnly() throws SQLException { return connection.isReadOnly(); }
    @Override public int getSQLStateType() { return sqlStateSQL; }
    @Override public boolean usesLocalFiles() { return false; }
    @Override public boolean usesLocalFilePerTable() { return false; }

    // ---- identifiers and syntax ---------------------------------------------------------------

    /** Unquoted names are folded to lower case; quoted names keep their case and are case-sensitive. */
    @Override public boolean supportsMixedCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return false; }
    @Override public boolean storesLowerCaseIdentifiers() { return true; }
    @Override public boolean storesMixedCaseIdentifiers() { return false; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return false; }
    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSQLKeywords() { return SQL_KEYWORDS; }
    @Override public String getNumericFunctions() { return NUMERIC_FUNCTIONS; }
    @Override public String getStringFunctions() { return STRING_FUNCTIONS; }
    @Override public String getSystemFunctions() { return SYSTEM_FUNCTIONS; }
    @Override public String getTimeDateFunctions() { return TIME_DATE_FUNCTIONS; }
    /** The escape of the pattern arguments of the catalog methods (LIKE's default escape). */
    @Override public String getSearchStringEscape() { return "\\"; }
    @Override public String getExtraNameCharacters() { return ""; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "function"; }
    @Override public String getCatalogTerm() { return "database"; }
    @Override public boolean isCatalogAtStart() { return true; }
    @Override public String getCatalogSeparator() { return "."; }

    // ---- SQL features -------------------------------------------------------------------------

    @Override public boolean allProceduresAreCallable() { return true; }
    /** getTables will list tables the user may not read (as pgjdbc's does). */
    @Override public boolean allTablesAreSelectable() { return false; }
    /** NULL sorts after every value in ascending order, and first in descending order. */
    @Override public boolean nullsAreSortedHigh() { return true; }
    @Override public boolean nullsAreSortedLow() { return false; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return false; }
    @Override public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }
    @Override public boolean supportsConvert() { return true; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return true; }
    /** ODBC's extended grammar includes positioned UPDATE/DELETE through cursor names, which JDBC cannot use here. */
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return true; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return true; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return true; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return true; }
    /** A query can only name objects of the database it is connected to. */
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    /** Result sets have no cursor name ({@code getCursorName} is not supported), so no WHERE CURRENT OF. */
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return true; }
    @Override public boolean supportsStoredProcedures() { return true; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return true; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }

    /**
     * Whether {@code {fn convert(value, toType)}} works for a value of {@code fromType}: any type to and
     * from character types (PostgreSQL's text I/O casts), within number, binary and boolean families,
     * integer to and from boolean, and the date/time casts PostgreSQL defines.
     */
    @Override
    public boolean supportsConvert(int fromType, int toType) {
        if (!isConvertible(fromType) || !isConvertible(toType)) {
            return false;
        }
        return fromType == toType || CHARACTER.contains(fromType) || CHARACTER.contains(toType)
                || NUMBER.contains(fromType) && NUMBER.contains(toType)
                || BINARY.contains(fromType) && BINARY.contains(toType)
                || BOOLEAN.contains(fromType) && BOOLEAN.contains(toType)
                || fromType == Types.INTEGER && BOOLEAN.contains(toType)
                || BOOLEAN.contains(fromType) && toType == Types.INTEGER
                || DATETIME_CASTS.contains(datetimeName(fromType) + ">" + datetimeName(toType));
    }

    // ---- transactions and results -------------------------------------------------------------

    @Override public boolean supportsTransactions() { return true; }
    @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_READ_COMMITTED; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override public boolean supportsSavepoints() { return true; }
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }

    /** All four levels are accepted; PostgreSQL runs READ UNCOMMITTED as READ COMMITTED. */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    /** Not promised: results are in memory today, but a result read in chunks could not outlive its transaction. */
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override public boolean supportsMultipleResultSets() { return true; }
    /** Results are in memory, so {@code getMoreResults(KEEP_CURRENT_RESULT)} keeps the previous one usable. */
    @Override public boolean supportsMultipleOpenResults() { return true; }
    @Override public boolean supportsBatchUpdates() { return true; }
    @Override public boolean supportsGetGeneratedKeys() { return true; }
    @Override public boolean generatedKeyAlwaysReturned() { return true; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsStatementPooling() { return false; }
    @Override public boolean locatorsUpdateCopy() { return true; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
    @Override public int getResultSetHoldability() { return ResultSetOptions.DEFAULT.holdability(); }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT || holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    // Result sets are read-only and insensitive: no change is ever visible through or detected by one.
    @Override public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override public boolean ownDeletesAreVisible(int type) { return false; }
    @Override public boolean ownInsertsAreVisible(int type) { return false; }
    @Override public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override public boolean othersDeletesAreVisible(int type) { return false; }
    @Override public boolean othersInsertsAreVisible(int type) { return false; }
    @Override public boolean updatesAreDetected(int type) { return false; }
    @Override public boolean deletesAreDetected(int type) { return false; }
    @Override public boolean insertsAreDetected(int type) { return false; }

    // ---- limits (0: no limit, or not known) ---------------------------------------------------

    @Override public int getMaxBinaryLiteralLength() { return 0; }
    @Override public int getMaxCharLiteralLength() { return 0; }
    @Override public int getMaxColumnNameLength() { return MAX_IDENTIFIER_LENGTH; }
    @Override public int getMaxColumnsInGroupBy() { return 0; }
    /** INDEX_MAX_KEYS of a default build. */
    @Override public int getMaxColumnsInIndex() { return 32; }
    @Override public int getMaxColumnsInOrderBy() { return 0; }
    /** MaxTupleAttributeNumber. */
    @Override public int getMaxColumnsInSelect() { return 1664; }
    /** MaxHeapAttributeNumber. */
    @Override public int getMaxColumnsInTable() { return 1600; }
    /** max_connections is a server setting this driver does not read. */
    @Override public int getMaxConnections() { return 0; }
    @Override public int getMaxCursorNameLength() { return MAX_IDENTIFIER_LENGTH; }
    @Override public int getMaxIndexLength() { return 0; }
    @Override public int getMaxSchemaNameLength() { return MAX_IDENTIFIER_LENGTH; }
    @Override public int getMaxProcedureNameLength() { return MAX_IDENTIFIER_LENGTH; }
    @Override public int getMaxCatalogNameLength() { return MAX_IDENTIFIER_LENGTH; }
    /** 1 GB, the largest field; a row is bounded by its 1600 columns of at most that each. */
    @Override public int getMaxRowSize() { return 1_073_741_824; }
    @Override public boolean doesMaxRowSizeIncludeBlobs() { return false; }
    @Override public int getMaxStatementLength() { return 0; }
    @Override public int getMaxStatements() { return 0; }
    @Override public int getMaxTableNameLength() { return MAX_IDENTIFIER_LENGTH; }
    @Override public int getMaxTablesInSelect() { return 0; }
    @Override public int getMaxUserNameLength() { return MAX_IDENTIFIER_LENGTH; }

    // ---- catalog queries: not yet -------------------------------------------------------------

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        throw notYet("getProcedures");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        throw notYet("getProcedureColumns");
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        throw notYet("getTables");
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        throw notYet("getSchemas");
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        throw notYet("getSchemas");
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        throw notYet("getCatalogs");
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        throw notYet("getTableTypes");
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        throw notYet("getColumns");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        throw notYet("getColumnPrivileges");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        throw notYet("getTablePrivileges");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        throw notYet("getBestRowIdentifier");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        throw notYet("getVersionColumns");
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        throw notYet("getPrimaryKeys");
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        throw notYet("getImportedKeys");
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        throw notYet("getExportedKeys");
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        throw notYet("getCrossReference");
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        throw notYet("getTypeInfo");
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        throw notYet("getIndexInfo");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        throw notYet("getUDTs");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        throw notYet("getSuperTypes");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        throw notYet("getSuperTables");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        throw notYet("getAttributes");
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        throw notYet("getClientInfoProperties");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        throw notYet("getFunctions");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        throw notYet("getFunctionColumns");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        throw notYet("getPseudoColumns");
    }

    // ---- wrapper ------------------------------------------------------------------------------

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("cannot unwrap to " + iface.getName() + " (expected: DatabaseMetaData)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * Part {@code index} of the leading {@code major.minor} of the version ({@code "18.1"},
     * {@code "17.2 (Debian …)"}, {@code "19beta1"}, {@code "9.6.24"}); 0 when it is missing.
     */
    private int versionPart(int index) {
        String[] parts = serverVersion.split("[^0-9]", 3);
        if (index >= parts.length || parts[index].isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isConvertible(int type) {
        return CHARACTER.contains(type) || NUMBER.contains(type) || BINARY.contains(type) || BOOLEAN.contains(type)
                || datetimeName(type) != null;
    }

    private static String datetimeName(int type) {
        switch (type) {
            case Types.DATE: return "DATE";
            case Types.TIME: return "TIME";
            case Types.TIME_WITH_TIMEZONE: return "TIME_WITH_TIMEZONE";
            case Types.TIMESTAMP: return "TIMESTAMP";
            case Types.TIMESTAMP_WITH_TIMEZONE: return "TIMESTAMP_WITH_TIMEZONE";
            default: return null;
        }
    }

    private static SQLFeatureNotSupportedException notYet(String method) {
        return new SQLFeatureNotSupportedException("DatabaseMetaData." + method + " is not supported yet",
                SqlStates.FEATURE_NOT_SUPPORTED);
    }
}

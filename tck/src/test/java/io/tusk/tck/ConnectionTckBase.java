package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import io.tusk.testing.RequiresEmbeddedServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connection properties and lifecycle: opening (properties, authentication, database), validity, closing
 * and aborting, schema and catalog, client info, holdability, network timeout, the Driver's own methods.
 */
public abstract class ConnectionTckBase extends TckBase {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    @Test
    void newConnectionIsOpenAndValid() throws SQLException {
        assertFalse(conn.isClosed());
        assertTrue(conn.isValid(5));
    }

    @Test
    void closeMarksConnectionClosed() throws SQLException {
        conn.close();
        assertTrue(conn.isClosed());
    }

    @Test
    void closeTwiceIsNoOp() throws SQLException {
        conn.close();
        conn.close(); // Connection.close: "Calling the method close on a Connection object that is already closed is a no-op."
        assertTrue(conn.isClosed());
    }

    @Test
    void isValidOnClosedConnectionIsFalse() throws SQLException {
        conn.close();
        assertFalse(conn.isValid(1)); // isValid must not throw on a closed connection
    }

    @Test
    void isValidWithNegativeTimeoutThrows() {
        assertSqlException(() -> conn.isValid(-1));
    }

    @Test
    void isValidWithZeroTimeoutMeansNoTimeout() throws SQLException {
        assertTrue(conn.isValid(0));
    }

    @Test
    void closeEndsTheServerSession() throws Exception {
        long pid = scalarLong(conn, "SELECT pg_backend_pid()");
        conn.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String alive = PgServer.get().adminQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)
                .get(0).get(0);
            if (alive.equals("0")) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "backend " + pid + " still alive 10 s after close()");
            Thread.sleep(20);
        }
    }

    @Test
    void abortClosesConnection() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            conn.abort(executor);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!conn.isClosed()) {
                assertTrue(System.nanoTime() < deadline, "still open 10 s after abort()");
                Thread.sleep(10);
            }
        } finally {
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void abortWithNullExecutorThrows() {
        assertSqlException(() -> conn.abort(null));
    }

    @Test
    void abortOnClosedConnectionIsNoOp() throws SQLException {
        conn.close();
        conn.abort(Runnable::run); // abort: "Calling abort on a closed connection is a no-op."
        assertTrue(conn.isClosed());
    }

    @Test
    void connectionUsableAfterStatementError() throws SQLException {
        assertSqlException(() -> execute("SELECT * FROM tck_no_such_table"));
        assertUsable(conn);
    }

    @Test
    void independentConnectionsHaveDifferentSessions() throws SQLException {
        Connection other = openConnection();
        assertTrue(scalarLong(conn, "SELECT pg_backend_pid()") != scalarLong(other, "SELECT pg_backend_pid()"));
    }

    @Test
    void warningsOfNewConnectionAreNull() throws SQLException {
        assertNull(conn.getWarnings());
    }

    // ------------------------------------------------------------------------------- properties and login

    @Test
    void connectsAsTheUserProperty() throws SQLException {
        assertEquals(PgServer.get().superUser(), scalarString("SELECT current_user"));
    }

    @Test
    void connectsToTheDatabaseOfTheUrl() throws SQLException {
        assertEquals(PgServer.get().database(), scalarString("SELECT current_database()"));
    }

    @Test
    void passwordAuthenticationWithCorrectPassword() throws SQLException {
        Connection c = openConnection(props("user", PgServer.PASSWORD_USER, "password",
            PgServer.get().passwordOf(PgServer.PASSWORD_USER)));
        assertEquals(PgServer.PASSWORD_USER, scalarString(c, "SELECT current_user"));
    }

    @Test
    void scramAuthenticationWithCorrectPassword() throws SQLException {
        Connection c = openConnection(props("user", PgServer.SCRAM_USER, "password",
            PgServer.get().passwordOf(PgServer.SCRAM_USER)));
        assertEquals(PgServer.SCRAM_USER, scalarString(c, "SELECT current_user"));
    }

    @Test
    void md5AuthenticationWithCorrectPassword() throws SQLException {
        Connection c = openConnection(props("user", PgServer.MD5_USER, "password",
            PgServer.get().passwordOf(PgServer.MD5_USER)));
        assertEquals(PgServer.MD5_USER, scalarString(c, "SELECT current_user"));
    }

    @Test
    void wrongPasswordFailsWithSqlState28P01() {
        assertSqlState("28P01", () -> openConnection(props("user", PgServer.SCRAM_USER, "password", "wrong")));
    }

    @Test
    void missingPasswordFailsWithClass08Or28() {
        // The server asks for a password the client does not have: libpq and pgjdbc report 08004 ("The server
        // requested password-based authentication, but no password was provided"); 28P01 is as good.
        SQLException e = assertSqlException(() -> openConnection(props("user", PgServer.SCRAM_USER)));
        assertNotNull(e.getSQLState(), "SQLSTATE of " + e);
        assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().startsWith("28"), "SQLSTATE " + e.getSQLState());
    }

    @Test
    void unknownUserFailsWithSqlState28000() {
        // pg_hba.conf has no line for this user: the server answers 28000 (invalid_authorization_specification).
        assertSqlStateClass("28", () -> openConnection(props("user", "tck_no_such_user")));
    }

    @Test
    void unknownDatabaseFailsWithSqlState3D000() {
        assertSqlState("3D000", () -> closeLater(source().openDatabase("tck_no_such_database")));
    }

    @Test
    void applicationNameProperty() throws SQLException {
        Connection c = openConnection(props("ApplicationName", "tck-from-props"));
        assertEquals("tck-from-props", scalarString(c, "SHOW application_name"));
    }

    @Test
    void applicationNameUrlParameter() throws SQLException {
        Connection c = closeLater(source().openWithUrlParameters("ApplicationName=tck-from-url", new Properties()));
        assertEquals("tck-from-url", scalarString(c, "SHOW application_name"));
    }

    @Test
    void propertiesTakePrecedenceOverUrl() throws SQLException {
        // DriverManager.getConnection leaves the precedence implementation-defined; Tusk lets the Properties
        // win (DIFFERENCES.md), pgjdbc the URL.
        Connection c = closeLater(source().openWithUrlParameters("ApplicationName=tck-from-url",
            props("ApplicationName", "tck-from-props")));
        assertEquals("tck-from-props", scalarString(c, "SHOW application_name"));
    }

    @Test
    void urlAndPropertiesTogetherGiveOneOfTheValues() throws SQLException {
        // What the specification requires: one of the two values is used, the connection works.
        Connection c = closeLater(source().openWithUrlParameters("ApplicationName=tck-from-url",
            props("ApplicationName", "tck-from-props")));
        String name = scalarString(c, "SHOW application_name");
        assertTrue(name.equals("tck-from-url") || name.equals("tck-from-props"), name);
    }

    @Test
    void readOnlyPropertyMakesConnectionReadOnly() throws SQLException {
        Connection c = openConnection(props("readOnly", "true"));
        assertTrue(c.isReadOnly());
    }

    @Test
    void currentSchemaProperty() throws SQLException {
        Connection c = openConnection(props("currentSchema", "pg_catalog"));
        assertEquals("pg_catalog", c.getSchema());
        assertEquals("pg_catalog", scalarString(c, "SELECT current_schema()"));
    }

    @Test
    void optionsPropertySetsServerParameters() throws SQLException {
        Connection c = openConnection(props("options", "-c statement_timeout=4321"));
        assertEquals("4321ms", scalarString(c, "SHOW statement_timeout"));
    }

    @Test
    void defaultRowFetchSizeProperty() throws SQLException {
        Connection c = openConnection(props("defaultRowFetchSize", "7"));
        try (Statement s = c.createStatement()) {
            assertEquals(7, s.getFetchSize());
        }
    }

    @Test
    void socketTimeoutPropertyBoundsAQuery() throws Exception {
        Connection c = openConnection(props("socketTimeout", "1"));
        long start = System.nanoTime();
        assertSqlException(() -> execute(c, "SELECT pg_sleep(10)"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "the socket timeout did not fire");
    }

    @Test
    void sslModeRequireUsesTls() throws SQLException {
        Connection c = openConnection(props("sslmode", "require"));
        assertEquals(Boolean.TRUE, scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    @Test
    void sslModeDisableDoesNotUseTls() throws SQLException {
        Connection c = openConnection(props("sslmode", "disable"));
        assertEquals(Boolean.FALSE, scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    @Test
    @RequiresEmbeddedServer
    void sslModeVerifyFullWithRootCertificate() throws SQLException {
        Connection c = openConnection(props("sslmode", "verify-full", "sslrootcert",
            PgServer.get().caCertFile().toString()));
        assertEquals(Boolean.TRUE, scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    @Test
    @RequiresEmbeddedServer
    void sslModeVerifyFullRejectsUnknownCertificateAuthority() {
        assertSqlStateClass("08", () -> openConnection(props("sslmode", "verify-full", "sslrootcert",
            PgServer.get().otherCaCertFile().toString())));
    }

    @Test
    void userAndPasswordInProperties() throws SQLException {
        Connection c = openConnection(props("user", PgServer.MD5_USER, "password",
            PgServer.get().passwordOf(PgServer.MD5_USER)));
        assertEquals(PgServer.MD5_USER, c.getMetaData().getUserName());
    }

    // ------------------------------------------------------------------------------------ schema, catalog

    @Test
    void getCatalogIsTheDatabase() throws SQLException {
        assertEquals(PgServer.get().database(), conn.getCatalog());
    }

    @Test
    void setCatalogIsIgnored() throws SQLException {
        // setCatalog: "If the driver does not support catalogs, it will silently ignore this request."
        // PostgreSQL cannot switch databases on a connection.
        conn.setCatalog("tck_other_catalog");
        assertEquals(PgServer.get().database(), scalarString("SELECT current_database()"));
    }

    @Test
    void getSchemaIsCurrentSchema() throws SQLException {
        assertEquals(scalarString("SELECT current_schema()"), conn.getSchema());
    }

    @Test
    void setSchemaChangesCurrentSchema() throws SQLException {
        conn.setSchema("pg_catalog");
        assertEquals("pg_catalog", conn.getSchema());
        assertEquals("pg_catalog", scalarString("SELECT current_schema()"));
    }

    @Test
    void setSchemaResolvesUnqualifiedNames() throws SQLException {
        String schema = uniqueName("tck_schema");
        dropLater("SCHEMA IF EXISTS " + schema + " CASCADE");
        execute("CREATE SCHEMA " + schema);
        execute("CREATE TABLE " + schema + ".tck_in_schema (v int)");
        execute("INSERT INTO " + schema + ".tck_in_schema VALUES (7)");
        conn.setSchema(schema);
        assertEquals(7, ((Number) scalar("SELECT v FROM tck_in_schema")).intValue());
    }

    @Test
    void setSchemaWithMixedCaseName() throws SQLException {
        String schema = "Tck Mixed " + uniqueName("s");
        dropLater("SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        execute("CREATE SCHEMA \"" + schema + "\"");
        conn.setSchema(schema);
        assertEquals(schema, conn.getSchema());
        assertEquals(schema, scalarString("SELECT current_schema()"));
    }

    // ------------------------------------------------------------------------------------------ read-only

    @Test
    void readOnlyDefaultsToFalse() throws SQLException {
        assertFalse(conn.isReadOnly());
    }

    @Test
    void setReadOnlyIsReflectedByIsReadOnly() throws SQLException {
        conn.setReadOnly(true);
        assertTrue(conn.isReadOnly());
        conn.setReadOnly(false);
        assertFalse(conn.isReadOnly());
    }

    @Test
    void readOnlyTransactionRejectsWrites() throws SQLException {
        String table = sharedTable("v int");
        conn.setAutoCommit(false);
        conn.setReadOnly(true);
        assertSqlState("25006", () -> execute("INSERT INTO " + table + " VALUES (1)"));
        conn.rollback();
    }

    @Test
    void readOnlyTransactionAllowsReads() throws SQLException {
        conn.setAutoCommit(false);
        conn.setReadOnly(true);
        assertEquals(1, ((Number) scalar("SELECT 1")).intValue());
        assertEquals("on", scalarString("SHOW transaction_read_only"));
        conn.commit();
    }

    @Test
    void setReadOnlyDuringTransactionThrows() throws SQLException {
        // setReadOnly: "This method cannot be called during a transaction."
        conn.setAutoCommit(false);
        execute("SELECT 1");
        assertSqlException(() -> conn.setReadOnly(true));
        conn.rollback();
    }

    // ---------------------------------------------------------------------------------------- client info

    @Test
    void setClientInfoApplicationName() throws SQLException {
        conn.setClientInfo("ApplicationName", "tck-client-info");
        assertEquals("tck-client-info", conn.getClientInfo("ApplicationName"));
        assertEquals("tck-client-info", scalarString("SHOW application_name"));
    }

    @Test
    void getClientInfoPropertiesContainApplicationName() throws SQLException {
        conn.setClientInfo("ApplicationName", "tck-all-info");
        Properties info = conn.getClientInfo();
        assertEquals("tck-all-info", info.getProperty("ApplicationName"));
    }

    @Test
    void setClientInfoPropertiesObject() throws SQLException {
        conn.setClientInfo(props("ApplicationName", "tck-props-object"));
        assertEquals("tck-props-object", scalarString("SHOW application_name"));
    }

    @Test
    void setClientInfoUnknownNameGivesWarning() throws SQLException {
        // setClientInfo: "The driver shall generate a warning if the client info name specified is not
        // recognized by the driver." (SQLClientInfoException is for server errors and closed connections.)
        conn.setClientInfo("TckNoSuchClientInfo", "x");
        SQLWarning warning = conn.getWarnings();
        assertNotNull(warning, "a warning for the unknown client info name");
        assertUsable(conn);
    }

    // ------------------------------------------------------------------------------- holdability, timeouts

    @Test
    void holdabilityIsAValidValue() throws SQLException {
        int holdability = conn.getHoldability();
        assertTrue(holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT || holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT,
            "holdability " + holdability);
    }

    @Test
    void setHoldabilityRoundTrip() throws SQLException {
        conn.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, conn.getHoldability());
        conn.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, conn.getHoldability());
    }

    @Test
    void setHoldabilityInvalidValueThrows() {
        assertSqlException(() -> conn.setHoldability(12345));
    }

    @Test
    void networkTimeoutRoundTrip() throws SQLException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            conn.setNetworkTimeout(executor, 20_000);
            assertEquals(20_000, conn.getNetworkTimeout());
            assertUsable(conn);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void networkTimeoutNegativeThrows() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            assertSqlException(() -> conn.setNetworkTimeout(executor, -1));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void networkTimeoutDefaultsToZero() throws SQLException {
        assertEquals(0, conn.getNetworkTimeout());
    }

    // ----------------------------------------------------------------------------------------- misc

    @Test
    void getMetaDataBelongsToConnection() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertNotNull(md);
        assertSame(conn, md.getConnection());
    }

    @Test
    void typeMapIsEmptyAndNotNull() throws SQLException {
        assertNotNull(conn.getTypeMap());
        assertTrue(conn.getTypeMap().isEmpty());
    }

    @Test
    void nativeSqlLeavesPlainSqlAlone() throws SQLException {
        assertEquals("SELECT 1", conn.nativeSQL("SELECT 1"));
    }

    @Test
    void nativeSqlTranslatesEscapes() throws SQLException {
        String sql = conn.nativeSQL("SELECT {fn ucase('abc')}");
        assertFalse(sql.contains("{"), sql);
        assertEquals("ABC", scalarString(sql));
    }

    @Test
    void createStatementDefaults() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
            assertSame(conn, s.getConnection());
        }
    }

    @Test
    void unwrapToConnection() throws SQLException {
        assertTrue(conn.isWrapperFor(Connection.class));
        assertNotNull(conn.unwrap(Connection.class));
    }

    @Test
    void unwrapToUnrelatedTypeThrows() throws SQLException {
        assertFalse(conn.isWrapperFor(String.class));
        assertSqlException(() -> conn.unwrap(String.class));
    }

    // -------------------------------------------------------------------------------------- the Driver

    @Test
    void driverAcceptsItsUrl() throws SQLException {
        assertTrue(source().driver().acceptsURL(source().url()));
    }

    @Test
    void driverRejectsForeignUrl() throws SQLException {
        assertFalse(source().driver().acceptsURL("jdbc:tck-nosuch://localhost/db"));
    }

    @Test
    void driverConnectReturnsNullForForeignUrl() throws SQLException {
        // Driver.connect: "The driver should return "null" if it realizes it is the wrong kind of driver to
        // connect to the given URL."
        assertNull(source().driver().connect("jdbc:tck-nosuch://localhost/db", new Properties()));
    }

    @Test
    void driverPropertyInfoIsAvailable() throws SQLException {
        DriverPropertyInfo[] info = source().driver().getPropertyInfo(source().url(), new Properties());
        assertNotNull(info);
        for (DriverPropertyInfo p : info) {
            assertNotNull(p.name);
        }
    }

    @Test
    void driverVersionMatchesMetaData() throws SQLException {
        Driver driver = source().driver();
        DatabaseMetaData md = conn.getMetaData();
        assertEquals(driver.getMajorVersion(), md.getDriverMajorVersion());
        assertEquals(driver.getMinorVersion(), md.getDriverMinorVersion());
    }
}

package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TuskDataSource configured by bean setters and by URL; under HikariCP see HikariIT. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DataSourceIT extends JdbcTestBase {
    DataSourceIT(PgServer pg) {
        super(pg);
    }

    private TuskDataSource byParts(String user) throws SQLException {
        TuskDataSource ds = new TuskDataSource();
        ds.setServerName(pg.host());
        ds.setPortNumber(pg.port());
        ds.setDatabaseName(pg.database());
        ds.setUser(user);
        ds.setPassword(pg.passwordOf(user));
        if (pg.isEmbedded()) {
            ds.setSslMode("disable");
        }
        return ds;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void beanSettersConnect() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        try (Connection c = ds.getConnection()) {
            assertEquals(PgServer.SCRAM_USER, scalar(c, "SELECT current_user"));
            assertEquals(pg.database(), scalar(c, "SELECT current_database()"));
            assertEquals(String.valueOf(pg.port()), scalar(c, "SELECT inet_server_port()"));
        }
        assertEquals(pg.host(), ds.getServerName());
        assertEquals(pg.port(), ds.getPortNumber());
        assertEquals(pg.database(), ds.getDatabaseName());
        assertEquals(PgServer.SCRAM_USER, ds.getUser());
    }

    @Test
    void builtUrlNamesHostPortAndDatabase() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        String u = ds.getUrl();
        assertTrue(u.startsWith("jdbc:tusk://") || u.startsWith("jdbc:postgresql://"), u);
        assertTrue(u.contains(pg.host() + ":" + pg.port()), u);
        assertTrue(u.contains("/" + pg.database()), u);
    }

    @Test
    void setUrlConnects() throws SQLException {
        TuskDataSource ds = new TuskDataSource();
        ds.setUrl(url());
        ds.setUser(pg.superUser());
        if (pg.superPassword() != null) {
            ds.setPassword(pg.superPassword());
        }
        assertEquals(url(), ds.getUrl());
        try (Connection c = ds.getConnection()) {
            assertEquals(pg.superUser(), scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void setUrlRejectsForeignUrl() {
        TuskDataSource ds = new TuskDataSource();
        SQLException e = assertThrows(SQLException.class, () -> ds.setUrl("jdbc:mysql://localhost/db"));
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void getConnectionWithUserAndPasswordOverridesTheSetOnes() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        try (Connection c = ds.getConnection(PgServer.MD5_USER, pg.passwordOf(PgServer.MD5_USER))) {
            assertEquals(PgServer.MD5_USER, scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void wrongPasswordThroughDataSourceIs28P01() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        ds.setPassword("not-the-password");
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void applicationNameAndCurrentSchemaSetters() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        ds.setApplicationName("ds-app");
        ds.setCurrentSchema("pg_catalog");
        try (Connection c = ds.getConnection()) {
            assertEquals("ds-app", scalar(c, "SHOW application_name"));
            assertEquals("pg_catalog", scalar(c, "SELECT current_schema()"));
            assertEquals("pg_catalog", c.getSchema());
        }
    }

    @Test
    void readOnlySetterGivesReadOnlyConnections() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        ds.setReadOnly(true);
        try (Connection c = ds.getConnection()) {
            assertTrue(c.isReadOnly());
            assertEquals("on", scalar(c, "SHOW transaction_read_only"));
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class,
                        () -> s.execute("CREATE TEMP TABLE ro_ds (i int)"));
                assertEquals("25006", e.getSQLState());
            }
        }
    }

    @Test
    void escapeSyntaxCallModeSetter() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        assertEquals("select", ds.getEscapeSyntaxCallMode());
        try (Connection c = ds.getConnection()) {
            assertEquals("SELECT * FROM p() AS result", c.nativeSQL("{call p}"));
        }
        ds.setEscapeSyntaxCallMode("call");
        assertEquals("call", ds.getEscapeSyntaxCallMode());
        try (Connection c = ds.getConnection()) {
            assertEquals("CALL p()", c.nativeSQL("{call p}"));
        }
        ds.setEscapeSyntaxCallMode("exec");
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("escapeSyntaxCallMode"), e.getMessage());
    }

    @Test
    void genericPropertySetter() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        ds.setProperty("options", "-c statement_timeout=4321");
        assertEquals("-c statement_timeout=4321", ds.getProperty("options"));
        try (Connection c = ds.getConnection()) {
            assertEquals("4321ms", scalar(c, "SHOW statement_timeout"));
        }
        assertThrows(SQLException.class, () -> ds.setProperty("noSuchProperty", "1"));
    }

    @Test
    void eachGetConnectionIsANewSession() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            assertFalse(scalar(a, "SELECT pg_backend_pid()").equals(scalar(b, "SELECT pg_backend_pid()")));
        }
    }

    /** Each pgjdbc-named setter sets the connection property of that name (its validation included). */
    @Test
    void pgjdbcNamedSettersSetTheirProperties() throws SQLException {
        TuskDataSource ds = new TuskDataSource();
        ds.setSslmode("require");
        ds.setSslcert("/c.pem");
        ds.setSslkey("/k.pem");
        ds.setSslrootcert("/r.pem");
        ds.setSslpassword("pass");
        ds.setOptions("-c work_mem=8MB");
        ds.setChannelBinding("require");
        ds.setSslNegotiation("postgres");
        ds.setCancelSignalTimeout(3);
        ds.setLoadBalanceHosts(true);
        ds.setHostRecheckSeconds(4);
        ds.setBinaryTransfer(false);
        ds.setStringType("varchar");
        ds.setAutosave("conservative");
        ds.setProtocolVersion("3.2");
        ds.setAssumeMinServerVersion("12");
        ds.setDefaultRowFetchSize(50);
        ds.setPreparedStatementCacheSizeMiB(2);
        ds.setLogUnclosedConnections(true);
        String[][] expected = {{"sslmode", "require"}, {"sslcert", "/c.pem"}, {"sslkey", "/k.pem"},
            {"sslrootcert", "/r.pem"}, {"sslpassword", "pass"}, {"options", "-c work_mem=8MB"},
            {"channel_binding", "require"}, {"sslNegotiation", "postgres"}, {"cancelSignalTimeout", "3"},
            {"loadBalanceHosts", "true"}, {"hostRecheckSeconds", "4"}, {"binaryTransfer", "false"},
            {"stringtype", "varchar"}, {"autosave", "conservative"}, {"protocolVersion", "3.2"},
            {"assumeMinServerVersion", "12"}, {"defaultRowFetchSize", "50"}, {"preparedStatementCacheSizeMiB", "2"},
            {"logUnclosedConnections", "true"}};
        for (String[] e : expected) {
            assertEquals(e[1], ds.getProperty(e[0]), e[0]);
        }
        ds.setURL(url());
        assertEquals(url(), ds.getURL());
        ds.setServerName("");
        assertEquals("localhost", ds.getServerName(), "an empty name means localhost, as in pgjdbc");
        ds.setAutosave("sometimes");
        SQLException bad = assertThrows(SQLException.class, ds::getConnection, "values are checked on connecting");
        assertEquals("22023", bad.getSQLState());
        assertTrue(bad.getMessage().contains("autosave"), bad.getMessage());
    }

    @Test
    void loginTimeoutWrapperAndLogWriter() throws SQLException {
        TuskDataSource ds = byParts(PgServer.SCRAM_USER);
        ds.setLoginTimeout(7);
        assertEquals(7, ds.getLoginTimeout());
        DataSource asDs = ds;
        assertTrue(asDs.isWrapperFor(TuskDataSource.class));
        assertSame(ds, asDs.unwrap(TuskDataSource.class));
        assertFalse(asDs.isWrapperFor(String.class));
        assertThrows(SQLException.class, () -> asDs.unwrap(String.class));
        java.io.PrintWriter w = new java.io.PrintWriter(new java.io.StringWriter());
        ds.setLogWriter(w);
        assertSame(w, ds.getLogWriter());
        try (Connection c = ds.getConnection()) {
            assertInstanceOf(JdbcConnection.class, c);
        }
    }
}

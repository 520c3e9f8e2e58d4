package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.testing.PgServer;
import io.tusk.testing.RequiresEmbeddedServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver as DriverManager and configuration see it: URLs, properties, authentication failures. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DriverIT extends JdbcTestBase {
    DriverIT(PgServer pg) {
        super(pg);
    }

    private String tuskUrl() {
        return "jdbc:tusk://" + pg.host() + ":" + pg.port() + "/" + pg.database()
                + (pg.isEmbedded() ? "?sslmode=disable" : "");
    }

    private static String with(String url, String param) {
        return url + (url.contains("?") ? "&" : "?") + param;
    }

    private Properties superProps() {
        Properties p = new Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        return p;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static SQLException expectState(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    @Test
    void driverManagerFindsTuskForPgjdbcUrl() throws SQLException {
        assertInstanceOf(TuskDriver.class, DriverManager.getDriver(url()));
    }

    @Test
    void driverManagerFindsTuskForTuskUrl() throws SQLException {
        assertInstanceOf(TuskDriver.class, DriverManager.getDriver(tuskUrl()));
    }

    @Test
    void connectsThroughTuskUrl() throws SQLException {
        try (Connection c = DriverManager.getConnection(tuskUrl(), superProps())) {
            assertInstanceOf(JdbcConnection.class, c);
            assertEquals(pg.database(), scalar(c, "SELECT current_database()"));
            assertEquals(pg.superUser(), scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void connectsWithUserAndPasswordArguments() throws SQLException {
        String user = PgServer.PASSWORD_USER;
        try (Connection c = DriverManager.getConnection(url(), user, pg.passwordOf(user))) {
            assertEquals(user, scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void acceptsOnlyPostgresUrls() throws SQLException {
        Driver d = DriverManager.getDriver(url());
        assertTrue(d.acceptsURL("jdbc:tusk://localhost/db"));
        assertTrue(d.acceptsURL("jdbc:postgresql://localhost:5432/db"));
        assertFalse(d.acceptsURL("jdbc:mysql://localhost:3306/db"));
        assertFalse(d.acceptsURL("jdbc:mysql:"));
        assertFalse(d.acceptsURL("jdbc:oracle:thin:@localhost:1521:xe"));
        assertFalse(d.acceptsURL(null));
    }

    @Test
    void connectReturnsNullForAForeignUrl() throws SQLException {
        assertNull(new TuskDriver().connect("jdbc:mysql://localhost:3306/db", superProps()));
        // and DriverManager, finding no driver, reports "no suitable driver" with 08001
        expectState("08001", () -> DriverManager.getConnection("jdbc:mysql://localhost:3306/db", superProps()));
    }

    @Test
    void propertyInfoListsPropertiesWithDefaults() throws SQLException {
        Driver d = DriverManager.getDriver(url());
        DriverPropertyInfo[] info = d.getPropertyInfo("jdbc:postgresql://localhost/db", new Properties());
        Map<String, DriverPropertyInfo> byName = Arrays.stream(info)
                .collect(Collectors.toMap(i -> i.name, Function.identity(), (a, b) -> a));
        for (String name : new String[] {"user", "password", "sslmode", "ApplicationName", "connectTimeout",
                "socketTimeout", "currentSchema", "options"}) {
            assertTrue(byName.containsKey(name), () -> "missing property " + name + " in " + byName.keySet());
            assertNotNull(byName.get(name).description, name + " has no description");
        }
        assertEquals("prefer", byName.get("sslmode").value);
        assertTrue(Arrays.asList(byName.get("sslmode").choices).containsAll(
                java.util.List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")));
        assertEquals("10", byName.get("connectTimeout").value);
        assertTrue(byName.get("user").required, "user is required");
    }

    @Test
    void propertyInfoReflectsUrlAndPropertiesButHidesPassword() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "someone");
        p.setProperty("password", "secret-value");
        DriverPropertyInfo[] info = DriverManager.getDriver(url())
                .getPropertyInfo("jdbc:postgresql://localhost/db?sslmode=require&ApplicationName=app1", p);
        Map<String, String> values = Arrays.stream(info).filter(i -> i.value != null)
                .collect(Collectors.toMap(i -> i.name, i -> i.value, (a, b) -> a));
        assertEquals("require", values.get("sslmode"));
        assertEquals("app1", values.get("ApplicationName"));
        assertEquals("someone", values.get("user"));
        assertFalse(values.containsValue("secret-value"), "the password must not be echoed: " + values);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://[::1/db",
        "jdbc:postgresql://localhost:notaport/db",
        "jdbc:tusk://localhost:99999/db"})
    void malformedUrlIs08001(String badUrl) {
        expectState("08001", () -> DriverManager.getConnection(badUrl, superProps()));
    }

    @Test
    void nullUrlIsAnSqlException() {
        assertThrows(SQLException.class, () -> new TuskDriver().connect(null, superProps()));
    }

    @Test
    void bogusSslModeInUrlIs22023() {
        SQLException e = expectState("22023", () -> DriverManager.getConnection(with(url(), "sslmode=bogus")
                .replace("sslmode=disable&", ""), superProps()));
        assertTrue(e.getMessage().contains("sslmode"), e.getMessage());
    }

    @Test
    void bogusSslModeInPropertiesIs22023() {
        Properties p = superProps();
        p.setProperty("sslmode", "bogus");
        expectState("22023", () -> DriverManager.getConnection(url(), p));
    }

    @Test
    void invalidNumericPropertyIs22023() {
        expectState("22023", () -> DriverManager.getConnection(with(url(), "connectTimeout=soon"), superProps()));
    }

    /** A documented difference from pgjdbc (docs/configuration.md "Precedence"): Properties win over the URL. */
    @Test
    void propertiesOverrideUrlValues() throws SQLException {
        Properties p = superProps();
        p.setProperty("ApplicationName", "fromProperties");
        try (Connection c = DriverManager.getConnection(with(url(), "ApplicationName=fromUrl"), p)) {
            assertEquals("fromProperties", scalar(c, "SHOW application_name"));
        }
    }

    @Test
    void urlValueIsUsedWhenPropertiesDoNotSetIt() throws SQLException {
        try (Connection c = DriverManager.getConnection(with(url(), "ApplicationName=fromUrl"), superProps())) {
            assertEquals("fromUrl", scalar(c, "SHOW application_name"));
        }
    }

    @Test
    void unknownPropertiesAreIgnored() throws SQLException {
        Properties p = superProps();
        p.setProperty("someUnknownProperty", "x");
        try (Connection c = DriverManager.getConnection(with(url(), "noSuchProperty=1"), p)) {
            assertEquals("1", scalar(c, "SELECT 1"));
        }
    }

    @Test
    void optionsAndCurrentSchemaReachTheServer() throws SQLException {
        Properties p = superProps();
        p.setProperty("options", "-c statement_timeout=12345");
        p.setProperty("currentSchema", "pg_catalog");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            assertEquals("12345ms", scalar(c, "SHOW statement_timeout"));
            assertEquals("pg_catalog", scalar(c, "SELECT current_schema()"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {PgServer.PASSWORD_USER, PgServer.MD5_USER, PgServer.SCRAM_USER})
    void wrongPasswordIs28P01(String user) {
        SQLException e = expectState("28P01", () -> DriverManager.getConnection(url(), user, "wrong-password"));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
        assertInstanceOf(HasServerError.class, e);
        assertEquals("28P01", ((HasServerError) e).serverError().code());
        assertFalse(e.getMessage().contains("wrong-password"), "the password must not appear in the message");
    }

    @ParameterizedTest
    @ValueSource(strings = {PgServer.PASSWORD_USER, PgServer.MD5_USER, PgServer.SCRAM_USER})
    void rightPasswordConnects(String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), user, pg.passwordOf(user))) {
            assertEquals(user, scalar(c, "SELECT current_user"));
        }
    }

    @Test
    void nothingListeningIs08001() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String dead = "jdbc:postgresql://127.0.0.1:" + port + "/db?sslmode=disable&connectTimeout=5";
        expectState("08001", () -> DriverManager.getConnection(dead, superProps()));
    }

    @Test
    void versionsAndCompliance() throws SQLException {
        Driver d = DriverManager.getDriver(url());
        assertFalse(d.jdbcCompliant());
        assertEquals(conn.getMetaData().getDriverMajorVersion(), d.getMajorVersion());
        assertEquals(conn.getMetaData().getDriverMinorVersion(), d.getMinorVersion());
    }

    private String plainUrl(String params) {
        return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database() + "?" + params;
    }

    @Test
    @RequiresEmbeddedServer
    void sslModeRequireUsesTls() throws SQLException {
        try (Connection c = DriverManager.getConnection(plainUrl("sslmode=require"), superProps())) {
            assertEquals("t", scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    @Test
    @RequiresEmbeddedServer
    void sslModeDisableDoesNotUseTls() throws SQLException {
        try (Connection c = DriverManager.getConnection(plainUrl("sslmode=disable"), superProps())) {
            assertEquals("f", scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    @Test
    @RequiresEmbeddedServer
    void verifyFullWithTheRightAuthority() throws SQLException {
        Properties p = superProps();
        p.setProperty("sslrootcert", pg.caCertFile().toString());
        try (Connection c = DriverManager.getConnection(plainUrl("sslmode=verify-full"), p)) {
            assertEquals("t", scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
        // pgjdbc's ssl=true means verify-full
        try (Connection c = DriverManager.getConnection(plainUrl("ssl=true"), p)) {
            assertEquals("t", scalar(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    @Test
    @RequiresEmbeddedServer
    void verifyFullWithAnotherAuthorityFails() {
        Properties p = superProps();
        p.setProperty("sslrootcert", pg.otherCaCertFile().toString());
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(plainUrl("sslmode=verify-full"), p));
        assertNotNull(e.getSQLState(), e.toString());
        assertTrue(e.getSQLState().startsWith("08"), e.toString());
    }

    @Test
    void secondHostIsTriedWhenTheFirstIsDown() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        String multi = "jdbc:postgresql://127.0.0.1:" + dead + "," + pg.host() + ":" + pg.port() + "/" + pg.database()
                + (pg.isEmbedded() ? "?sslmode=disable" : "");
        try (Connection c = DriverManager.getConnection(multi, superProps())) {
            assertEquals(String.valueOf(pg.port()), scalar(c, "SELECT inet_server_port()"));
        }
    }

    @Test
    void userInUrlQuery() throws SQLException {
        String user = PgServer.SCRAM_USER;
        String u = with(url(), "user=" + user + "&password=" + pg.passwordOf(user));
        try (Connection c = DriverManager.getConnection(u)) {
            assertEquals(user, scalar(c, "SELECT current_user"));
        }
    }
}

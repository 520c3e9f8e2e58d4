package io.tusk.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ConnectionProperty;
import io.tusk.internal.protocol.ChannelBinding;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.SslMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** libpq's environment variables: used only when neither the URL nor the properties set the value. */
class EnvironmentFallbackTest {
    static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("PGHOST", "envhost1,envhost2"),
            Map.entry("PGPORT", "6001,6002"),
            Map.entry("PGDATABASE", "envdb"),
            Map.entry("PGUSER", "envuser"),
            Map.entry("PGPASSWORD", "envpass"),
            Map.entry("PGPASSFILE", "/env/pgpass"),
            Map.entry("PGSSLMODE", "verify-ca"),
            Map.entry("PGSSLROOTCERT", "/env/root.crt"),
            Map.entry("PGSSLCERT", "/env/client.crt"),
            Map.entry("PGSSLKEY", "/env/client.key"),
            Map.entry("PGAPPNAME", "envapp"),
            Map.entry("PGCONNECT_TIMEOUT", "7"),
            Map.entry("PGOPTIONS", "-c work_mem=64MB"),
            Map.entry("PGTARGETSESSIONATTRS", "read-only"),
            Map.entry("PGCHANNELBINDING", "require"),
            Map.entry("PGSSLNEGOTIATION", "direct"),
            Map.entry("PGSSLSNI", "0"),
            Map.entry("PGLOADBALANCEHOSTS", "disable"));

    static ClientEnvironment env(Map<String, String> variables) {
        return ClientEnvironment.of(variables, "osuser", Path.of("/home/osuser"));
    }

    @Test
    void everyVariableIsUsedWhenNothingElseIsGiven() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk:", null, env(ALL));
        assertEquals(List.of(new HostSpec("envhost1", 6001), new HostSpec("envhost2", 6002)), c.hosts());
        assertEquals("envdb", c.database());
        assertEquals("envuser", c.user());
        assertEquals("envpass", c.password());
        assertEquals(Path.of("/env/pgpass"), c.passFile());
        assertEquals(SslMode.VERIFY_CA, c.sslMode());
        assertEquals(Path.of("/env/root.crt"), c.sslRootCert());
        assertEquals(Path.of("/env/client.crt"), c.sslCert());
        assertEquals(Path.of("/env/client.key"), c.sslKey());
        assertEquals("envapp", c.applicationName());
        assertEquals(Duration.ofSeconds(7), c.connectTimeout());
        assertEquals("-c work_mem=64MB", c.options());
        assertEquals(TargetServerType.READ_ONLY, c.targetServerType());
        assertEquals(ChannelBinding.REQUIRE, c.channelBinding());
        assertEquals(SslNegotiation.DIRECT, c.sslNegotiation());
        assertFalse(c.sslSni());
        assertFalse(c.loadBalanceHosts());
        for (ConnectionProperty p : c.raw().keySet()) {
            assertEquals(PropertySource.ENVIRONMENT, c.source(p), p.toString());
        }
        ConnectionSettings s = c.toSettings();
        assertEquals("envpass", s.password());
        assertTrue(s.sslDirect());
    }

    @Test
    void everyVariableHasAProperty() {
        for (String variable : ALL.keySet()) {
            assertTrue(List.of(ConnectionProperty.values()).stream()
                    .anyMatch(p -> p.environmentVariable().orElse("").equals(variable)), variable);
        }
    }

    @Test
    void theUrlBeatsTheEnvironment() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse(
                "jdbc:tusk://urlhost:5999/urldb?user=urluser&sslmode=require&connect_timeout=2&sslNegotiation=postgres",
                null, env(ALL));
        assertEquals(List.of(new HostSpec("urlhost", 5999)), c.hosts());
        assertEquals("urldb", c.database());
        assertEquals("urluser", c.user());
        assertEquals(SslMode.REQUIRE, c.sslMode());
        assertEquals(Duration.ofSeconds(2), c.connectTimeout());
        assertEquals("envapp", c.applicationName()); // not in the URL: still from the environment
        assertEquals(PropertySource.URL, c.source(ConnectionProperty.PG_HOST));
    }

    @Test
    void urlHostsWithoutPortsTakePgport() throws SQLException {
        // libpq: a URI without a port leaves the port unset, so PGPORT applies to its hosts.
        ConnectionConfig c = ConnectionUrl.parse("postgresql://a,b/db", null, env(Map.of("PGPORT", "6100")));
        assertEquals(List.of(new HostSpec("a", 6100), new HostSpec("b", 6100)), c.hosts());
    }

    @Test
    void propertiesBeatTheEnvironment() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "propuser");
        props.setProperty("password", "proppass");
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk:", props, env(ALL));
        assertEquals("propuser", c.user());
        assertEquals("proppass", c.password());
        assertEquals("envdb", c.database());
    }

    @Test
    void pgjdbcSslTrueInTheUrlBeatsPgsslmodeButAnExplicitSslmodeDoesNot() throws SQLException {
        Map<String, String> vars = Map.of("PGSSLMODE", "disable");
        assertEquals(SslMode.VERIFY_FULL, ConnectionUrl.parse("jdbc:tusk://h/db?ssl=true", null, env(vars)).sslMode());
        assertEquals(SslMode.DISABLE, ConnectionUrl.parse("jdbc:tusk://h/db?ssl=false", null, env(vars)).sslMode());
        assertEquals(SslMode.DISABLE, ConnectionUrl.parse("jdbc:tusk://h/db", null, env(vars)).sslMode());
        assertEquals(SslMode.REQUIRE, ConnectionUrl.parse("jdbc:tusk://h/db?ssl=true&sslmode=require", null, env(vars))
                .sslMode());
    }

    @Test
    void defaultsWithAnEmptyEnvironment() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk:", null, env(Map.of()));
        assertEquals(List.of(new HostSpec("localhost", 5432)), c.hosts());
        assertEquals("osuser", c.user());
        assertEquals("osuser", c.database());
        assertNull(c.password());
        assertEquals(Path.of("/home/osuser/.pgpass"), c.passFile());
        assertEquals(SslMode.PREFER, c.sslMode());
        assertEquals(ChannelBinding.PREFER, c.channelBinding());
        assertTrue(c.raw().isEmpty());
    }

    @Test
    void pguserIsTheDefaultDatabaseToo() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/", null, env(Map.of("PGUSER", "envuser")));
        assertEquals("envuser", c.database());
    }

    @Test
    void emptyVariablesAreUnset() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk:", null, env(Map.of("PGHOST", "", "PGUSER", "")));
        assertEquals("localhost", c.hosts().get(0).host());
        assertEquals("osuser", c.user());
    }

    @Test
    void anInvalidVariableIsNamedInTheError() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:tusk://h/db", null, env(Map.of("PGSSLMODE", "bogus"))));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("from environment variable PGSSLMODE"), e.getMessage());
        SQLException port = assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:tusk:", null, env(Map.of("PGPORT", "x"))));
        assertTrue(port.getMessage().contains("PGPORT: \"x\""), port.getMessage());
    }

    @Test
    void anInvalidVariableIsHarmlessWhenTheUrlOverridesIt() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db?sslmode=require", null,
                env(Map.of("PGSSLMODE", "bogus")));
        assertEquals(SslMode.REQUIRE, c.sslMode());
    }

    @Test
    void socketDirectoryHostsConnectToLocalhost() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk:", null, env(Map.of("PGHOST", "/var/run/postgresql")));
        assertEquals(List.of(new HostSpec("localhost", 5432)), c.hosts());
    }

    @Test
    void noUserAtAll() {
        ClientEnvironment nobody = ClientEnvironment.of(Map.of(), null, null);
        SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:tusk://h/db", null, nobody));
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void windowsPasswordFileLivesInAppdata() {
        ClientEnvironment windows = ClientEnvironment.of(Map.of("APPDATA", "C:\\Users\\me\\AppData\\Roaming"), "me",
                Path.of("/home/me"), true);
        assertEquals(Path.of("C:\\Users\\me\\AppData\\Roaming", "postgresql", "pgpass.conf"), windows.defaultPassFile());
    }

    @Test
    void systemEnvironmentUsesTheProcessUser() {
        assertEquals(System.getProperty("user.name"), ClientEnvironment.system().osUser());
    }
}

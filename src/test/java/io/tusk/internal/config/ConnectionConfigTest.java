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
import io.tusk.internal.sql.EscapeCallMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ConnectionConfig#toSettings()}: what the engine receives. */
class ConnectionConfigTest {
    static final ClientEnvironment ENV = ClientEnvironment.of(Map.of(), "osuser", Path.of("/nonexistent-home"));

    static ConnectionSettings settings(String url) throws SQLException {
        return ConnectionUrl.parse(url, null, ENV).toSettings();
    }

    @Test
    void basics() throws SQLException {
        ConnectionSettings s = settings("jdbc:tusk://alice:pw@h1:5433,[::1]/sales?ApplicationName=billing"
                + "&options=-c%20jit%3Doff&tcpKeepAlive=true&maxMessageSize=65536");
        assertEquals(List.of(new HostSpec("h1", 5433), new HostSpec("::1", 5432)), s.hosts());
        assertEquals("alice", s.user());
        assertEquals("pw", s.password());
        assertEquals("sales", s.database());
        assertEquals("billing", s.applicationName());
        assertEquals("-c jit=off", s.options());
        assertTrue(s.tcpKeepAlive());
        assertEquals(65536, s.maxMessageSize());
        assertEquals(ConnectionSettings.PROTOCOL_3_0, s.protocolVersion());
        assertEquals(Map.of(), s.startupParameters());
    }

    @Test
    void defaults() throws SQLException {
        ConnectionSettings s = settings("jdbc:postgresql:");
        assertEquals(List.of(new HostSpec("localhost", 5432)), s.hosts());
        assertEquals("osuser", s.user());
        assertEquals("osuser", s.database());
        assertNull(s.password());
        assertNull(s.applicationName());
        assertNull(s.options());
        assertEquals(SslMode.PREFER, s.sslMode());
        assertNull(s.sslRootCert());
        assertFalse(s.sslDirect());
        assertTrue(s.sslSni());
        assertEquals(ChannelBinding.PREFER, s.channelBinding());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertFalse(s.tcpKeepAlive());
        assertEquals(1 << 30, s.maxMessageSize());
    }

    @Test
    void sslTrueMeansVerifyFull() throws SQLException {
        assertEquals(SslMode.VERIFY_FULL, settings("jdbc:postgresql://h/db?ssl=true").sslMode());
        assertEquals(SslMode.VERIFY_FULL, settings("jdbc:postgresql://h/db?ssl").sslMode());
        assertEquals(SslMode.PREFER, settings("jdbc:postgresql://h/db?ssl=false").sslMode());
        assertEquals(SslMode.DISABLE, settings("jdbc:postgresql://h/db?ssl=true&sslmode=disable").sslMode());
        assertEquals(SslMode.REQUIRE, settings("postgresql://h/db?ssl=true").sslMode()); // libpq's reading
    }

    @Test
    void verifyFullWithRootCert() throws SQLException {
        ConnectionSettings s = settings("jdbc:tusk://h/db?sslmode=verify-full&sslrootcert=/etc/ssl/pg%20root.pem"
                + "&sslcert=/c.crt&sslkey=/c.key");
        assertEquals(SslMode.VERIFY_FULL, s.sslMode());
        assertEquals(Path.of("/etc/ssl/pg root.pem"), s.sslRootCert());
        assertEquals(Path.of("/c.crt"), s.sslCert());
        assertEquals(Path.of("/c.key"), s.sslKey());
    }

    @Test
    void systemRootCertificatesImplyVerifyFull() throws SQLException {
        ConnectionSettings s = settings("jdbc:tusk://h/db?sslrootcert=system");
        assertEquals(SslMode.VERIFY_FULL, s.sslMode());
        assertEquals(Path.of("system"), s.sslRootCert());
        assertEquals(SslMode.VERIFY_FULL, settings("jdbc:tusk://h/db?sslrootcert=system&sslmode=verify-full").sslMode());
    }

    @ParameterizedTest
    @CsvSource({"require, REQUIRE", "disable, DISABLE", "prefer, PREFER", "DISABLE, DISABLE"})
    void channelBinding(String value, ChannelBinding expected) throws SQLException {
        String setting = value.equalsIgnoreCase("prefer") ? "channel_binding" : "channelBinding";
        assertEquals(expected, settings("jdbc:tusk://h/db?" + setting + "=" + value).channelBinding());
    }

    @Test
    void directTlsNegotiation() throws SQLException {
        ConnectionSettings s = settings("jdbc:tusk://h/db?sslnegotiation=direct&sslmode=require&sslsni=0");
        assertTrue(s.sslDirect());
        assertFalse(s.sslSni());
        assertEquals(SslMode.REQUIRE, s.sslMode());
        assertTrue(settings("jdbc:tusk://h/db?sslNegotiation=DIRECT&ssl=true").sslDirect());
    }

    @Test
    void connectTimeoutInSeconds() throws SQLException {
        assertEquals(Duration.ofSeconds(3), settings("jdbc:tusk://h/db?connectTimeout=3").connectTimeout());
        assertEquals(Duration.ofMillis(1500), settings("postgresql://h/db?connect_timeout=1.5").connectTimeout());
        // 0 means no limit of our own: the largest the socket layer accepts.
        assertEquals(Duration.ofMillis(Integer.MAX_VALUE), settings("jdbc:tusk://h/db?connectTimeout=0").connectTimeout());
    }

    @Test
    void currentSchemaBecomesSearchPath() throws SQLException {
        assertEquals(Map.of("search_path", "app"), settings("jdbc:tusk://h/db?currentSchema=app").startupParameters());
        assertEquals(Map.of("search_path", "app,public"),
                settings("jdbc:tusk://h/db?currentSchema=app,%20public").startupParameters());
        assertEquals(Map.of(), settings("jdbc:tusk://h/db?currentSchema=").startupParameters());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "myschema                 | myschema",
            "MySchema                 | MySchema",
            "\"MySchema\"             | \"MySchema\"",
            "a, b ,c                  | a,b,c",
            "\"$user\", public        | \"$user\",public",
            "$user                    | $user",
            "my schema                | \"my schema\"",
            "odd\"name                | \"odd\"\"name\"",
            "\"a,b\", c               | \"a,b\",c",
            "\"with \"\"quote\"\"\"   | \"with \"\"quote\"\"\"",
            "\"unclosed               | \"\"\"unclosed\"",
            "s1,,s2                   | s1,s2"})
    void searchPathQuoting(String currentSchema, String expected) {
        assertEquals(expected, SearchPath.fromCurrentSchema(currentSchema));
    }

    @Test
    void emptySearchPath() {
        assertNull(SearchPath.fromCurrentSchema(" , "));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 196608", "3, 196608", "3.2, 196610", "latest, 196610"})
    void protocolVersion(String value, int expected) throws SQLException {
        assertEquals(expected, settings("jdbc:tusk://h/db?protocolVersion=" + value).protocolVersion());
        assertEquals(expected, settings("postgresql://h/db?max_protocol_version=" + value).protocolVersion());
    }

    @Test
    void loadBalancingShufflesHostsWithTheGivenRandom() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://a,b,c,d,e/db?loadBalanceHosts=true", null, ENV);
        Set<List<HostSpec>> orders = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            List<HostSpec> order = c.toSettings(random).hosts();
            assertEquals(Set.copyOf(c.hosts()), Set.copyOf(order));
            orders.add(order);
        }
        assertTrue(orders.size() > 1);
        // Without it, the given order always.
        ConnectionConfig ordered = ConnectionUrl.parse("jdbc:tusk://a,b,c,d,e/db", null, ENV);
        assertEquals(ordered.hosts(), ordered.toSettings(new Random(1)).hosts());
    }

    @Test
    void toStringAndRawHideThePassword() throws SQLException {
        Properties props = new Properties();
        props.setProperty("sslpassword", "keyphrase");
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://alice:hunter2@h/db?sslmode=require", props, ENV);
        assertEquals("hunter2", c.raw().get(ConnectionProperty.PASSWORD));
        for (String text : new String[] {c.toString(), c.raw().toString()}) {
            assertFalse(text.contains("hunter2"), text);
            assertFalse(text.contains("keyphrase"), text);
            assertTrue(text.contains("password=<hidden>"), text);
            assertTrue(text.contains("sslmode=require"), text);
        }
        assertThrows(UnsupportedOperationException.class, () -> c.raw().put(ConnectionProperty.USER, "x"));
    }

    @ParameterizedTest
    @CsvSource({"'', SELECT", "select, SELECT", "callIfNoReturn, CALL_IF_NO_RETURN", "CALLIFNORETURN, CALL_IF_NO_RETURN",
            "call, CALL", " Call , CALL"})
    void escapeSyntaxCallMode(String value, EscapeCallMode expected) throws SQLException {
        Properties p = new Properties();
        p.setProperty("escapeSyntaxCallMode", value);
        assertEquals(expected, ConnectionUrl.parse("jdbc:postgresql://h/db", p, ENV).escapeSyntaxCallMode());
    }

    @Test
    void escapeSyntaxCallModeDefaultsToSelect() throws SQLException {
        assertEquals(EscapeCallMode.SELECT, ConnectionUrl.parse("jdbc:postgresql://h/db", null, ENV).escapeSyntaxCallMode());
    }

    @Test
    void badEscapeSyntaxCallModeIs22023() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:postgresql://h/db?escapeSyntaxCallMode=procedure", null, ENV));
        assertEquals("22023", e.getSQLState());
        assertEquals("invalid value for connection property escapeSyntaxCallMode: \"procedure\" (expected: one of "
                + "select, callIfNoReturn, call), from the URL", e.getMessage());
    }

    @Test
    void valueFallsBackToTheDefault() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db?prepareThreshold=3", null, ENV);
        assertEquals("3", c.value(ConnectionProperty.PREPARE_THRESHOLD));
        assertEquals("256", c.value(ConnectionProperty.PREPARED_STATEMENT_CACHE_QUERIES));
        assertNull(c.value(ConnectionProperty.APPLICATION_NAME));
    }

    @Test
    void portListMustMatchTheHosts() throws SQLException {
        assertEquals(List.of(new HostSpec("a", 7000), new HostSpec("b", 7000)),
                ConnectionUrl.parse("jdbc:tusk://a,b/db?port=7000", null, ENV).hosts());
        assertEquals(List.of(new HostSpec("a", 7000), new HostSpec("b", 7001)),
                ConnectionUrl.parse("jdbc:tusk://a,b/db?port=7000,7001", null, ENV).hosts());
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:tusk://a,b,c/db?port=7000,7001", null, ENV));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("one per host (3 hosts)"), e.getMessage());
    }

    @Test
    void serviceIsRefusedNotIgnored() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:tusk://h/db?service=prod", null, ENV));
        assertEquals("0A000", e.getSQLState());
    }

    @Test
    void assumeMinServerVersionIsAcceptedAndIgnored() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:postgresql://h/db?assumeMinServerVersion=12", null, ENV);
        assertEquals("12", c.assumeMinServerVersion());
        assertTrue(c.notYetActing().isEmpty());
    }
}

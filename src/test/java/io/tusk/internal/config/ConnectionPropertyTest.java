package io.tusk.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ConnectionProperty;
import io.tusk.ConnectionProperty.Support;
import io.tusk.ConnectionProperty.Type;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The enum itself, and each property's validation: a good value passes, a bad one is 22023 naming it. */
class ConnectionPropertyTest {
    static final ClientEnvironment ENV = ClientEnvironment.of(Map.of(), "osuser", Path.of("/nonexistent-home"));

    @ParameterizedTest
    @EnumSource(ConnectionProperty.class)
    void everyNameAndAliasFindsItsProperty(ConnectionProperty p) {
        assertEquals(Optional.of(p), ConnectionProperty.forName(p.canonicalName()));
        assertEquals(Optional.of(p), ConnectionProperty.forName(p.canonicalName().toUpperCase(Locale.ROOT)));
        assertEquals(Optional.of(p), ConnectionProperty.forName(p.canonicalName().toLowerCase(Locale.ROOT)));
        for (String alias : p.aliases()) {
            assertEquals(Optional.of(p), ConnectionProperty.forName(alias), alias);
            assertEquals(Optional.of(p), ConnectionProperty.forName(alias.toUpperCase(Locale.ROOT)), alias);
        }
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        Set<String> seen = new HashSet<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            assertTrue(seen.add(p.canonicalName().toLowerCase(Locale.ROOT)), p.canonicalName());
            for (String alias : p.aliases()) {
                assertTrue(seen.add(alias.toLowerCase(Locale.ROOT)), alias);
            }
        }
    }

    @Test
    void unknownNamesAreNotFound() {
        assertEquals(Optional.empty(), ConnectionProperty.forName("nosuchproperty"));
        assertEquals(Optional.empty(), ConnectionProperty.forName(""));
        assertEquals(Optional.empty(), ConnectionProperty.forName(null));
    }

    @Test
    void libpqAndPgjdbcSpellingsAreKnown() {
        Map<String, ConnectionProperty> expected = Map.ofEntries(
                Map.entry("sslnegotiation", ConnectionProperty.SSL_NEGOTIATION),
                Map.entry("sslNegotiation", ConnectionProperty.SSL_NEGOTIATION),
                Map.entry("channel_binding", ConnectionProperty.CHANNEL_BINDING),
                Map.entry("channelBinding", ConnectionProperty.CHANNEL_BINDING),
                Map.entry("application_name", ConnectionProperty.APPLICATION_NAME),
                Map.entry("ApplicationName", ConnectionProperty.APPLICATION_NAME),
                Map.entry("dbname", ConnectionProperty.PG_DBNAME),
                Map.entry("PGDBNAME", ConnectionProperty.PG_DBNAME),
                Map.entry("connect_timeout", ConnectionProperty.CONNECT_TIMEOUT),
                Map.entry("target_session_attrs", ConnectionProperty.TARGET_SERVER_TYPE),
                Map.entry("statementCacheSize", ConnectionProperty.PREPARED_STATEMENT_CACHE_QUERIES),
                Map.entry("commandTimeout", ConnectionProperty.QUERY_TIMEOUT),
                Map.entry("host", ConnectionProperty.PG_HOST),
                Map.entry("port", ConnectionProperty.PG_PORT));
        expected.forEach((name, p) -> assertEquals(Optional.of(p), ConnectionProperty.forName(name), name));
    }

    @ParameterizedTest
    @EnumSource(ConnectionProperty.class)
    void everyPropertyIsDescribedAndItsDefaultIsValid(ConnectionProperty p) throws SQLException {
        assertNotNull(p.description());
        assertTrue(p.description().endsWith("."), p.description());
        assertNotNull(p.defaultDescription(), p + " needs a default value or a note");
        if (p.defaultValue() != null) {
            PropertyValues.check(p, p.defaultValue(), PropertySource.DEFAULT);
        }
        if (p.type() == Type.CHOICE) {
            assertFalse(p.choices().isEmpty());
            assertTrue(p.choices().contains(p.defaultValue()), p.toString());
        } else {
            assertTrue(p.choices().isEmpty());
        }
        if (p.type() == Type.SECONDS) {
            assertEquals(Optional.of(ConnectionProperty.Unit.SECONDS), p.unit());
        }
    }

    @Test
    void driverPropertyInfoCarriesTheEnumsData() {
        DriverPropertyInfo mode = ConnectionProperty.SSL_MODE.toDriverPropertyInfo("require");
        assertEquals("sslmode", mode.name);
        assertEquals("require", mode.value);
        assertFalse(mode.required);
        assertEquals(ConnectionProperty.SSL_MODE.description(), mode.description);
        assertArrayEquals(new String[] {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}, mode.choices);

        DriverPropertyInfo timeout = ConnectionProperty.CONNECT_TIMEOUT.toDriverPropertyInfo(null);
        assertEquals("10", timeout.value);
        assertNull(timeout.choices);
        assertTrue(ConnectionProperty.USER.toDriverPropertyInfo(null).required);
    }

    @Test
    void requestedDefaults() {
        assertEquals("10", ConnectionProperty.CONNECT_TIMEOUT.defaultValue());
        assertEquals("0", ConnectionProperty.SOCKET_TIMEOUT.defaultValue());
        assertEquals("5", ConnectionProperty.PREPARE_THRESHOLD.defaultValue());
        assertEquals("256", ConnectionProperty.PREPARED_STATEMENT_CACHE_QUERIES.defaultValue());
        assertEquals("5", ConnectionProperty.PREPARED_STATEMENT_CACHE_SIZE_MIB.defaultValue());
        assertEquals("true", ConnectionProperty.BINARY_TRANSFER.defaultValue());
        assertEquals("false", ConnectionProperty.REWRITE_BATCHED_INSERTS.defaultValue());
        assertEquals("0", ConnectionProperty.DEFAULT_ROW_FETCH_SIZE.defaultValue());
        assertEquals("15360", ConnectionProperty.MAX_CACHEABLE_STATEMENT_SIZE.defaultValue());
        assertEquals("never", ConnectionProperty.AUTOSAVE.defaultValue());
        assertEquals("unspecified", ConnectionProperty.STRING_TYPE.defaultValue());
        assertEquals("prefer", ConnectionProperty.SSL_MODE.defaultValue());
        assertEquals("3.0", ConnectionProperty.PROTOCOL_VERSION.defaultValue());
        assertTrue(ConnectionProperty.PASSWORD.secret());
        assertTrue(ConnectionProperty.SSL_PASSWORD.secret());
        assertEquals(Support.UNSUPPORTED, ConnectionProperty.SERVICE.support());
        assertEquals(Support.IGNORED, ConnectionProperty.ASSUME_MIN_SERVER_VERSION.support());
        assertEquals(Support.NOT_YET, ConnectionProperty.SSL_PASSWORD.support());
    }

    /** A value each typed property must refuse. */
    static List<String> badValues(ConnectionProperty p) {
        switch (p.type()) {
            case BOOLEAN:
                return List.of("maybe", "2");
            case INTEGER:
                return List.of("x", "1.5", Long.toString(p.minimum() - 1));
            case SECONDS:
                return List.of("-1", "soon", "1e9");
            case CHOICE:
                return List.of("bogus");
            case PORT_LIST:
                return List.of("abc", "0", "65536", "1,x");
            case HOST_LIST:
                return List.of("a b", "[::1");
            case PATH:
                return List.of("bad\0path");
            default:
                return List.of();
        }
    }

    /** A value each property must accept. */
    static String goodValue(ConnectionProperty p) {
        switch (p.type()) {
            case BOOLEAN:
                return "ON";
            case INTEGER:
                return Long.toString(Math.max(p.minimum(), 1024));
            case SECONDS:
                return "1.5";
            case CHOICE:
                return p.choices().get(p.choices().size() - 1).toUpperCase(Locale.ROOT);
            case PORT_LIST:
                return "6000";
            case HOST_LIST:
                return "[::1]";
            case PATH:
                return "/tmp/some file.pem";
            default:
                return "some text";
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectionProperty.class)
    void eachPropertyValidatesItsValue(ConnectionProperty p) throws SQLException {
        PropertyValues.check(p, goodValue(p), PropertySource.URL);
        PropertyValues.check(p, "", PropertySource.URL); // empty means the default
        for (String bad : badValues(p)) {
            SQLException e = assertThrows(SQLException.class, () -> PropertyValues.check(p, bad, PropertySource.URL),
                    p + "=" + bad);
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains(p.canonicalName()), e.getMessage());
            assertTrue(e.getMessage().contains(p.secret() ? "<hidden>" : "\"" + bad + "\""), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectionProperty.class)
    void eachPropertyIsValidatedThroughTheUrlAndProperties(ConnectionProperty p) {
        for (String bad : badValues(p)) {
            Properties props = new Properties();
            props.setProperty(p.aliases().isEmpty() ? p.canonicalName() : p.aliases().get(0), bad);
            SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:tusk://h/db", props, ENV));
            assertEquals("22023", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().endsWith("from the connection properties"), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "true, true", "FALSE, false", "on, true", "off, false", "yes, true", "no, false", "1, true", "0, false"})
    void booleanSpellings(String text, boolean expected) {
        assertEquals(expected, PropertyValues.bool(text));
    }

    @ParameterizedTest
    @CsvSource({
            "any, ANY", "primary, PRIMARY", "master, PRIMARY", "secondary, SECONDARY", "slave, SECONDARY",
            "standby, SECONDARY", "preferSecondary, PREFER_SECONDARY", "preferSlave, PREFER_SECONDARY",
            "prefer-standby, PREFER_SECONDARY", "preferPrimary, PREFER_PRIMARY", "read-write, READ_WRITE",
            "read-only, READ_ONLY", "PRIMARY, PRIMARY"})
    void targetServerTypeSpellings(String text, TargetServerType expected) throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db?targetServerType=" + text, null, ENV);
        assertEquals(expected, c.targetServerType());
        assertEquals(expected, ConnectionUrl.parse("postgresql://h/db?target_session_attrs=" + text, null, ENV)
                .targetServerType());
    }

    @Test
    void typedGetters() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db?socketTimeout=2.5&loginTimeout=7"
                + "&queryTimeout=0.25&cancelSignalTimeout=3&hostRecheckSeconds=30&prepareThreshold=-1"
                + "&preparedStatementCacheQueries=0&preparedStatementCacheSizeMiB=9&maxCacheableStatementSize=0"
                + "&binaryTransfer=false&reWriteBatchedInserts=true&defaultRowFetchSize=100&stringtype=varchar"
                + "&readOnly=true&autosave=conservative&logUnclosedConnections=yes&assumeMinServerVersion=9.6"
                + "&loadBalanceHosts=random", null, ENV);
        assertEquals(java.time.Duration.ofMillis(2500), c.socketTimeout());
        assertEquals(java.time.Duration.ofSeconds(7), c.loginTimeout());
        assertEquals(java.time.Duration.ofMillis(250), c.queryTimeout());
        assertEquals(java.time.Duration.ofSeconds(3), c.cancelSignalTimeout());
        assertEquals(java.time.Duration.ofSeconds(30), c.hostRecheck());
        assertEquals(-1, c.prepareThreshold());
        assertEquals(0, c.preparedStatementCacheQueries());
        assertEquals(9, c.preparedStatementCacheSizeMiB());
        assertEquals(0, c.maxCacheableStatementSize());
        assertFalse(c.binaryTransfer());
        assertTrue(c.reWriteBatchedInserts());
        assertEquals(100, c.defaultRowFetchSize());
        assertEquals(StringType.VARCHAR, c.stringType());
        assertTrue(c.readOnly());
        assertEquals(AutoSave.CONSERVATIVE, c.autosave());
        assertTrue(c.logUnclosedConnections());
        assertEquals("9.6", c.assumeMinServerVersion());
        assertTrue(c.loadBalanceHosts());
    }

    @Test
    void defaultsOfTypedGetters() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db", null, ENV);
        assertEquals(java.time.Duration.ofSeconds(10), c.connectTimeout());
        assertEquals(java.time.Duration.ZERO, c.socketTimeout());
        assertEquals(java.time.Duration.ZERO, c.queryTimeout());
        assertEquals(5, c.prepareThreshold());
        assertEquals(256, c.preparedStatementCacheQueries());
        assertEquals(15360, c.maxCacheableStatementSize());
        assertTrue(c.binaryTransfer());
        assertEquals(StringType.UNSPECIFIED, c.stringType());
        assertEquals(AutoSave.NEVER, c.autosave());
        assertEquals(TargetServerType.ANY, c.targetServerType());
        assertFalse(c.loadBalanceHosts());
        assertTrue(c.sslSni());
        assertEquals(SslNegotiation.POSTGRES, c.sslNegotiation());
        assertEquals(1 << 30, c.maxMessageSize());
        assertTrue(c.notYetActing().isEmpty());
    }

    @Test
    void notYetActingListsOnlyNonDefaultValues() throws SQLException {
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://h/db?prepareThreshold=5&queryTimeout=0"
                + "&targetServerType=any&binaryTransfer=false&tcpKeepAlive=true", null, ENV);
        assertEquals(Set.of(ConnectionProperty.BINARY_TRANSFER), c.notYetActing());
    }
}

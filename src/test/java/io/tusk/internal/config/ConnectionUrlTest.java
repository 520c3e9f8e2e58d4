package io.tusk.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.ConnectionProperty;
import io.tusk.internal.protocol.HostSpec;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The URL table: each row is a URL, optional {@code Properties} ("name=value" pairs separated by
 * " & ") and what must come out ("key=value" pairs separated by " | "; keys are hosts, db, user,
 * password, sslmode or a property name), or an error ("08001@index", "22023", "0A000").
 * The environment is empty and the operating-system user is "osuser".
 */
class ConnectionUrlTest {
    static final ClientEnvironment ENV = ClientEnvironment.of(Map.of(), "osuser", Path.of("/nonexistent-home"));

    static Stream<Arguments> validUrls() {
        return Stream.of(
                // jdbc:tusk: hosts and ports
                row("jdbc:tusk://db.example.com/app", "", "hosts=db.example.com:5432 | db=app | user=osuser | password=null"),
                row("jdbc:tusk://db.example.com:6543/app", "", "hosts=db.example.com:6543"),
                row("jdbc:tusk://h1,h2/app", "", "hosts=h1:5432,h2:5432"),
                row("jdbc:tusk://h1:5433,h2:5434/app", "", "hosts=h1:5433,h2:5434"),
                row("jdbc:tusk://h1:5433,h2/app", "", "hosts=h1:5433,h2:5432"),
                row("jdbc:tusk://h1,h2:5434/app", "", "hosts=h1:5432,h2:5434"),
                row("jdbc:tusk://h1,,h3/app", "", "hosts=h1:5432,localhost:5432,h3:5432"),
                row("jdbc:tusk://10.1.2.3:5433/app", "", "hosts=10.1.2.3:5433"),
                // IPv6
                row("jdbc:tusk://[::1]:5740/accounting", "", "hosts=[::1]:5740 | db=accounting"),
                row("jdbc:tusk://[::1]/db", "", "hosts=[::1]:5432"),
                row("jdbc:tusk://[2001:db8::7]:6000,10.0.0.1:5433/db", "", "hosts=[2001:db8::7]:6000,10.0.0.1:5433"),
                row("jdbc:tusk://[fe80::1%25eth0]:5432/db", "", "hosts=[fe80::1%eth0]:5432"),
                // user info (jdbc:tusk: and libpq URIs only)
                row("jdbc:tusk://alice:s3cret@host/db", "", "user=alice | password=s3cret | hosts=host:5432"),
                row("jdbc:tusk://alice@host/db", "", "user=alice | password=null"),
                row("jdbc:tusk://al%40ice:p%40ss%3Aw%2Fd@host/db", "", "user=al@ice | password=p@ss:w/d"),
                row("jdbc:tusk://:pw@host/db", "", "user=osuser | password=pw"),
                row("jdbc:tusk://alice:@host/db", "", "user=alice | password="),
                row("jdbc:tusk://alice:p@ss@host/db", "", "user=alice | password=p@ss | hosts=host:5432"),
                row("jdbc:tusk://host/db?password=a@b/c?d", "", "password=a@b/c?d | hosts=host:5432 | db=db"),
                row("jdbc:tusk://h1/db?host=h2", "", "hosts=h2:5432"),
                // database: default, encoding, '+'
                row("jdbc:tusk://host/", "", "db=osuser"),
                row("jdbc:tusk://host", "", "db=osuser | hosts=host:5432"),
                row("jdbc:tusk://host?user=bob", "", "db=bob | user=bob"),
                row("jdbc:tusk:///db", "", "hosts=localhost:5432 | db=db"),
                row("jdbc:tusk:", "", "hosts=localhost:5432 | db=osuser"),
                row("jdbc:tusk:mydb", "", "hosts=localhost:5432 | db=mydb"),
                row("jdbc:tusk://host/my%20db", "", "db=my db"),
                row("jdbc:tusk://host/a+b", "", "db=a+b"),
                row("jdbc:tusk://host/caf%C3%A9", "", "db=café"),
                row("jdbc:tusk://host/café", "", "db=café"),
                // query values
                row("jdbc:tusk://host/db?options=-c%20search_path%3Dx", "", "options=-c search_path=x"),
                row("jdbc:tusk://host/db?ApplicationName=a+b", "", "ApplicationName=a b"),
                row("jdbc:tusk://host/db?ApplicationName=a%2Bb", "", "ApplicationName=a+b"),
                row("jdbc:tusk://host/db?ApplicationName=x%3Dy%26z", "", "ApplicationName=x=y&z"),
                row("jdbc:tusk://host/db?user=u1&user=u2", "", "user=u2 | db=db"),
                row("jdbc:tusk://host/db?channel_binding=require&channelBinding=disable", "", "channelBinding=disable"),
                row("jdbc:tusk://host/db?SSLMODE=require", "", "sslmode=require"),
                row("jdbc:tusk://host/db?unknownThing=1&sslmode=disable", "", "sslmode=disable"),
                row("jdbc:tusk://host/db?&&sslmode=require&", "", "sslmode=require"),
                row("jdbc:tusk://host/db?ApplicationName=", "", "ApplicationName=null"),
                row("jdbc:tusk://host/db?connectTimeout=", "", "connectTimeout=10"),
                row("jdbc:tusk://host/db?", "", "db=db | sslmode=prefer"),
                // pgjdbc's ssl switch
                row("jdbc:tusk://host/db?ssl", "", "sslmode=verify-full"),
                row("jdbc:tusk://host/db?ssl=true", "", "sslmode=verify-full"),
                row("jdbc:tusk://host/db?ssl=false", "", "sslmode=prefer"),
                row("jdbc:tusk://host/db?ssl=true&sslmode=require", "", "sslmode=require"),
                row("jdbc:tusk://host/db?sslmode=require&ssl=true", "", "sslmode=require"),
                // pgjdbc's prefix and forms
                row("jdbc:postgresql://localhost/test", "", "hosts=localhost:5432 | db=test"),
                row("jdbc:postgresql://localhost:5433/test?user=fred&password=secret&ssl=true", "",
                        "hosts=localhost:5433 | user=fred | password=secret | sslmode=verify-full"),
                row("jdbc:postgresql:test", "", "hosts=localhost:5432 | db=test"),
                row("jdbc:postgresql:/", "", "hosts=localhost:5432 | db=osuser"),
                row("jdbc:postgresql://host/", "", "db=osuser"),
                row("jdbc:postgresql://host1:5432,host2:5433/db?targetServerType=primary", "",
                        "hosts=host1:5432,host2:5433 | targetServerType=primary"),
                row("jdbc:postgresql://[::1]:5740/accounting", "", "hosts=[::1]:5740 | db=accounting"),
                row("JDBC:PostgreSQL://Host/db", "", "hosts=Host:5432"),
                row("jdbc:postgresql://host/db?loginTimeout=2.5", "", "loginTimeout=2.5"),
                row("jdbc:postgresql://host/db?PGHOST=other", "", "hosts=other:5432"),
                row("jdbc:postgresql://host/db?port=6000", "", "hosts=host:6000"),
                row("jdbc:postgresql://host/db?application_name=x", "", "ApplicationName=x"),
                row("jdbc:postgresql://host/db?dbname=other", "", "db=other"),
                row("jdbc:postgresql://host/db?currentSchema=s1,s2", "", "currentSchema=s1,s2"),
                // libpq URIs
                row("postgresql://u:pw@host:5433/db?sslmode=verify-ca", "",
                        "hosts=host:5433 | user=u | password=pw | db=db | sslmode=verify-ca"),
                row("postgres://host/db", "", "hosts=host:5432 | db=db"),
                row("postgresql://", "", "hosts=localhost:5432 | db=osuser"),
                row("postgresql:///db?host=h1,h2&port=5433,5434", "", "hosts=h1:5433,h2:5434"),
                row("postgresql://host/db?ssl=true", "", "sslmode=require"),
                row("postgresql://host/db?application_name=a+b", "", "ApplicationName=a+b"),
                row("postgresql://host/db?connect_timeout=3", "", "connectTimeout=3"),
                row("postgresql://host/db?target_session_attrs=read-write", "", "targetServerType=read-write"),
                row("postgresql://h1:,h2:5434/db", "", "hosts=h1:5432,h2:5434"),
                row("postgresql://[::1]:5433,[::2]/db", "", "hosts=[::1]:5433,[::2]:5432"),
                // Properties override the URL
                row("jdbc:tusk://host/db?user=url", "user=props", "user=props"),
                row("jdbc:postgresql://host/db?sslmode=disable", "sslmode=require", "sslmode=require"),
                row("jdbc:tusk://host/db", "PGHOST=other,other2", "hosts=other:5432,other2:5432"),
                row("jdbc:tusk://h1:5433/db", "PGPORT=6000", "hosts=h1:6000"),
                row("jdbc:tusk://host/db", "Channel_Binding=require", "channelBinding=require"),
                row("jdbc:tusk://host/db", "unknown=x & sslmode=allow", "sslmode=allow"),
                row("jdbc:tusk://host/db?ssl=true", "sslmode=allow", "sslmode=allow"),
                row("jdbc:tusk://host/db?sslmode=require", "ssl=true", "sslmode=verify-full"),
                row("jdbc:tusk://", "PGDBNAME=x & user=u", "db=x | user=u"),
                row("jdbc:tusk://host/db", "statementCacheSize=10", "preparedStatementCacheQueries=10"),
                row("jdbc:tusk://alice:pw1@host/db", "password=pw2", "password=pw2 | user=alice"),
                row("jdbc:postgresql://host/urldb", "databaseName=propdb & serverName=srv & portNumber=7000",
                        "db=propdb | hosts=srv:7000"),
                row("jdbc:tusk://host/db", "commandTimeout=30", "queryTimeout=30"));
    }

    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                // malformed: 08001 at an index
                row("jdbc:tusk://[::1/db", "", "08001@12"),
                row("jdbc:tusk://[::1]x/db", "", "08001@17"),
                row("jdbc:tusk://::1/db", "", "08001@12"),
                row("jdbc:tusk://fe80::1:5432/db", "", "08001@12"),
                row("jdbc:tusk://host:abc/db", "", "08001@17"),
                row("jdbc:tusk://host:0/db", "", "08001@17"),
                row("jdbc:tusk://host:70000/db", "", "08001@17"),
                row("jdbc:tusk://host:-1/db", "", "08001@17"),
                row("jdbc:tusk://h1,h2:x/db", "", "08001@18"),
                row("jdbc:tusk://host/d%zzb", "", "08001@18"),
                row("jdbc:tusk://host/db%", "", "08001@19"),
                row("jdbc:tusk://host/db%4", "", "08001@19"),
                row("jdbc:tusk://host/%ff", "", "08001@17"),
                row("jdbc:tusk://host/db?password=s3%2", "", "08001@31"),
                row("jdbc:tusk://host/db?=x", "", "08001@20"),
                row("jdbc:tusk://[]/db", "", "08001@12"),
                row("jdbc:tusk://ho[st/db", "", "08001@12"),
                row("jdbc:tusk://host:5432:1/db", "", "08001@12"),
                row("jdbc:postgresql://alice:s3cret@host/db", "", "08001@18"),
                row("jdbc:postgresql://alice@host/db", "", "08001@18"),
                row("jdbc:tusk://alice:s3/cret@host/db", "", "08001@18"),
                row("jdbc:tusk://alice:s3cr%zzet@host/db", "", "08001@22"),
                row("postgresql:db", "", "08001@11"),
                row("jdbc:mysql://host/db", "", "08001@0"),
                // a value a known property cannot take: 22023
                row("jdbc:tusk://host/db?sslmode=bogus", "", "22023"),
                row("jdbc:tusk://host/db?port=abc", "", "22023"),
                row("jdbc:tusk://host/db?port=70000", "", "22023"),
                row("jdbc:tusk://host/db?connectTimeout=-1", "", "22023"),
                row("jdbc:tusk://host/db?connectTimeout=soon", "", "22023"),
                row("jdbc:tusk://host/db?prepareThreshold=x", "", "22023"),
                row("jdbc:tusk://host/db?prepareThreshold=-2", "", "22023"),
                row("jdbc:tusk://host/db?tcpKeepAlive=maybe", "", "22023"),
                row("jdbc:tusk://host/db?targetServerType=leader", "", "22023"),
                row("jdbc:tusk://h1,h2/db", "PGPORT=1,2,3", "22023"),
                row("jdbc:tusk://host/db?sslNegotiation=direct", "", "22023"),
                row("jdbc:tusk://host/db?sslnegotiation=direct&sslmode=prefer", "", "22023"),
                row("jdbc:tusk://host/db?sslrootcert=system&sslmode=require", "", "22023"),
                row("jdbc:tusk://host/db?protocolVersion=4", "", "22023"),
                row("jdbc:tusk://host/db?maxMessageSize=10", "", "22023"),
                row("postgresql://h/db?ssl=false", "", "22023"),
                row("jdbc:tusk://host/db?socketTimeout=abc", "", "22023"),
                row("jdbc:tusk://host/db?channelBinding=maybe", "", "22023"),
                row("jdbc:tusk://host/db?autosave=sometimes", "", "22023"),
                row("jdbc:tusk://host/db?stringtype=text", "", "22023"),
                row("jdbc:tusk://host/db?ssl=yes%21", "", "22023"),
                row("jdbc:tusk://host/db", "sslmode=on", "22023"),
                // a property Tusk refuses rather than ignores
                row("jdbc:tusk://host/db?service=mydb", "", "0A000"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validUrls")
    void parses(String url, String props, String expected) throws SQLException {
        ConnectionConfig config = ConnectionUrl.parse(url, properties(props), ENV);
        for (String pair : expected.split(" \\| ")) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            assertEquals(pair.substring(eq + 1), describe(config, key), () -> key + " of " + url);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidUrls")
    void refuses(String url, String props, String expected) {
        SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse(url, properties(props), ENV));
        String state = expected.contains("@") ? expected.substring(0, expected.indexOf('@')) : expected;
        assertEquals(state, e.getSQLState(), e::getMessage);
        if (expected.contains("@")) {
            assertTrue(e.getMessage().endsWith("at index " + expected.substring(expected.indexOf('@') + 1)),
                    e.getMessage());
        }
        for (String secret : new String[] {"s3cret", "s3cr", "s3%2"}) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void malformedMessagesNameTheProblem() {
        assertMessage("jdbc:tusk://host:abc/db", "invalid port (expected: a number from 1 to 65535) at index 17");
        assertMessage("jdbc:tusk://::1/db", "in brackets, e.g. [::1]:5432");
        assertMessage("jdbc:tusk://host/d%zzb", "invalid percent-encoding in the database name");
        assertMessage("jdbc:postgresql://alice:s3cret@host/db", "not part of the jdbc:postgresql: syntax");
        assertMessage("jdbc:tusk://host/db?sslmode=bogus",
                "sslmode: \"bogus\" (expected: one of disable, allow, prefer, require, verify-ca, verify-full), from the URL");
        assertMessage("jdbc:tusk://host/db?port=70000", "PGPORT: \"70000\"");
        assertMessage("jdbc:tusk://host/db?connectTimeout=-1", "connectTimeout: \"-1\"");
        assertMessage("jdbc:tusk://host/db?prepareThreshold=x", "prepareThreshold: \"x\" (expected: a whole number from -1");
    }

    @Test
    void passwordNeverAppearsInErrors() {
        // An invalid value of a secret property is shown as <hidden>; here the engine-independent path.
        SQLException e = PropertyValues.invalid(ConnectionProperty.PASSWORD, "hunter2", PropertySource.URL, "x");
        assertFalse(e.getMessage().contains("hunter2"));
        assertTrue(e.getMessage().contains("<hidden>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:tusk://h/db", "jdbc:tusk:", "jdbc:postgresql://h/db", "jdbc:postgresql:db",
            "JDBC:TUSK://h/db", "jdbc:tusk://[::1/db"})
    void acceptsOurJdbcUrls(String url) {
        assertTrue(ConnectionUrl.acceptsURL(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://h/db", "jdbc:pgsql://h/db", "jdbc:postgres://h/db", "postgresql://h/db",
            "jdbc:tusk", "", "tusk://h/db"})
    void leavesOtherUrlsToOtherDrivers(String url) {
        assertFalse(ConnectionUrl.acceptsURL(url));
    }

    @Test
    void nullUrlIsNotAccepted() {
        assertFalse(ConnectionUrl.acceptsURL(null));
    }

    @Test
    void propertiesWithNonStringValuesAreReadAsText() throws SQLException {
        Properties props = new Properties();
        props.put("PGPORT", 6000);
        props.put("tcpKeepAlive", Boolean.TRUE);
        ConnectionConfig config = ConnectionUrl.parse("jdbc:tusk://host/db", props, ENV);
        assertEquals(6000, config.hosts().get(0).port());
        assertTrue(config.tcpKeepAlive());
    }

    @Test
    void propertiesDefaultsAreSeen() throws SQLException {
        Properties defaults = new Properties();
        defaults.setProperty("user", "fromDefaults");
        ConnectionConfig config = ConnectionUrl.parse("jdbc:tusk://host/db", new Properties(defaults), ENV);
        assertEquals("fromDefaults", config.user());
    }

    @Test
    void sourcesAreRecorded() throws SQLException {
        ClientEnvironment env = ClientEnvironment.of(Map.of("PGAPPNAME", "envapp"), "osuser", Path.of("/x"));
        ConnectionConfig config = ConnectionUrl.parse("jdbc:tusk://host/db?sslmode=require", properties("user=bob"), env);
        assertEquals(PropertySource.URL, config.source(ConnectionProperty.SSL_MODE));
        assertEquals(PropertySource.PROPERTIES, config.source(ConnectionProperty.USER));
        assertEquals(PropertySource.ENVIRONMENT, config.source(ConnectionProperty.APPLICATION_NAME));
        assertEquals(PropertySource.DEFAULT, config.source(ConnectionProperty.CONNECT_TIMEOUT));
    }

    @Test
    void propertyInfoListsEveryPropertyWithCurrentValuesButNoSecrets() {
        Properties props = properties("sslmode=require & password=hunter2");
        DriverPropertyInfo[] info = ConnectionUrl.propertyInfo("jdbc:tusk://host:6000/db?connect_timeout=3", props);
        assertEquals(ConnectionProperty.values().length, info.length);
        Map<String, DriverPropertyInfo> byName = Stream.of(info).collect(Collectors.toMap(i -> i.name, i -> i));
        assertEquals("require", byName.get("sslmode").value);
        assertEquals("3", byName.get("connectTimeout").value);
        assertEquals("host", byName.get("PGHOST").value);
        assertEquals("6000", byName.get("PGPORT").value);
        assertEquals("db", byName.get("PGDBNAME").value);
        assertEquals(null, byName.get("password").value);
        assertEquals("5", byName.get("prepareThreshold").value);
        // A malformed URL still yields the list, from the properties alone.
        DriverPropertyInfo[] fromBroken = ConnectionUrl.propertyInfo("jdbc:tusk://[::1/db", props);
        assertEquals(ConnectionProperty.values().length, fromBroken.length);
    }

    @Test
    void repeatedKeyKeepsTheLastValue() throws SQLException {
        Map<ConnectionProperty, String> values = ConnectionUrl.parseUrl("jdbc:tusk://h/db?sslmode=disable&x=1&sslmode=require");
        assertEquals("require", values.get(ConnectionProperty.SSL_MODE));
    }

    static Arguments row(String url, String props, String expected) {
        return Arguments.of(url, props, expected);
    }

    static Properties properties(String spec) {
        Properties p = new Properties();
        if (!spec.isEmpty()) {
            for (String pair : spec.split(" & ")) {
                int eq = pair.indexOf('=');
                p.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return p;
    }

    static String describe(ConnectionConfig config, String key) {
        switch (key) {
            case "hosts":
                return config.hosts().stream().map(HostSpec::toString).collect(Collectors.joining(","));
            case "db":
                return config.database();
            case "user":
                return config.user();
            case "password":
                return String.valueOf(config.raw().get(ConnectionProperty.PASSWORD));
            case "sslmode":
                return config.sslMode().libpqName();
            default:
                ConnectionProperty p = ConnectionProperty.forName(key).orElseThrow(() -> new AssertionError(key));
                return String.valueOf(config.value(p));
        }
    }

    private static void assertMessage(String url, String part) {
        try {
            ConnectionUrl.parse(url, null, ENV);
            fail("no error for " + url);
        } catch (SQLException e) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}

package io.tusk.jdbc;

import io.tusk.ConnectionProperty;
import io.tusk.internal.config.ConnectionUrl;
import io.tusk.internal.error.SqlStates;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} with bean setters, for HikariCP's {@code dataSourceClassName} and for
 * frameworks that configure a DataSource by properties. Either set a URL, or the server names,
 * ports and database; any connection property (docs/configuration.md) can be set with
 * {@link #setProperty}, and the ones pgjdbc's {@code PGSimpleDataSource} has setters for have the
 * same setters here (with its all-lower-case aliases such as {@code setSslmode}), because HikariCP
 * turns each {@code dataSource.<name>} entry into a call of {@code set<Name>} and refuses to start
 * when there is none.
 *
 * <pre>{@code
 * TuskDataSource ds = new TuskDataSource();
 * ds.setServerNames(new String[] {"db1", "db2"});
 * ds.setDatabaseName("shop");
 * ds.setUser("app");
 * ds.setPassword(secret);
 * ds.setSslMode("verify-full");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 */
public class TuskDataSource implements DataSource {
    private String url;
    private String[] serverNames = {"localhost"};
    private int[] portNumbers = {};
    private String databaseName;
    private final Properties properties = new Properties();
    private int loginTimeoutSeconds;
    private PrintWriter logWriter;

    /** An unconfigured data source: localhost, the default port, the user's own database. */
    public TuskDataSource() {
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(properties.getProperty("user"), properties.getProperty("password"));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        if (loginTimeoutSeconds > 0 && !p.containsKey("loginTimeout")) {
            p.setProperty("loginTimeout", String.valueOf(loginTimeoutSeconds));
        }
        String target = getUrl();
        return TuskDriver.open(ConnectionUrl.parse(target, p), target);
    }

    /** The URL connections use: the one set, or one built from server names, ports and database. */
    public String getUrl() {
        if (url != null) {
            return url;
        }
        StringBuilder sb = new StringBuilder("jdbc:tusk://");
        for (int i = 0; i < serverNames.length; i++) {
            String host = serverNames[i];
            sb.append(i == 0 ? "" : ",").append(host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host);
            int port = i < portNumbers.length ? portNumbers[i] : portNumbers.length == 1 ? portNumbers[0] : 0;
            if (port > 0) {
                sb.append(':').append(port);
            }
        }
        sb.append('/');
        if (databaseName != null) {
            sb.append(java.net.URLEncoder.encode(databaseName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    public void setUrl(String url) throws SQLException {
        if (url != null && !ConnectionUrl.acceptsURL(url)) {
            throw new SQLException("url: " + url + " (expected: jdbc:tusk://… or jdbc:postgresql://…)", "08001");
        }
        this.url = url;
    }

    /** pgjdbc's spelling, which HikariCP's {@code dataSource.URL} reaches. */
    public void setURL(String url) throws SQLException {
        setUrl(url);
    }

    public String getURL() {
        return getUrl();
    }

    /** HikariCP spells it {@code jdbcUrl}. */
    public void setJdbcUrl(String url) throws SQLException {
        setUrl(url);
    }

    public String getJdbcUrl() {
        return getUrl();
    }

    /** An empty or missing name means localhost, as in pgjdbc. */
    public void setServerNames(String[] names) {
        String[] copy = names == null || names.length == 0 ? new String[] {"localhost"} : names.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i] == null || copy[i].isBlank() ? "localhost" : copy[i].trim();
        }
        this.serverNames = copy;
    }

    public String[] getServerNames() {
        return serverNames.clone();
    }

    public void setServerName(String name) {
        setServerNames(name == null ? null : name.split(","));
    }

    public String getServerName() {
        return String.join(",", serverNames);
    }

    public void setPortNumbers(int[] ports) {
        this.portNumbers = ports == null ? new int[0] : ports.clone();
    }

    public int[] getPortNumbers() {
        return portNumbers.clone();
    }

    public void setPortNumber(int port) {
        setPortNumbers(port == 0 ? null : new int[] {port});
    }

    public int getPortNumber() {
        return portNumbers.length == 0 ? 0 : portNumbers[0];
    }

    public void setDatabaseName(String name) {
        this.databaseName = name;
    }

    public String getDatabaseName() {
        return databaseName;
    }

    public void setUser(String user) {
        setOrRemove("user", user);
    }

    public String getUser() {
        return properties.getProperty("user");
    }

    public void setPassword(String password) {
        setOrRemove("password", password);
    }

    public String getPassword() {
        return properties.getProperty("password");
    }

    /** Any connection property by its name or alias, e.g. {@code setProperty("sslmode", "require")}. */
    public void setProperty(String name, String value) throws SQLException {
        ConnectionProperty p = ConnectionProperty.forName(name).orElseThrow(() -> new SQLException(
                "connection property: " + name + " (expected: one of docs/configuration.md)", SqlStates.INVALID_PARAMETER_VALUE));
        setOrRemove(p.canonicalName(), value);
    }

    public String getProperty(String name) {
        return ConnectionProperty.forName(name).map(p -> properties.getProperty(p.canonicalName())).orElse(null);
    }

    // ---- one setter per connection property, named as in pgjdbc's data sources ----

    public void setSslMode(String mode) throws SQLException {
        setProperty("sslmode", mode);
    }

    public void setSsl(boolean ssl) throws SQLException {
        setProperty("ssl", String.valueOf(ssl));
    }

    public void setSslRootCert(String file) throws SQLException {
        setProperty("sslrootcert", file);
    }

    public void setSslCert(String file) throws SQLException {
        setProperty("sslcert", file);
    }

    public void setSslKey(String file) throws SQLException {
        setProperty("sslkey", file);
    }

    public void setSslPassword(String passPhrase) throws SQLException {
        setProperty("sslpassword", passPhrase);
    }

    public void setSslNegotiation(String negotiation) throws SQLException {
        setProperty("sslNegotiation", negotiation);
    }

    public void setChannelBinding(String channelBinding) throws SQLException {
        setProperty("channelBinding", channelBinding);
    }

    public void setOptions(String options) throws SQLException {
        setProperty("options", options);
    }

    public void setApplicationName(String name) throws SQLException {
        setProperty("ApplicationName", name);
    }

    public void setCurrentSchema(String schema) throws SQLException {
        setProperty("currentSchema", schema);
    }

    public void setConnectTimeout(int seconds) throws SQLException {
        setProperty("connectTimeout", String.valueOf(seconds));
    }

    public void setSocketTimeout(int seconds) throws SQLException {
        setProperty("socketTimeout", String.valueOf(seconds));
    }

    public void setCancelSignalTimeout(int seconds) throws SQLException {
        setProperty("cancelSignalTimeout", String.valueOf(seconds));
    }

    public void setTcpKeepAlive(boolean on) throws SQLException {
        setProperty("tcpKeepAlive", String.valueOf(on));
    }

    public void setPrepareThreshold(int count) throws SQLException {
        setProperty("prepareThreshold", String.valueOf(count));
    }

    public void setPreparedStatementCacheQueries(int count) throws SQLException {
        setProperty("preparedStatementCacheQueries", String.valueOf(count));
    }

    public void setPreparedStatementCacheSizeMiB(int mebibytes) throws SQLException {
        setProperty("preparedStatementCacheSizeMiB", String.valueOf(mebibytes));
    }

    public void setDefaultRowFetchSize(int rows) throws SQLException {
        setProperty("defaultRowFetchSize", String.valueOf(rows));
    }

    public void setBinaryTransfer(boolean on) throws SQLException {
        setProperty("binaryTransfer", String.valueOf(on));
    }

    public void setStringType(String type) throws SQLException {
        setProperty("stringtype", type);
    }

    /** {@code never}, {@code always} or {@code conservative} (pgjdbc takes its AutoSave enum here). */
    public void setAutosave(String autosave) throws SQLException {
        setProperty("autosave", autosave);
    }

    /** {@code 3.0}, {@code 3.2}, {@code 3} or {@code latest} (pgjdbc takes an int here). */
    public void setProtocolVersion(String version) throws SQLException {
        setProperty("protocolVersion", version);
    }

    public void setAssumeMinServerVersion(String version) throws SQLException {
        setProperty("assumeMinServerVersion", version);
    }

    public void setLogUnclosedConnections(boolean on) throws SQLException {
        setProperty("logUnclosedConnections", String.valueOf(on));
    }

    public void setReWriteBatchedInserts(boolean on) throws SQLException {
        setProperty("reWriteBatchedInserts", String.valueOf(on));
    }

    public void setReadOnly(boolean readOnly) throws SQLException {
        setProperty("readOnly", String.valueOf(readOnly));
    }

    public void setTargetServerType(String type) throws SQLException {
        setProperty("targetServerType", type);
    }

    /** {@code select} (the default), {@code callIfNoReturn} or {@code call}: how {@code {call ...}} escapes are sent. */
    public void setEscapeSyntaxCallMode(String mode) throws SQLException {
        setProperty("escapeSyntaxCallMode", mode);
    }

    public String getEscapeSyntaxCallMode() {
        String mode = getProperty("escapeSyntaxCallMode");
        return mode != null ? mode : ConnectionProperty.ESCAPE_SYNTAX_CALL_MODE.defaultValue();
    }

    public void setLoadBalanceHosts(boolean on) throws SQLException {
        setProperty("loadBalanceHosts", String.valueOf(on));
    }

    public void setHostRecheckSeconds(int seconds) throws SQLException {
        setProperty("hostRecheckSeconds", String.valueOf(seconds));
    }

    // pgjdbc's lower-case aliases, so that HikariCP's dataSource.sslmode (as the URL spells it) works

    public void setSslmode(String mode) throws SQLException {
        setSslMode(mode);
    }

    public void setSslrootcert(String file) throws SQLException {
        setSslRootCert(file);
    }

    public void setSslcert(String file) throws SQLException {
        setSslCert(file);
    }

    public void setSslkey(String file) throws SQLException {
        setSslKey(file);
    }

    public void setSslpassword(String passPhrase) throws SQLException {
        setSslPassword(passPhrase);
    }

    private void setOrRemove(String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out; // kept as JDBC asks; Tusk logs through slf4j
    }

    /**
     * Limit in seconds for the whole connect of {@link #getConnection()}: every host, TLS and
     * authentication. When it runs out the call fails with SQLSTATE 08001 (an
     * {@link java.sql.SQLTimeoutException}). A {@code loginTimeout} set with {@link #setProperty} or in
     * the URL takes precedence; 0 (the default) leaves DriverManager's login timeout in force.
     * HikariCP sets this to its {@code connectionTimeout}.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Tusk logs through slf4j, not java.util.logging", "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("cannot unwrap to " + iface.getName(), SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

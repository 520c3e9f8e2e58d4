package io.tusk.jdbc;

import io.tusk.AsyncConnection;
import io.tusk.ServerError;
import io.tusk.internal.config.ConnectionConfig;
import io.tusk.internal.config.ConnectionUrl;
import io.tusk.internal.session.Session;
import io.tusk.internal.session.Sessions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * The JDBC driver. Accepts {@code jdbc:tusk://host[:port][,host2[:port2]]/database?prop=value} and,
 * so that existing configurations work unchanged, pgjdbc's {@code jdbc:postgresql://…} with
 * pgjdbc's property names (docs/configuration.md).
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost/shop", "app", secret)) {
 *     ...
 * }
 * }</pre>
 *
 * Registered with {@link DriverManager} when the class loads, and through
 * {@code META-INF/services/java.sql.Driver}.
 */
public final class TuskDriver implements Driver {
    static final int MAJOR = 0;
    static final int MINOR = 1;
    /** Server notices kept for getWarnings before old ones are dropped, so a chatty server cannot fill memory. */
    private static final int MAX_PENDING_NOTICES = 1000;

    static {
        try {
            DriverManager.registerDriver(new TuskDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One instance registers itself when the class loads; tools may create more (HikariCP's driverClassName). */
    public TuskDriver() {
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null) {
            throw new SQLException("url: null (expected: jdbc:tusk://… or jdbc:postgresql://…)", "08001");
        }
        if (!acceptsURL(url)) {
            return null; // DriverManager then asks the next driver
        }
        ConnectionConfig config = ConnectionUrl.parse(url, info == null ? new Properties() : info);
        return open(config, url);
    }

    static JdbcConnection open(ConnectionConfig config, String url) throws SQLException {
        ConcurrentLinkedQueue<ServerError> notices = new ConcurrentLinkedQueue<>();
        Session session = Sessions.openBlocking(config, notice -> {
            if (notices.size() >= MAX_PENDING_NOTICES) {
                notices.poll();
            }
            notices.add(notice);
        }, loginTimeout(config));
        JdbcConnection connection = new JdbcConnection(new AsyncConnection(session), url, config.user(), notices,
                config.defaultRowFetchSize(), config.escapeSyntaxCallMode(), config.socketTimeout());
        if (config.readOnly()) {
            connection.setReadOnly(true);
        }
        return connection;
    }

    /**
     * The {@code loginTimeout} property, or when it is not given (or 0) DriverManager's login timeout,
     * as pgjdbc does; both bound the whole connect, every host included.
     */
    private static Duration loginTimeout(ConnectionConfig config) {
        Duration given = config.loginTimeout();
        return given.isZero() ? Duration.ofSeconds(Math.max(0, DriverManager.getLoginTimeout())) : given;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && ConnectionUrl.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return ConnectionUrl.propertyInfo(url, info == null ? new Properties() : info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    /** False, as for pgjdbc: PostgreSQL does not pass every test of the JDBC compliance kit. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Tusk logs through slf4j, not java.util.logging", "0A000");
    }
}

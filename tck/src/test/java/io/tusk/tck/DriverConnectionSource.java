package io.tusk.tck;

import io.tusk.testing.PgServer;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A {@link ConnectionSource} that instantiates a {@link Driver} class by name (from the test class path, or
 * from the given jars only)
 * and calls {@link Driver#connect} with a URL template whose {@code {host}}, {@code {port}} and
 * {@code {database}} are filled in from the test server ({@link PgServer#get()}), as the server's superuser.
 */
final class DriverConnectionSource implements ConnectionSource {

    private final String name;
    private final String driverClass;
    private final String urlTemplate;
    private final String driverJars;
    private volatile Driver driver;

    DriverConnectionSource(String name, String driverClass, String urlTemplate, String driverJars) {
        this.name = name;
        this.driverClass = driverClass;
        this.urlTemplate = urlTemplate;
        this.driverJars = driverJars;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Driver driver() throws SQLException {
        Driver d = driver;
        if (d == null) {
            synchronized (this) {
                if (driver == null) {
                    driver = instantiate();
                }
                d = driver;
            }
        }
        return d;
    }

    @Override
    public String url() {
        return urlFor(PgServer.get().database());
    }

    @Override
    public Connection open(Properties overrides) throws SQLException {
        return connect(url(), overrides);
    }

    @Override
    public Connection openWithUrlParameters(String parameters, Properties overrides) throws SQLException {
        String url = url();
        return connect(url + (url.contains("?") ? "&" : "?") + parameters, overrides);
    }

    @Override
    public Connection openDatabase(String database) throws SQLException {
        return connect(urlFor(database), new Properties());
    }

    @Override
    public String toString() {
        return name + " (" + driverClass + ", " + urlTemplate + ")";
    }

    private String urlFor(String database) {
        PgServer server = PgServer.get();
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        return urlTemplate.replace("{host}", host)
            .replace("{port}", String.valueOf(server.port()))
            .replace("{database}", database);
    }

    private Connection connect(String url, Properties overrides) throws SQLException {
        PgServer server = PgServer.get();
        Properties props = new Properties();
        props.setProperty("user", server.superUser());
        if (server.superPassword() != null) {
            props.setProperty("password", server.superPassword());
        }
        props.putAll(overrides);
        Connection connection = driver().connect(url, props);
        if (connection == null) {
            throw new SQLException(driverClass + " does not accept the URL " + url, "08001");
        }
        ConnectionSources.recordFirstConnection(name, () -> describe(connection));
        return connection;
    }

    private List<String> describe(Connection connection) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        return List.of(driverClass, md.getDriverName() + " " + md.getDriverVersion(),
                md.getDatabaseProductName() + " " + md.getDatabaseProductVersion(), urlTemplate);
    }

    private Driver instantiate() throws SQLException {
        try {
            ClassLoader loader = getClass().getClassLoader();
            if (driverJars != null && !driverJars.isBlank()) {
                // The jars alone (and the JDK): a driver that is also on the test class path (another version of
                // pgjdbc, say) is loaded from the jars given, not from the TCK's own dependencies.
                List<URL> urls = new ArrayList<>();
                for (String jar : driverJars.split(java.io.File.pathSeparator)) {
                    if (!jar.isBlank()) {
                        urls.add(Path.of(jar.trim()).toUri().toURL());
                    }
                }
                loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            }
            Class<?> type = Class.forName(driverClass, true, loader);
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (MalformedURLException | ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("Cannot instantiate the driver " + driverClass
                    + (driverJars == null || driverJars.isBlank() ? "" : " from " + driverJars) + ": " + e, "08001", e);
        }
    }
}

package io.tusk.tck;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection sources the binding subclasses use, configured by system properties (passed through by
 * tck/pom.xml):
 *
 * <ul>
 *   <li>{@link #tusk()}: {@code io.tusk.jdbc.TuskDriver}, URL {@code tck.tusk.url}
 *       (default {@code jdbc:tusk://{host}:{port}/{database}});</li>
 *   <li>{@link #pgjdbc()}: {@code org.postgresql.Driver}, URL {@code tck.pgjdbc.url}
 *       (default {@code jdbc:postgresql://{host}:{port}/{database}});</li>
 *   <li>{@link #custom()}: driver class {@code tck.driver}, URL {@code tck.url}, jars {@code tck.driverJar}
 *       (path-separator list, optional when the driver is already on the class path), report name
 *       {@code tck.name} (default "custom").</li>
 * </ul>
 */
public final class ConnectionSources {

    private static final Map<String, List<String>> DESCRIPTIONS = new TreeMap<>();

    private static final ConnectionSource TUSK = new DriverConnectionSource("tusk", "io.tusk.jdbc.TuskDriver",
            setting("tck.tusk.url", "jdbc:tusk://{host}:{port}/{database}"), null);
    private static final ConnectionSource PGJDBC = new DriverConnectionSource("pgjdbc", "org.postgresql.Driver",
            setting("tck.pgjdbc.url", "jdbc:postgresql://{host}:{port}/{database}"), null);
    private static volatile ConnectionSource custom;

    private ConnectionSources() {
    }

    /** Tusk, the driver under test. */
    public static ConnectionSource tusk() {
        return TUSK;
    }

    /** pgjdbc, the reference. */
    public static ConnectionSource pgjdbc() {
        return PGJDBC;
    }

    /** The driver named by {@code tck.driver}; the custom bindings only run when it is set. */
    public static ConnectionSource custom() {
        ConnectionSource source = custom;
        if (source == null) {
            String driver = setting("tck.driver", null);
            String url = setting("tck.url", null);
            if (driver == null || url == null) {
                throw new IllegalStateException("-Dtck.driver and -Dtck.url name the driver to test (README.md)");
            }
            source = new DriverConnectionSource(customName(), driver, url, setting("tck.driverJar", null));
            custom = source;
        }
        return source;
    }

    /** The report name of the custom driver. */
    public static String customName() {
        return setting("tck.name", "custom");
    }

    /**
     * What a source connected to the first time (driver class, driver name and version, server, URL
     * template), for the report; keyed by source name.
     */
    public static synchronized Map<String, List<String>> descriptions() {
        return new TreeMap<>(DESCRIPTIONS);
    }

    interface Description {
        List<String> get() throws SQLException;
    }

    static void recordFirstConnection(String name, Description description) {
        synchronized (ConnectionSources.class) {
            if (DESCRIPTIONS.containsKey(name)) {
                return;
            }
        }
        List<String> text;
        try {
            text = description.get();
        } catch (SQLException | RuntimeException e) {
            text = List.of("(" + e + ")");
        }
        synchronized (ConnectionSources.class) {
            DESCRIPTIONS.putIfAbsent(name, text);
        }
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

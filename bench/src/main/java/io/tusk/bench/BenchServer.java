package io.tusk.bench;

import io.tusk.jdbc.TuskDriver;
import io.tusk.testing.PgServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL server of one benchmark JVM (the test harness's {@link PgServer}, started once per fork) and
 * the connections of the drivers under test.
 *
 * <p>Connections are opened by instantiating each driver class directly: both Tusk and pgjdbc accept
 * {@code jdbc:postgresql:}, so going through {@code DriverManager} could silently measure the wrong one.
 */
final class BenchServer {

    /** The JDBC drivers a benchmark can be parameterized with. */
    static final String TUSK = "tusk";
    static final String PGJDBC = "pgjdbc";
    /** pgjdbc with {@code reWriteBatchedInserts=true}: its batch tuning, shown for reference only. */
    static final String PGJDBC_REWRITE = "pgjdbc_rewrite";
    static final String VERTX = "vertx";

    /** Versions the jar was built with (Maven resource filtering). */
    static final Properties BUILD = loadBuildProperties();

    private BenchServer() {
    }

    /** Starts (once per JVM) the server and records its version for the report. */
    static synchronized PgServer server() {
        if (System.getProperty("tusk.test.pg") == null) {
            // In the uber-jar the binaries' jar name is gone; the harness then keys its unpack cache by this.
            System.setProperty("tusk.test.pg", BUILD.getProperty("tusk.test.pg", "unknown"));
        }
        PgServer server = PgServer.get();
        writeInfo(server);
        return server;
    }

    /** Runs statements as the superuser over the harness's own client (independent of the drivers measured). */
    static void admin(PgServer server, String... statements) {
        for (String sql : statements) {
            server.adminQuery(sql);
        }
    }

    /** One value from the harness's client. */
    static String adminValue(PgServer server, String sql) {
        List<List<String>> rows = server.adminQuery(sql);
        return rows.get(0).get(0);
    }

    /** A JDBC connection of the named driver ({@link #TUSK}, {@link #PGJDBC}, {@link #PGJDBC_REWRITE}). */
    static Connection connect(String driver, PgServer server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.superUser());
        if (server.superPassword() != null) {
            properties.setProperty("password", server.superPassword());
        }
        properties.setProperty("sslmode", "disable");
        String address = "//" + server.host() + ":" + server.port() + "/" + server.database();
        Driver jdbc;
        String url;
        switch (driver) {
            case TUSK -> {
                jdbc = new TuskDriver();
                url = "jdbc:tusk:" + address;
            }
            case PGJDBC -> {
                jdbc = new org.postgresql.Driver();
                url = "jdbc:postgresql:" + address;
            }
            case PGJDBC_REWRITE -> {
                jdbc = new org.postgresql.Driver();
                url = "jdbc:postgresql:" + address;
                properties.setProperty("reWriteBatchedInserts", "true");
            }
            default -> throw new IllegalArgumentException("Not a JDBC driver of this benchmark: " + driver);
        }
        Connection connection = jdbc.connect(url, properties);
        if (connection == null) {
            throw new SQLException(jdbc.getClass().getName() + " did not accept " + url);
        }
        String actual = connection.getClass().getName();
        boolean expected = driver.equals(TUSK) ? actual.startsWith("io.tusk.") : actual.startsWith("org.postgresql.");
        if (!expected) {
            throw new IllegalStateException("Driver " + driver + " produced a " + actual);
        }
        return connection;
    }

    /** Where run.sh wants the server description ({@code TUSK_BENCH_INFO}); every fork rewrites it. */
    private static void writeInfo(PgServer server) {
        String target = System.getenv("TUSK_BENCH_INFO");
        if (target == null || target.isBlank()) {
            return;
        }
        String info = String.join("\n",
                "server_version=" + server.serverVersion(),
                "server=" + server,
                "tusk.version=" + BUILD.getProperty("tusk.version"),
                "pgjdbc.version=" + BUILD.getProperty("pgjdbc.version"),
                "vertx.version=" + BUILD.getProperty("vertx.version"),
                "jmh.version=" + BUILD.getProperty("jmh.version"),
                "");
        try {
            Path path = Path.of(target);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, info, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties loadBuildProperties() {
        Properties properties = new Properties();
        try (InputStream in = BenchServer.class.getResourceAsStream("/tusk-bench.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

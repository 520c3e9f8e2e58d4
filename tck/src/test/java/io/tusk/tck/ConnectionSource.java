package io.tusk.tck;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a TCK test gets its connections: one driver, one URL. A binding subclass of an {@code <Area>TckBase}
 * returns one of these from {@code source()}; {@link ConnectionSources} makes the built-in ones.
 *
 * <p>Connections are opened through the {@link Driver} instance directly, never through
 * {@link java.sql.DriverManager}: Tusk and pgjdbc both accept {@code jdbc:postgresql:} URLs, so
 * DriverManager would pick whichever registered first.
 */
public interface ConnectionSource {

    /** The short name of the driver under test, as in REPORT.md's columns ("tusk", "pgjdbc", …). */
    String name();

    /** The driver instance the connections come from. */
    Driver driver() throws SQLException;

    /** The URL connections are opened with (placeholders already filled in). */
    String url();

    /**
     * Opens a connection as the test user, with {@code overrides} added to (or replacing) the source's own
     * properties ({@code user}, {@code password}).
     */
    Connection open(Properties overrides) throws SQLException;

    /**
     * Opens a connection whose URL carries {@code parameters} ({@code "a=1&b=2"}, appended with {@code ?} or
     * {@code &}) and with {@code overrides} as in {@link #open(Properties)}.
     */
    Connection openWithUrlParameters(String parameters, Properties overrides) throws SQLException;

    /** Opens a connection to another database of the same server, as the test user. */
    Connection openDatabase(String database) throws SQLException;

    /** Opens a connection as the test user. */
    default Connection open() throws SQLException {
        return open(new Properties());
    }
}

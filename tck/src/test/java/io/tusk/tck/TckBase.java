package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What every {@code <Area>TckBase} shares: a fresh connection per test ({@link #conn}, from {@link #source()}),
 * extra connections and objects that are closed or dropped after the test, and small assertion helpers.
 *
 * <p>Rules for TCK tests: use only java.sql / javax.sql; isolate with temporary tables ({@link #tempTable})
 * or uniquely named objects ({@link #sharedTable}); bound every wait; where JDBC leaves a behaviour to the
 * implementation, assert only what the specification requires and say so in a comment.
 */
public abstract class TckBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The connection of the current test (auto-commit, as opened). */
    protected Connection conn;

    private final Deque<AutoCloseable> closeAfter = new ArrayDeque<>();
    private final List<String> dropAfter = new ArrayList<>();

    /** The driver and URL this binding tests. */
    protected abstract ConnectionSource source();

    @BeforeEach
    final void openTckConnection() throws SQLException {
        conn = source().open();
    }

    @AfterEach
    final void closeTckResources() throws Exception {
        Exception first = null;
        while (!closeAfter.isEmpty()) {
            try {
                closeAfter.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        // Dropped by the harness's own client, so a broken driver cannot leave objects behind.
        for (String drop : dropAfter) {
            PgServer.get().adminQuery(drop);
        }
        if (first != null) {
            throw first;
        }
    }

    // ------------------------------------------------------------------------------------------ resources

    /** Another connection of the same source, closed after the test. */
    protected Connection openConnection() throws SQLException {
        return closeLater(source().open());
    }

    /** Another connection with extra properties, closed after the test. */
    protected Connection openConnection(Properties overrides) throws SQLException {
        return closeLater(source().open(overrides));
    }

    /** Closes {@code resource} after the test (before the test's connection). */
    protected <T extends AutoCloseable> T closeLater(T resource) {
        closeAfter.push(resource);
        return resource;
    }

    /** A name no other test uses: {@code prefix_<n>_<random>} in lower case. */
    protected static String uniqueName(String prefix) {
        return (prefix + "_" + NAMES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    }

    /** Creates a temporary table (visible only to {@link #conn}) and returns its name. */
    protected String tempTable(String columns) throws SQLException {
        String name = uniqueName("tck_tmp");
        execute("CREATE TEMPORARY TABLE " + name + " (" + columns + ")");
        return name;
    }

    /** Creates an ordinary table (visible to other connections) that is dropped after the test. */
    protected String sharedTable(String columns) throws SQLException {
        String name = uniqueName("tck_tab");
        dropAfter.add("DROP TABLE IF EXISTS " + name + " CASCADE");
        try (Connection c = source().open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (" + columns + ")");
        }
        return name;
    }

    /** Drops {@code objectType name} with the harness's client after the test ("SCHEMA x CASCADE" …). */
    protected void dropLater(String objectTypeAndName) {
        dropAfter.add("DROP " + objectTypeAndName);
    }

    // ------------------------------------------------------------------------------------------- queries

    /** Executes SQL on {@link #conn} with a plain Statement. */
    protected void execute(String sql) throws SQLException {
        execute(conn, sql);
    }

    protected static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the only row of a query on {@link #conn}, by {@code getObject}. */
    protected Object scalar(String sql) throws SQLException {
        return scalar(conn, sql);
    }

    protected static Object scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                fail("no row from " + sql);
            }
            Object value = rs.getObject(1);
            if (rs.next()) {
                fail("more than one row from " + sql);
            }
            return value;
        }
    }

    /** The first column of the only row of a query, by {@code getString}. */
    protected String scalarString(String sql) throws SQLException {
        return scalarString(conn, sql);
    }

    protected static String scalarString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                fail("no row from " + sql);
            }
            return rs.getString(1);
        }
    }

    /** The first column of the only row of a query, by {@code getLong}. */
    protected static long scalarLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                fail("no row from " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** The number of rows of a table, seen by {@code c}. */
    protected static long count(Connection c, String table) throws SQLException {
        return scalarLong(c, "SELECT count(*) FROM " + table);
    }

    /** The number of rows of a table, seen by {@link #conn}. */
    protected long count(String table) throws SQLException {
        return count(conn, table);
    }

    /** Runs {@code sql} with a plain statement (closed after the test), positioned on the first row. */
    protected ResultSet firstRow(String sql) throws SQLException {
        Statement s = closeLater(conn.createStatement());
        ResultSet rs = s.executeQuery(sql);
        if (!rs.next()) {
            fail("no row from " + sql);
        }
        return rs;
    }

    /** Runs a query with the parameters set by {@code setter} and returns the first column of its first row as text. */
    protected String queryString(String sql, ParameterSetter setter) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            setter.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    fail("no row from " + sql);
                }
                return rs.getString(1);
            }
        }
    }

    /** Sets the parameters of a PreparedStatement. */
    @FunctionalInterface
    protected interface ParameterSetter {
        void set(PreparedStatement ps) throws SQLException;
    }

    // ---------------------------------------------------------------------------------------- assertions

    /** Asserts that {@code action} throws an SQLException and returns it. */
    protected static SQLException assertSqlException(Executable action) {
        return assertThrows(SQLException.class, action);
    }

    /** Asserts that {@code action} throws an SQLException with this SQLSTATE (on it or its chain). */
    protected static SQLException assertSqlState(String sqlState, Executable action) {
        SQLException e = assertThrows(SQLException.class, action);
        assertEquals(sqlState, sqlStateIn(e, sqlState), () -> "SQLSTATE of " + e);
        return e;
    }

    /** Asserts that {@code action} throws an SQLException whose SQLSTATE is of this class (two characters). */
    protected static SQLException assertSqlStateClass(String stateClass, Executable action) {
        SQLException e = assertThrows(SQLException.class, action);
        String state = e.getSQLState();
        assertEquals(stateClass, state == null || state.length() < 2 ? state : state.substring(0, 2),
            () -> "SQLSTATE class of " + e + " (SQLSTATE " + state + ")");
        return e;
    }

    /**
     * The SQLSTATE of {@code e}, or the first one in its chain ({@code getNextException}, causes) equal to
     * {@code wanted}: a driver may wrap the server's error, as in a BatchUpdateException.
     */
    protected static String sqlStateIn(SQLException e, String wanted) {
        List<Throwable> seen = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && seen.size() < 20) {
            Throwable t = todo.poll();
            if (seen.contains(t)) {
                continue;
            }
            seen.add(t);
            if (t instanceof SQLException sql) {
                if (wanted.equals(sql.getSQLState())) {
                    return wanted;
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return e.getSQLState();
    }

    /** Whether the connection still answers a query (after an error, a cancel, a timeout …). */
    protected static void assertUsable(Connection c) throws SQLException {
        assertEquals(42, ((Number) scalar(c, "SELECT 42")).intValue(), "the connection answers again");
    }
}

package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors: the SQLSTATE of the common server errors (as SQLException.getSQLState), the SQLException subclass
 * JDBC 4.3 assigns to each SQLSTATE class, messages, and warnings (SQLWarning chains from notices).
 */
public abstract class ErrorsTckBase extends TckBase {

    private String fkTables() throws SQLException {
        String parent = tempTable("id int PRIMARY KEY");
        String child = tempTable("parent_id int REFERENCES " + parent + " (id)");
        return child;
    }

    // ------------------------------------------------------------------------------------- SQLSTATEs

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "42601|syntax error|SELEC 1",
        "42P01|undefined table|SELECT * FROM tck_no_such_table",
        "42703|undefined column|SELECT tck_no_such_column FROM pg_class",
        "42883|undefined function|SELECT tck_no_such_function(1)",
        "22012|division by zero|SELECT 1/0",
        "22003|numeric out of range|SELECT 2147483647::int4 + 1",
        "22P02|invalid text representation|SELECT 'abc'::int4",
        "22008|datetime field overflow|SELECT '2024-13-01'::timestamp",
        "22007|invalid datetime format|SELECT 'not a date'::date",
        "42804|datatype mismatch|SELECT 1 WHERE 1",
        "3F000|invalid schema name|CREATE TABLE tck_no_such_schema.t (v int)",
        "2201E|invalid argument for logarithm|SELECT ln(0)",
        "22023|invalid parameter value|SELECT generate_series(1, 10, 0)",
        "0A000|feature not supported|SELECT DISTINCT 1 FROM pg_class FOR UPDATE",
        "P0001|raise exception|DO $$BEGIN RAISE EXCEPTION 'tck raised'; END$$"})
    void serverErrorSqlState(String sqlState, String what, String sql) {
        assertSqlState(sqlState, () -> execute(sql));
    }

    @Test
    void uniqueViolation23505() throws SQLException {
        String table = tempTable("v int PRIMARY KEY");
        execute("INSERT INTO " + table + " VALUES (1)");
        assertSqlState("23505", () -> execute("INSERT INTO " + table + " VALUES (1)"));
    }

    @Test
    void notNullViolation23502() throws SQLException {
        String table = tempTable("v int NOT NULL");
        assertSqlState("23502", () -> execute("INSERT INTO " + table + " VALUES (NULL)"));
    }

    @Test
    void foreignKeyViolation23503() throws SQLException {
        String child = fkTables();
        assertSqlState("23503", () -> execute("INSERT INTO " + child + " VALUES (99)"));
    }

    @Test
    void checkViolation23514() throws SQLException {
        String table = tempTable("v int CHECK (v > 0)");
        assertSqlState("23514", () -> execute("INSERT INTO " + table + " VALUES (-1)"));
    }

    @Test
    void stringTooLong22001() throws SQLException {
        String table = tempTable("v varchar(3)");
        assertSqlState("22001", () -> execute("INSERT INTO " + table + " VALUES ('abcdef')"));
    }

    @Test
    void duplicateTable42P07() throws SQLException {
        String table = tempTable("v int");
        assertSqlState("42P07", () -> execute("CREATE TEMPORARY TABLE " + table + " (v int)"));
    }

    @Test
    void insufficientPrivilege42501() throws SQLException {
        execute("SET ROLE pg_monitor");
        try {
            assertSqlState("42501", () -> execute("SELECT count(*) FROM pg_authid"));
        } finally {
            execute("RESET ROLE");
        }
    }

    @Test
    void customSqlStateFromRaise() {
        assertSqlState("TCK01", () -> execute("DO $$BEGIN RAISE EXCEPTION 'custom' USING ERRCODE = 'TCK01'; END$$"));
    }

    @Test
    void lockNotAvailable55P03() throws SQLException {
        String table = sharedTable("id int");
        execute("INSERT INTO " + table + " VALUES (1)");
        Connection other = openConnection();
        conn.setAutoCommit(false);
        execute("SELECT * FROM " + table + " FOR UPDATE");
        assertSqlState("55P03", () -> execute(other, "SELECT * FROM " + table + " FOR UPDATE NOWAIT"));
        conn.rollback();
    }

    @Test
    void statementTimeoutIsQueryCanceled57014() throws SQLException {
        execute("SET statement_timeout = 100");
        assertSqlState("57014", () -> execute("SELECT pg_sleep(5)"));
        execute("RESET statement_timeout");
        assertUsable(conn);
    }

    @Test
    void deadlockDetected40P01() throws Exception {
        String table = sharedTable("id int PRIMARY KEY, v int");
        execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
        Connection other = openConnection();
        for (Connection c : new Connection[] {conn, other}) {
            c.setAutoCommit(false);
            execute(c, "SET deadlock_timeout = '100ms'");
        }
        execute(conn, "UPDATE " + table + " SET v = 1 WHERE id = 1");
        execute(other, "UPDATE " + table + " SET v = 1 WHERE id = 2");
        long otherPid = scalarLong(other, "SELECT pg_backend_pid()");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SQLException> blocked = executor.submit(() -> {
                try {
                    execute(other, "UPDATE " + table + " SET v = 2 WHERE id = 1");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            waitUntilBlocked(otherPid);
            SQLException mine = null;
            try {
                execute(conn, "UPDATE " + table + " SET v = 2 WHERE id = 2");
            } catch (SQLException e) {
                mine = e;
            }
            if (mine != null) {
                conn.rollback(); // frees the other transaction's wait
            }
            SQLException theirs = blocked.get(20, TimeUnit.SECONDS);
            SQLException deadlock = mine != null ? mine : theirs;
            assertNotNull(deadlock, "one of the two transactions is chosen as the deadlock victim");
            assertTrue(mine == null || theirs == null, "only one victim");
            assertEquals("40P01", deadlock.getSQLState());
        } finally {
            executor.shutdownNow();
            conn.rollback();
            other.rollback();
        }
    }

    /** Waits (bounded) until the backend {@code pid} waits for a lock. */
    private void waitUntilBlocked(long pid) throws Exception {
        Connection watcher = openConnection();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scalarLong(watcher, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = "
            + pid) == 0) {
            assertTrue(System.nanoTime() < deadline, "the other transaction never waited for the lock");
            Thread.sleep(10);
        }
    }

    @Test
    void errorMessageCarriesServerMessage() {
        SQLException e = assertSqlException(() -> execute("SELECT 1/0"));
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    }

    @Test
    void errorInPreparedStatementHasSqlState() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 10 / CAST(? AS int4)")) {
            ps.setInt(1, 0);
            assertSqlState("22012", ps::executeQuery);
            ps.setInt(1, 5);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void connectionUsableAfterManyErrors() throws SQLException {
        for (int i = 0; i < 20; i++) {
            assertSqlException(() -> execute("SELECT 1/0"));
        }
        assertUsable(conn);
    }

    // --------------------------------------------------------------------------- exception subclasses

    @Test
    void integrityViolationIsSQLIntegrityConstraintViolationException() throws SQLException {
        // JDBC 4.3 table 8-1 / SQLException subclasses: SQLSTATE class 23.
        String table = tempTable("v int PRIMARY KEY");
        execute("INSERT INTO " + table + " VALUES (1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class,
            assertSqlException(() -> execute("INSERT INTO " + table + " VALUES (1)")));
    }

    @Test
    void syntaxErrorIsSQLSyntaxErrorException() {
        // SQLSTATE class 42.
        assertInstanceOf(SQLSyntaxErrorException.class, assertSqlException(() -> execute("SELEC 1")));
    }

    @Test
    void undefinedTableIsSQLSyntaxErrorException() {
        assertInstanceOf(SQLSyntaxErrorException.class, assertSqlException(() -> execute("SELECT * FROM tck_nope")));
    }

    @Test
    void dataErrorIsSQLDataException() {
        // SQLSTATE class 22.
        assertInstanceOf(SQLDataException.class, assertSqlException(() -> execute("SELECT 1/0")));
    }

    @Test
    void deadlockOrSerializationIsSQLTransactionRollbackException() {
        // SQLSTATE class 40; raised here directly so the test needs no concurrency.
        assertInstanceOf(SQLTransactionRollbackException.class, assertSqlException(() ->
            execute("DO $$BEGIN RAISE EXCEPTION 'tck' USING ERRCODE = 'serialization_failure'; END$$")));
    }

    @Test
    void featureNotSupportedIsSQLFeatureNotSupportedException() {
        // SQLSTATE class 0A.
        assertInstanceOf(SQLFeatureNotSupportedException.class, assertSqlException(() ->
            execute("DO $$BEGIN RAISE EXCEPTION 'tck' USING ERRCODE = 'feature_not_supported'; END$$")));
    }

    @Test
    void closedConnectionErrorIsSQLNonTransientConnectionException() throws SQLException {
        // SQLSTATE class 08 (08003 connection does not exist).
        conn.close();
        assertInstanceOf(SQLNonTransientConnectionException.class, assertSqlException(conn::createStatement));
    }

    @Test
    void authenticationFailureIsSQLInvalidAuthorizationSpecException() {
        // SQLSTATE class 28.
        Properties props = new Properties();
        props.setProperty("user", io.tusk.testing.PgServer.SCRAM_USER);
        props.setProperty("password", "wrong");
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, assertSqlException(() -> openConnection(props)));
    }

    // ------------------------------------------------------------------------------------- warnings

    @Test
    void noticeBecomesStatementWarning() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE NOTICE 'tck notice'; END$$");
            SQLWarning warning = s.getWarnings();
            assertNotNull(warning);
            assertTrue(warning.getMessage().contains("tck notice"), warning.getMessage());
        }
    }

    @Test
    void warningHasItsSqlState() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE WARNING 'tck warning'; END$$");
            SQLWarning warning = s.getWarnings();
            assertNotNull(warning);
            assertEquals("01000", warning.getSQLState());
        }
    }

    @Test
    void severalNoticesAreChained() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE NOTICE 'first'; RAISE NOTICE 'second'; RAISE NOTICE 'third'; END$$");
            SQLWarning warning = s.getWarnings();
            int n = 0;
            StringBuilder messages = new StringBuilder();
            for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
                messages.append(w.getMessage()).append('|');
                n++;
            }
            assertEquals(3, n, messages.toString());
            assertTrue(messages.indexOf("first") < messages.indexOf("second"));
            assertTrue(messages.indexOf("second") < messages.indexOf("third"));
        }
    }

    @Test
    void clearWarningsEmptiesTheChain() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE NOTICE 'tck'; END$$");
            assertNotNull(s.getWarnings());
            s.clearWarnings();
            assertNull(s.getWarnings());
        }
    }

    @Test
    void warningsAreClearedOnReexecution() throws SQLException {
        // Statement.getWarnings: "The warning chain is automatically cleared each time a statement is (re)executed."
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE NOTICE 'tck'; END$$");
            assertNotNull(s.getWarnings());
            s.execute("SELECT 1");
            assertNull(s.getWarnings());
        }
    }

    @Test
    void noticeOfPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DO $$BEGIN RAISE NOTICE 'prepared notice'; END$$")) {
            ps.execute();
            SQLWarning warning = ps.getWarnings();
            assertNotNull(warning);
            assertTrue(warning.getMessage().contains("prepared notice"), warning.getMessage());
        }
    }

    @Test
    void commitWithoutTransactionWarns25P01() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("COMMIT");
            SQLWarning warning = s.getWarnings();
            assertNotNull(warning, "PostgreSQL warns: there is no transaction in progress");
            assertEquals("25P01", warning.getSQLState());
        }
    }

    @Test
    void statementNoticeIsNotAConnectionWarning() throws SQLException {
        // Connection.getWarnings: "the first warning reported by calls on this Connection object"; a notice
        // of a statement's execution belongs to the Statement.
        try (Statement s = conn.createStatement()) {
            s.execute("DO $$BEGIN RAISE NOTICE 'tck statement notice'; END$$");
            assertNotNull(s.getWarnings());
        }
        assertNull(conn.getWarnings());
    }

    @Test
    void warningsOfTwoStatementsAreSeparate() throws SQLException {
        try (Statement a = conn.createStatement(); Statement b = conn.createStatement()) {
            a.execute("DO $$BEGIN RAISE NOTICE 'for a'; END$$");
            b.execute("SELECT 1");
            assertNull(b.getWarnings());
            assertNotNull(a.getWarnings());
        }
    }

    @Test
    void noWarningsForAPlainQuery() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 1");
            assertNull(s.getWarnings());
        }
    }

    @Test
    void warningsDuringQueryResults() throws SQLException {
        execute("CREATE FUNCTION pg_temp.tck_noisy(i int) RETURNS int LANGUAGE plpgsql AS "
            + "$$BEGIN RAISE NOTICE 'row %', i; RETURN i; END$$");
        try (Statement s = conn.createStatement(); var rs = s.executeQuery("SELECT pg_temp.tck_noisy(v) FROM generate_series(1, 3) v")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            assertEquals(3, rows);
            SQLWarning w = s.getWarnings() != null ? s.getWarnings() : rs.getWarnings();
            assertNotNull(w, "notices raised while the query ran");
        }
    }
}

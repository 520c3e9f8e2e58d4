package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** autoCommit, commit/rollback, isolation levels, read-only, savepoints. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionIT extends JdbcTestBase {
    private String table;
    private Connection other;

    TransactionIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTable() throws SQLException {
        table = "tx_" + Long.toHexString(System.nanoTime());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, v text)");
        }
        other = open();
    }

    @AfterEach
    void dropTable() throws SQLException {
        if (other != null) {
            other.close();
        }
        if (conn != null) {
            conn.close(); // ends any transaction a failed test left open, so DROP does not wait for its locks
        }
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private void insert(int id) throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO " + table + " VALUES (" + id + ", 'v" + id + "')"));
        }
    }

    private static SQLException expectState(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return ex;
    }

    @Test
    void autoCommitIsOnByDefaultAndEachStatementCommits() throws SQLException {
        assertTrue(conn.getAutoCommit());
        insert(1);
        assertEquals(1, count(other, table));
    }

    @Test
    void uncommittedRowsAreInvisibleToOthersUntilCommit() throws SQLException {
        conn.setAutoCommit(false);
        assertFalse(conn.getAutoCommit());
        insert(1);
        insert(2);
        assertEquals(2, count(conn, table));
        assertEquals(0, count(other, table));
        conn.commit();
        assertEquals(2, count(other, table));
    }

    @Test
    void rollbackDiscardsTheRows() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        conn.rollback();
        assertEquals(0, count(conn, table));
        assertEquals(0, count(other, table));
        insert(2); // a new transaction starts with the next statement
        conn.commit();
        assertEquals(1, count(other, table));
    }

    @Test
    void statementsAfterCommitRunInANewTransaction() throws SQLException {
        conn.setAutoCommit(false);
        String first = scalar(conn, "SELECT txid_current()");
        assertEquals(first, scalar(conn, "SELECT txid_current()"));
        conn.commit();
        String second = scalar(conn, "SELECT txid_current()");
        assertFalse(first.equals(second), "a new transaction after commit");
        conn.rollback();
    }

    @Test
    void setAutoCommitTrueInsideATransactionCommitsIt() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        assertEquals(0, count(other, table));
        conn.setAutoCommit(true);
        assertEquals(1, count(other, table));
        insert(2);
        assertEquals(2, count(other, table));
    }

    @Test
    void commitAndRollbackWithAutoCommitOnFail() {
        assertThrows(SQLException.class, () -> conn.commit());
        assertThrows(SQLException.class, () -> conn.rollback());
    }

    @Test
    void commitAndRollbackWithoutWorkAreHarmless() throws SQLException {
        conn.setAutoCommit(false);
        conn.commit();
        conn.rollback();
        conn.commit();
        assertEquals("1", scalar(conn, "SELECT 1"));
    }

    @Test
    void ddlIsTransactional() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE " + table + "_ddl (i int)");
        }
        conn.rollback();
        assertEquals("0", scalar(other, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "_ddl'"));
    }

    @Test
    void defaultIsolationIsReadCommitted() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getMetaData().getDefaultTransactionIsolation());
    }

    @ParameterizedTest
    @CsvSource({
        "1, read uncommitted",
        "2, read committed",
        "4, repeatable read",
        "8, serializable"})
    void isolationLevelsReachTheServer(int level, String shown) throws SQLException {
        conn.setTransactionIsolation(level);
        assertEquals(level, conn.getTransactionIsolation());
        conn.setAutoCommit(false);
        insert(1); // opens the transaction
        assertEquals(shown, scalar(conn, "SHOW transaction_isolation"));
        conn.commit();
        // still in force for the next transaction
        insert(2);
        assertEquals(shown, scalar(conn, "SHOW transaction_isolation"));
        conn.rollback();
        conn.setAutoCommit(true);
        assertEquals(shown, scalar(conn, "SHOW transaction_isolation"));
    }

    @Test
    void repeatableReadSeesASnapshot() throws SQLException {
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        conn.setAutoCommit(false);
        assertEquals(0, count(conn, table));
        try (Statement s = other.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'x')");
        }
        assertEquals(0, count(conn, table), "the snapshot of the first statement holds");
        conn.commit();
        assertEquals(1, count(conn, table));
    }

    @Test
    void invalidIsolationLevelIsRejected() {
        assertThrows(SQLException.class, () -> conn.setTransactionIsolation(3));
        assertThrows(SQLException.class, () -> conn.setTransactionIsolation(Connection.TRANSACTION_NONE));
    }

    @Test
    void changingIsolationInsideATransactionFails() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        assertThrows(SQLException.class, () -> conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
        conn.rollback();
    }

    @Test
    void readOnlyRejectsWritesWith25006() throws SQLException {
        conn.setReadOnly(true);
        assertTrue(conn.isReadOnly());
        assertEquals("on", scalar(conn, "SHOW transaction_read_only"));
        expectState("25006", () -> insert(1));
        assertEquals("0", scalar(conn, "SELECT count(*) FROM " + table), "reads still work");
        conn.setReadOnly(false);
        assertFalse(conn.isReadOnly());
        insert(1);
        assertEquals(1, count(other, table));
    }

    @Test
    void readOnlyAppliesInsideExplicitTransactions() throws SQLException {
        conn.setReadOnly(true);
        conn.setAutoCommit(false);
        expectState("25006", () -> insert(1));
        conn.rollback();
        conn.setAutoCommit(true);
        conn.setReadOnly(false);
        insert(1);
    }

    @Test
    void namedSavepointRollbackKeepsEarlierWork() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        Savepoint sp = conn.setSavepoint("before_two");
        assertEquals("before_two", sp.getSavepointName());
        assertThrows(SQLException.class, sp::getSavepointId);
        insert(2);
        conn.rollback(sp);
        insert(3);
        conn.commit();
        assertEquals("0", scalar(other, "SELECT count(*) FROM " + table + " WHERE id = 2"));
        assertEquals(2, count(other, table));
    }

    @Test
    void unnamedSavepointsHaveIdsAndNest() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint a = conn.setSavepoint();
        insert(1);
        Savepoint b = conn.setSavepoint();
        insert(2);
        assertNotNull(a);
        assertFalse(a.getSavepointId() == b.getSavepointId(), "ids differ");
        assertThrows(SQLException.class, a::getSavepointName);
        conn.rollback(b);
        assertEquals(1, count(conn, table));
        conn.rollback(a);
        assertEquals(0, count(conn, table));
        conn.commit();
    }

    @Test
    void savepointRecoversFromAFailedStatement() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        Savepoint sp = conn.setSavepoint();
        expectState("23505", () -> insert(1));
        expectState("25P02", () -> insert(2));
        conn.rollback(sp);
        insert(2);
        conn.commit();
        assertEquals(2, count(other, table));
    }

    @Test
    void releasedSavepointCannotBeUsed() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint("rel");
        insert(1);
        conn.releaseSavepoint(sp);
        assertThrows(SQLException.class, () -> conn.rollback(sp));
        assertThrows(SQLException.class, () -> conn.releaseSavepoint(sp));
        conn.commit();
        assertEquals(1, count(other, table), "releasing keeps the work");
    }

    @Test
    void savepointInAutoCommitModeFails() {
        assertThrows(SQLException.class, () -> conn.setSavepoint());
        assertThrows(SQLException.class, () -> conn.setSavepoint("x"));
    }

    @Test
    void savepointNameNeedingQuotes() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        Savepoint sp = conn.setSavepoint("My Savepoint; DROP");
        insert(2);
        conn.rollback(sp);
        conn.commit();
        assertEquals(1, count(other, table));
    }

    @Test
    void failedTransactionCommitReportsRollback() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        expectState("23505", () -> insert(1));
        expectState("25P02", () -> scalar(conn, "SELECT 1"));
        // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK; Tusk reports it (25P02)
        expectState("25P02", () -> conn.commit());
        assertEquals(0, count(other, table));
        assertEquals("1", scalar(conn, "SELECT 1"), "usable after the failed commit");
        conn.rollback();
    }

    @Test
    void closingWithAnOpenTransactionRollsBack() throws SQLException {
        conn.setAutoCommit(false);
        insert(1);
        conn.close();
        assertEquals(0, count(other, table));
    }

    /** pgjdbc asks the server (SHOW transaction_isolation); a level set through SQL must be reported. */
    @Test
    void isolationSetThroughSqlIsReported() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        }
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    }

    @Test
    void isolationFromTheServerDefaultIsReported() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        p.setProperty("options", "-c default_transaction_isolation=serializable");
        try (Connection c = java.sql.DriverManager.getConnection(url(), p)) {
            assertEquals("serializable", scalar(c, "SHOW default_transaction_isolation"));
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
        }
    }
}

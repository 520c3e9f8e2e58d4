package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auto-commit and transactions, isolation levels, savepoints. */
public abstract class TransactionTckBase extends TckBase {

    // ------------------------------------------------------------------------------ auto-commit, commit

    @Test
    void autoCommitDefaultsToTrue() throws SQLException {
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void autoCommitMakesEachStatementVisible() throws SQLException {
        String table = sharedTable("v int");
        execute("INSERT INTO " + table + " VALUES (1)");
        assertEquals(1, count(openConnection(), table));
    }

    @Test
    void uncommittedChangesAreInvisibleToOthers() throws SQLException {
        String table = sharedTable("v int");
        Connection other = openConnection();
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        assertEquals(0, count(other, table));
        assertEquals(1, count(table));
        conn.rollback();
    }

    @Test
    void commitMakesChangesVisible() throws SQLException {
        String table = sharedTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.commit();
        assertEquals(1, count(openConnection(), table));
    }

    @Test
    void rollbackDiscardsChanges() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.rollback();
        assertEquals(0, count(table));
    }

    @Test
    void rollbackUndoesDdl() throws SQLException {
        String table = uniqueName("tck_ddl");
        conn.setAutoCommit(false);
        execute("CREATE TABLE " + table + " (v int)");
        conn.rollback();
        assertEquals(0, scalarLong(conn, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "'"));
    }

    @Test
    void statementsAfterCommitStartANewTransaction() throws SQLException {
        conn.setAutoCommit(false);
        long first = scalarLong(conn, "SELECT txid_current()");
        conn.commit();
        long second = scalarLong(conn, "SELECT txid_current()");
        assertNotEquals(first, second);
        conn.rollback();
    }

    @Test
    void allStatementsOfATransactionShareIt() throws SQLException {
        conn.setAutoCommit(false);
        long first = scalarLong(conn, "SELECT txid_current()");
        long second = scalarLong(conn, "SELECT txid_current()");
        assertEquals(first, second);
        conn.rollback();
    }

    @Test
    void autoCommitStatementsRunInSeparateTransactions() throws SQLException {
        long first = scalarLong(conn, "SELECT txid_current()");
        long second = scalarLong(conn, "SELECT txid_current()");
        assertNotEquals(first, second);
    }

    @Test
    void switchingAutoCommitOnCommitsTheTransaction() throws SQLException {
        // setAutoCommit: "If this method is called during a transaction and the auto-commit mode is changed,
        // the transaction is committed."
        String table = sharedTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.setAutoCommit(true);
        assertEquals(1, count(openConnection(), table));
    }

    @Test
    void setAutoCommitToSameValueIsNoOp() throws SQLException {
        // setAutoCommit: "If setAutoCommit is called and the auto-commit mode is not changed, the call is a no-op."
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.setAutoCommit(false);
        conn.rollback();
        assertEquals(0, count(table));
    }

    @Test
    void commitInAutoCommitModeThrows() {
        assertSqlException(() -> conn.commit());
    }

    @Test
    void rollbackInAutoCommitModeThrows() {
        assertSqlException(() -> conn.rollback());
    }

    @Test
    void commitWithoutStatementsSucceeds() throws SQLException {
        conn.setAutoCommit(false);
        conn.commit();
        conn.rollback();
        assertUsable(conn);
    }

    @Test
    void getAutoCommitReflectsSetAutoCommit() throws SQLException {
        conn.setAutoCommit(false);
        assertFalse(conn.getAutoCommit());
        conn.setAutoCommit(true);
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void sqlBeginInAutoCommitGivesAnExplicitTransaction() throws SQLException {
        // Outside JDBC's control but common: BEGIN/COMMIT as SQL in auto-commit mode.
        String table = sharedTable("v int");
        Connection other = openConnection();
        execute("BEGIN");
        execute("INSERT INTO " + table + " VALUES (1)");
        assertEquals(0, count(other, table));
        execute("COMMIT");
        assertEquals(1, count(other, table));
    }

    // ----------------------------------------------------------------------------- failed transactions

    @Test
    void failedTransactionRejectsFurtherStatements() throws SQLException {
        conn.setAutoCommit(false);
        assertSqlException(() -> execute("SELECT 1/0"));
        assertSqlState("25P02", () -> execute("SELECT 1"));
        conn.rollback();
    }

    @Test
    void rollbackRecoversFailedTransaction() throws SQLException {
        conn.setAutoCommit(false);
        assertSqlException(() -> execute("SELECT 1/0"));
        conn.rollback();
        assertUsable(conn);
        conn.commit();
    }

    @Test
    void commitOfFailedTransactionDiscardsChanges() throws SQLException {
        // Whether commit() also throws is the driver's choice (see commitOfFailedTransactionThrows25P02);
        // what is required is that nothing of the failed transaction is committed.
        String table = sharedTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        assertSqlException(() -> execute("SELECT 1/0"));
        try {
            conn.commit();
        } catch (SQLException expected) {
            // allowed
        }
        assertEquals(0, count(openConnection(), table));
        conn.setAutoCommit(true);
        assertUsable(conn);
    }

    @Test
    void commitOfFailedTransactionThrows25P02() throws SQLException {
        // Tusk reports that COMMIT rolled back (DIFFERENCES.md); pgjdbc does so only with
        // raiseExceptionOnSilentRollback=true.
        conn.setAutoCommit(false);
        assertSqlException(() -> execute("SELECT 1/0"));
        assertSqlState("25P02", () -> conn.commit());
        conn.setAutoCommit(true);
        assertUsable(conn);
    }

    // -------------------------------------------------------------------------------- isolation levels

    @Test
    void defaultIsolationIsReadCommitted() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"READ_UNCOMMITTED", "READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    void setTransactionIsolation(String level) throws Exception {
        int code = Connection.class.getField("TRANSACTION_" + level).getInt(null);
        conn.setTransactionIsolation(code);
        assertEquals(code, conn.getTransactionIsolation());
        conn.setAutoCommit(false);
        assertEquals(level.replace('_', ' ').toLowerCase(Locale.ROOT), scalarString("SHOW transaction_isolation"));
        conn.rollback();
    }

    @Test
    void isolationLevelPersistsAcrossTransactions() throws SQLException {
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        conn.setAutoCommit(false);
        execute("SELECT 1");
        conn.commit();
        assertEquals("serializable", scalarString("SHOW transaction_isolation"));
        conn.commit();
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    }

    @Test
    void isolationLevelAppliesInAutoCommitMode() throws SQLException {
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertEquals("repeatable read", scalarString("SHOW transaction_isolation"));
    }

    @Test
    void invalidIsolationLevelThrows() {
        assertSqlException(() -> conn.setTransactionIsolation(Connection.TRANSACTION_NONE));
    }

    @Test
    void isolationChangedBySqlIsReported() throws SQLException {
        execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    }

    @Test
    void readCommittedSeesCommittedRowsOfOthers() throws SQLException {
        String table = sharedTable("v int");
        Connection other = openConnection();
        conn.setAutoCommit(false);
        assertEquals(0, count(table));
        execute(other, "INSERT INTO " + table + " VALUES (1)");
        assertEquals(1, count(table));
        conn.rollback();
    }

    @Test
    void repeatableReadKeepsItsSnapshot() throws SQLException {
        String table = sharedTable("v int");
        Connection other = openConnection();
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        conn.setAutoCommit(false);
        assertEquals(0, count(table));
        execute(other, "INSERT INTO " + table + " VALUES (1)");
        assertEquals(0, count(table));
        conn.commit();
        assertEquals(1, count(table));
    }

    @Test
    void serializableWriteSkewFailsWith40001() throws SQLException {
        String table = sharedTable("class int, v int");
        execute("INSERT INTO " + table + " VALUES (1, 10), (2, 20)");
        Connection other = openConnection();
        for (Connection c : new Connection[] {conn, other}) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setAutoCommit(false);
        }
        scalarLong(conn, "SELECT sum(v) FROM " + table + " WHERE class = 1");
        scalarLong(other, "SELECT sum(v) FROM " + table + " WHERE class = 2");
        execute(conn, "INSERT INTO " + table + " VALUES (2, 30)");
        execute(other, "INSERT INTO " + table + " VALUES (1, 30)");
        conn.commit();
        SQLException e = assertSqlException(() -> {
            execute(other, "SELECT 1");
            other.commit();
        });
        assertEquals("40001", e.getSQLState());
        other.rollback();
    }

    @Test
    void serializationFailureIsTransactionRollbackException() throws SQLException {
        // SQLSTATE class 40 maps to SQLTransactionRollbackException (JDBC 4.3, 6.1.1 / Javadoc of the class).
        String table = sharedTable("class int, v int");
        execute("INSERT INTO " + table + " VALUES (1, 10), (2, 20)");
        Connection other = openConnection();
        for (Connection c : new Connection[] {conn, other}) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setAutoCommit(false);
        }
        scalarLong(conn, "SELECT sum(v) FROM " + table + " WHERE class = 1");
        scalarLong(other, "SELECT sum(v) FROM " + table + " WHERE class = 2");
        execute(conn, "INSERT INTO " + table + " VALUES (2, 30)");
        execute(other, "INSERT INTO " + table + " VALUES (1, 30)");
        conn.commit();
        SQLException e = assertSqlException(() -> {
            execute(other, "SELECT 1");
            other.commit();
        });
        assertInstanceOf(SQLTransactionRollbackException.class, e);
        other.rollback();
    }

    // -------------------------------------------------------------------------------------- savepoints

    @Test
    void rollbackToSavepointUndoesLaterWork() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        Savepoint sp = conn.setSavepoint();
        execute("INSERT INTO " + table + " VALUES (2)");
        conn.rollback(sp);
        conn.commit();
        assertEquals(1, count(table));
        assertEquals(1L, scalarLong(conn, "SELECT max(v) FROM " + table));
    }

    @Test
    void namedSavepointHasNameAndNoId() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint("tck_named");
        assertEquals("tck_named", sp.getSavepointName());
        assertSqlException(sp::getSavepointId);
        conn.rollback();
    }

    @Test
    void unnamedSavepointHasIdAndNoName() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint();
        sp.getSavepointId();
        assertSqlException(sp::getSavepointName);
        conn.rollback();
    }

    @Test
    void unnamedSavepointsHaveDistinctIds() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint a = conn.setSavepoint();
        Savepoint b = conn.setSavepoint();
        assertNotEquals(a.getSavepointId(), b.getSavepointId());
        conn.rollback();
    }

    @Test
    void savepointInAutoCommitModeThrows() {
        assertSqlException(() -> conn.setSavepoint());
        assertSqlException(() -> conn.setSavepoint("tck_sp"));
    }

    @Test
    void savepointRecoversFailedTransaction() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        execute("INSERT INTO " + table + " VALUES (1)");
        Savepoint sp = conn.setSavepoint();
        assertSqlException(() -> execute("SELECT 1/0"));
        conn.rollback(sp);
        execute("INSERT INTO " + table + " VALUES (2)");
        conn.commit();
        assertEquals(2, count(table));
    }

    @Test
    void rollbackToOuterSavepointDiscardsInnerOnes() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        Savepoint outer = conn.setSavepoint("tck_outer");
        execute("INSERT INTO " + table + " VALUES (1)");
        Savepoint inner = conn.setSavepoint("tck_inner");
        execute("INSERT INTO " + table + " VALUES (2)");
        conn.rollback(outer);
        assertEquals(0, count(table));
        assertSqlException(() -> conn.rollback(inner)); // the inner savepoint no longer exists
        conn.rollback();
    }

    @Test
    void savepointSurvivesRollbackToIt() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint();
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.rollback(sp);
        execute("INSERT INTO " + table + " VALUES (2)");
        conn.rollback(sp);
        conn.commit();
        assertEquals(0, count(table));
    }

    @Test
    void releasedSavepointCannotBeRolledBackTo() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint();
        conn.releaseSavepoint(sp);
        assertSqlException(() -> conn.rollback(sp));
        conn.rollback();
    }

    @Test
    void releaseSavepointKeepsTheWork() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint();
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.releaseSavepoint(sp);
        conn.commit();
        assertEquals(1, count(table));
    }

    @Test
    void savepointNameNeedingQuotes() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint("tck sp \"quoted\"");
        execute("INSERT INTO " + table + " VALUES (1)");
        conn.rollback(sp);
        conn.commit();
        assertEquals(0, count(table));
        assertEquals("tck sp \"quoted\"", sp.getSavepointName());
    }

    @Test
    void savepointsEndWithTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint();
        conn.commit();
        assertSqlException(() -> conn.rollback(sp));
        conn.rollback();
    }

    @Test
    void sqlSavepointsWorkThroughStatements() throws SQLException {
        String table = tempTable("v int");
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO " + table + " VALUES (1)");
            s.execute("SAVEPOINT tck_sql_sp");
            s.execute("INSERT INTO " + table + " VALUES (2)");
            s.execute("ROLLBACK TO SAVEPOINT tck_sql_sp");
        }
        conn.commit();
        assertEquals(1, count(table));
    }

    @Test
    void setSavepointReturnsUsableObject() throws SQLException {
        conn.setAutoCommit(false);
        assertNotNull(conn.setSavepoint());
        conn.rollback();
    }
}

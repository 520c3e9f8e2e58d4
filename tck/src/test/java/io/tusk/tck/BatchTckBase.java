package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * Batches of Statement and PreparedStatement: update counts, clearing, errors and BatchUpdateException,
 * transactions around batches. Where JDBC allows {@link Statement#SUCCESS_NO_INFO} instead of a count, the
 * tests accept it.
 */
public abstract class BatchTckBase extends TckBase {

    /** Each count is the expected one or SUCCESS_NO_INFO, which executeBatch may return instead. */
    private static void assertCounts(int[] expected, int[] actual) {
        assertEquals(expected.length, actual.length, "number of update counts");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(actual[i] == expected[i] || actual[i] == Statement.SUCCESS_NO_INFO,
                "update count " + i + ": " + actual[i] + " (expected " + expected[i] + " or SUCCESS_NO_INFO)");
        }
    }

    /**
     * BatchUpdateException.getUpdateCounts: either the counts of the commands before the failed one (the
     * driver stopped), or one entry per command with EXECUTE_FAILED for the failed one.
     */
    private static void assertCountsUpToFailure(BatchUpdateException e, int failedIndex, int size) {
        int[] counts = e.getUpdateCounts();
        assertTrue(counts.length == failedIndex || counts.length == size,
            "update counts " + java.util.Arrays.toString(counts) + " for a failure of command " + failedIndex);
        if (counts.length == size) {
            assertEquals(Statement.EXECUTE_FAILED, counts[failedIndex], "count of the failed command");
        }
    }

    // ----------------------------------------------------------------------------------- Statement

    @Test
    void statementBatchReturnsCounts() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.addBatch("INSERT INTO " + table + " VALUES (2), (3)");
            s.addBatch("UPDATE " + table + " SET v = v + 10 WHERE v > 1");
            s.addBatch("DELETE FROM " + table + " WHERE v > 100");
            assertCounts(new int[] {1, 2, 2, 0}, s.executeBatch());
        }
        assertEquals(3, count(table));
    }

    @Test
    void statementBatchWithDdlAndDml() throws SQLException {
        String table = uniqueName("tck_batch_ddl");
        try (Statement s = conn.createStatement()) {
            s.addBatch("CREATE TEMPORARY TABLE " + table + " (v int)");
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            assertCounts(new int[] {0, 1}, s.executeBatch());
        }
        assertEquals(1, count(table));
    }

    @Test
    void emptyBatchReturnsEmptyArray() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertArrayEquals(new int[0], s.executeBatch());
        }
    }

    @Test
    void clearBatchEmptiesIt() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.clearBatch();
            assertArrayEquals(new int[0], s.executeBatch());
        }
        assertEquals(0, count(table));
    }

    @Test
    void executeBatchResetsTheBatch() throws SQLException {
        // "The statement's batch is reset to empty once executeBatch returns."
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.executeBatch();
            assertArrayEquals(new int[0], s.executeBatch());
        }
        assertEquals(1, count(table));
    }

    @Test
    void statementBatchErrorThrowsBatchUpdateException() throws SQLException {
        String table = tempTable("v int PRIMARY KEY");
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.addBatch("INSERT INTO " + table + " VALUES (2)");
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.addBatch("INSERT INTO " + table + " VALUES (3)");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertCountsUpToFailure(e, 2, 4);
            assertEquals("23505", sqlStateIn(e, "23505"));
        }
        assertUsable(conn);
    }

    @Test
    void batchWithAQueryFails() throws SQLException {
        // executeBatch: BatchUpdateException if a command "attempts to return a result set".
        try (Statement s = conn.createStatement()) {
            s.addBatch("SELECT 1");
            assertThrows(BatchUpdateException.class, s::executeBatch);
        }
        assertUsable(conn);
    }

    @Test
    void executeLargeBatchReturnsLongCounts() throws SQLException {
        String table = tempTable("v int");
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1), (2)");
            s.addBatch("INSERT INTO " + table + " VALUES (3)");
            long[] counts = s.executeLargeBatch();
            assertEquals(2, counts.length);
            assertTrue(counts[0] == 2 || counts[0] == Statement.SUCCESS_NO_INFO);
            assertTrue(counts[1] == 1 || counts[1] == Statement.SUCCESS_NO_INFO);
        }
    }

    // ----------------------------------------------------------------------------- PreparedStatement

    @Test
    void preparedBatchReturnsCounts() throws SQLException {
        String table = tempTable("a int, b text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int i = 0; i < 5; i++) {
                ps.setInt(1, i);
                ps.setString(2, "row " + i);
                ps.addBatch();
            }
            assertCounts(new int[] {1, 1, 1, 1, 1}, ps.executeBatch());
        }
        assertEquals(5, count(table));
        assertEquals("row 3", scalarString("SELECT b FROM " + table + " WHERE a = 3"));
    }

    @Test
    void preparedBatchOfUpdatesCountsRowsPerCommand() throws SQLException {
        String table = tempTable("a int");
        execute("INSERT INTO " + table + " VALUES (1), (1), (2), (3), (3), (3)");
        try (PreparedStatement ps = conn.prepareStatement("UPDATE " + table + " SET a = a WHERE a = ?")) {
            for (int v = 1; v <= 4; v++) {
                ps.setInt(1, v);
                ps.addBatch();
            }
            assertCounts(new int[] {2, 1, 3, 0}, ps.executeBatch());
        }
    }

    @Test
    void preparedBatchWithNulls() throws SQLException {
        String table = tempTable("a int, b text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setNull(2, Types.VARCHAR);
            ps.addBatch();
            ps.setNull(1, Types.INTEGER);
            ps.setString(2, "x");
            ps.addBatch();
            ps.executeBatch();
        }
        assertEquals(1, scalarLong(conn, "SELECT count(*) FROM " + table + " WHERE b IS NULL"));
        assertEquals(1, scalarLong(conn, "SELECT count(*) FROM " + table + " WHERE a IS NULL"));
    }

    @Test
    void preparedBatchWithDifferentValueKindsPerRow() throws SQLException {
        String table = tempTable("a numeric");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setInt(1, 1);
            ps.addBatch();
            ps.setLong(1, 2L);
            ps.addBatch();
            ps.setBigDecimal(1, new java.math.BigDecimal("3.5"));
            ps.addBatch();
            ps.setDouble(1, 4.0);
            ps.addBatch();
            ps.executeBatch();
        }
        assertEquals("10.5", scalarString("SELECT sum(a)::text FROM " + table));
    }

    @Test
    void largePreparedBatch() throws SQLException {
        String table = tempTable("a int, b text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int i = 0; i < 5000; i++) {
                ps.setInt(1, i);
                ps.setString(2, "value number " + i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertEquals(5000, counts.length);
        }
        assertEquals(5000, count(table));
        assertEquals(4999L * 5000 / 2, scalarLong(conn, "SELECT sum(a) FROM " + table));
    }

    @Test
    void preparedBatchErrorThrowsBatchUpdateException() throws SQLException {
        String table = tempTable("v int PRIMARY KEY");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (int v : new int[] {1, 2, 2, 3}) {
                ps.setInt(1, v);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertCountsUpToFailure(e, 2, 4);
            assertEquals("23505", sqlStateIn(e, "23505"));
        }
        assertUsable(conn);
    }

    @Test
    void preparedBatchErrorOfValueConversion() throws SQLException {
        String table = tempTable("v int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (CAST(? AS int) / ?)")) {
            ps.setInt(1, 1);
            ps.setInt(2, 1);
            ps.addBatch();
            ps.setInt(1, 1);
            ps.setInt(2, 0);
            ps.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals("22012", sqlStateIn(e, "22012"));
        }
    }

    @Test
    void clearParametersBetweenBatchRows() throws SQLException {
        String table = tempTable("a int, b int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setInt(2, 1);
            ps.addBatch();
            ps.clearParameters();
            ps.setInt(1, 2);
            ps.setInt(2, 2);
            ps.addBatch();
            ps.executeBatch();
        }
        assertEquals(2, count(table));
    }

    @Test
    void missingParameterInBatchThrows() throws SQLException {
        // Reported by addBatch or by executeBatch.
        String table = tempTable("a int, b int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            assertSqlException(() -> {
                ps.setInt(1, 1);
                ps.addBatch();
                ps.executeBatch();
            });
        }
        assertUsable(conn);
    }

    @Test
    void preparedClearBatch() throws SQLException {
        String table = tempTable("a int");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            ps.setInt(1, 1);
            ps.addBatch();
            ps.clearBatch();
            assertArrayEquals(new int[0], ps.executeBatch());
            ps.setInt(1, 2);
            ps.addBatch();
            assertEquals(1, ps.executeBatch().length);
        }
        assertEquals(2L, scalarLong(conn, "SELECT max(a) FROM " + table));
    }

    // -------------------------------------------------------------------------------- transactions

    @Test
    void batchInTransactionIsRolledBack() throws SQLException {
        String table = tempTable("a int");
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        assertEquals(3, count(table));
        conn.rollback();
        assertEquals(0, count(table));
    }

    @Test
    void batchInTransactionIsCommitted() throws SQLException {
        String table = sharedTable("a int");
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.addBatch("INSERT INTO " + table + " VALUES (2)");
            s.executeBatch();
        }
        conn.commit();
        assertEquals(2, count(openConnection(), table));
    }

    @Test
    void failedBatchInTransactionFailsTheTransaction() throws SQLException {
        String table = tempTable("v int PRIMARY KEY");
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            s.addBatch("INSERT INTO " + table + " VALUES (1)");
            assertThrows(BatchUpdateException.class, s::executeBatch);
        }
        assertSqlState("25P02", () -> execute("SELECT 1"));
        conn.rollback();
        assertUsable(conn);
    }

    @Test
    void failedBatchInAutoCommitReportsWhatWasKept() throws SQLException {
        // The commands a BatchUpdateException reports as successful (a count or SUCCESS_NO_INFO) must have
        // left their rows: whether the driver keeps the rows before the failure or runs the whole batch as one
        // implicit transaction is its choice, but the counts must say which.
        String table = tempTable("v int PRIMARY KEY");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (int v : new int[] {1, 2, 1}) {
                ps.setInt(1, v);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            long reported = java.util.Arrays.stream(e.getUpdateCounts())
                .filter(n -> n >= 0 || n == Statement.SUCCESS_NO_INFO).count();
            assertEquals(reported, count(table), "rows kept vs. commands reported successful in "
                + java.util.Arrays.toString(e.getUpdateCounts()));
        }
    }
}

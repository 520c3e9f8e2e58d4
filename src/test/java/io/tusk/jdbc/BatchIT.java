package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.testing.PgServer;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Statement and PreparedStatement batches: counts, failures, size. */
@Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchIT extends JdbcTestBase {
    BatchIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE bt (id int PRIMARY KEY, v text)");
        }
    }

    private int count(String where) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM bt" + (where.isEmpty() ? "" : " WHERE " + where))) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 1);
        return a;
    }

    @Test
    void statementBatchCounts() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            s.addBatch("INSERT INTO bt VALUES (2, 'b')");
            s.addBatch("INSERT INTO bt SELECT g, 'g' FROM generate_series(3, 5) g");
            s.addBatch("UPDATE bt SET v = 'z' WHERE id <= 4");
            s.addBatch("DELETE FROM bt WHERE id = 5");
            s.addBatch("CREATE TEMP TABLE bt_ddl (i int)");
            assertArrayEquals(new int[] {1, 1, 3, 4, 1, 0}, s.executeBatch());
        }
        assertEquals(4, count(""));
        assertEquals(4, count("v = 'z'"));
    }

    @Test
    void statementBatchIsClearedAfterExecution() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            assertArrayEquals(new int[] {1}, s.executeBatch());
            assertArrayEquals(new int[0], s.executeBatch(), "the batch was emptied");
        }
    }

    @Test
    void statementBatchWithEscapes() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO bt VALUES (1, {fn ucase('a')})");
            assertArrayEquals(new int[] {1}, s.executeBatch());
        }
        assertEquals(1, count("v = 'A'"));
    }

    @Test
    void emptyBatchesGiveEmptyArrays() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertArrayEquals(new int[0], s.executeBatch());
            assertArrayEquals(new long[0], s.executeLargeBatch());
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            s.clearBatch();
            assertArrayEquals(new int[0], s.executeBatch());
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            assertArrayEquals(new int[0], ps.executeBatch());
            ps.setInt(1, 1);
            ps.setString(2, "x");
            ps.addBatch();
            ps.clearBatch();
            assertArrayEquals(new int[0], ps.executeBatch());
        }
        assertEquals(0, count(""));
    }

    @Test
    void statementBatchWithASelectFails() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            s.addBatch("SELECT 1");
            assertThrows(BatchUpdateException.class, s::executeBatch);
        }
    }

    @Test
    void preparedBatchOfAThousandRows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 1; i <= 1000; i++) {
                ps.setInt(1, i);
                ps.setString(2, "v" + i);
                ps.addBatch();
            }
            assertArrayEquals(ones(1000), ps.executeBatch());
        }
        assertEquals(1000, count(""));
        assertEquals(1, count("id = 777 AND v = 'v777'"));
    }

    @Test
    void preparedBatchReusedAfterExecution() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 10; i++) {
                    ps.setInt(1, round * 100 + i);
                    ps.setString(2, "r" + round);
                    ps.addBatch();
                }
                assertArrayEquals(ones(10), ps.executeBatch());
            }
            ps.setInt(1, 999);
            ps.setString(2, "single");
            assertEquals(1, ps.executeUpdate(), "plain execution after batches");
        }
        assertEquals(31, count(""));
    }

    @Test
    void preparedBatchOfUpdatesCountsRowsPerEntry() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO bt SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END"
                    + " FROM generate_series(1, 10) g");
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE bt SET v = upper(v) WHERE v = ?")) {
            ps.setString(1, "even");
            ps.addBatch();
            ps.setString(1, "odd");
            ps.addBatch();
            ps.setString(1, "none");
            ps.addBatch();
            assertArrayEquals(new int[] {5, 5, 0}, ps.executeBatch());
        }
    }

    @Test
    void preparedBatchWithNullsAndChangingSetters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "text");
            ps.addBatch();
            ps.setLong(1, 2L);
            ps.setNull(2, Types.VARCHAR);
            ps.addBatch();
            ps.setString(1, "3");
            ps.setObject(2, 33);
            ps.addBatch();
            ps.setShort(1, (short) 4);
            ps.setString(2, "four");
            ps.addBatch();
            assertArrayEquals(ones(4), ps.executeBatch());
        }
        assertEquals(4, count(""));
        assertEquals(1, count("id = 2 AND v IS NULL"));
        assertEquals(1, count("id = 3 AND v = '33'"));
    }

    @Test
    void failingRowInTheMiddleGivesBatchUpdateException() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 1; i <= 10; i++) {
                ps.setInt(1, i == 6 ? 3 : i); // row 6 repeats key 3
                ps.setString(2, "v" + i);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertNotNull(e.getUpdateCounts());
            SQLException cause = e.getNextException();
            assertNotNull(cause, "the server error is chained");
            assertEquals("23505", cause.getSQLState());
            assertTrue(cause instanceof HasServerError);
            assertEquals("bt_pkey", ((HasServerError) cause).serverError().constraint());
        }
        // the connection is still usable, and the batch did not leave part of itself behind
        assertEquals(0, count(""));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "after");
            ps.addBatch();
            assertArrayEquals(new int[] {1}, ps.executeBatch());
        }
    }

    /**
     * The update counts must agree with what is in the table: the whole batch ran in one implicit transaction
     * that the failure rolled back, so no entry may be reported as having inserted a row (pgjdbc reports
     * EXECUTE_FAILED for every entry in this case).
     */
    @Test
    void failedBatchUpdateCountsMatchTheTable() throws SQLException {
        BatchUpdateException e;
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 1; i <= 10; i++) {
                ps.setInt(1, i == 6 ? 3 : i);
                ps.setString(2, "v" + i);
                ps.addBatch();
            }
            e = assertThrows(BatchUpdateException.class, ps::executeBatch);
        }
        int rows = count("");
        int reportedInserted = 0;
        for (int c : e.getUpdateCounts()) {
            if (c > 0) {
                reportedInserted += c;
            }
        }
        assertEquals(rows, reportedInserted, "update counts " + Arrays.toString(e.getUpdateCounts())
                + " but the table has " + rows + " rows");
    }

    @Test
    void failingStatementBatchGivesBatchUpdateException() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            s.addBatch("INSERT INTO bt VALUES (1, 'dup')");
            s.addBatch("INSERT INTO bt VALUES (2, 'b')");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertEquals("23505", e.getSQLState());
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void batchFailureInsideATransactionAbortsIt() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "a");
            ps.addBatch();
            ps.setInt(1, 1);
            ps.setString(2, "b");
            ps.addBatch();
            assertThrows(BatchUpdateException.class, ps::executeBatch);
        }
        SQLException e = assertThrows(SQLException.class, () -> count(""));
        assertEquals("25P02", e.getSQLState());
        conn.rollback();
        assertEquals(0, count(""));
        conn.setAutoCommit(true);
    }

    @Test
    void batchInsideATransactionRollsBack() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 0; i < 20; i++) {
                ps.setInt(1, i);
                ps.setString(2, "t");
                ps.addBatch();
            }
            assertArrayEquals(ones(20), ps.executeBatch());
        }
        assertEquals(20, count(""));
        conn.rollback();
        assertEquals(0, count(""));
        conn.setAutoCommit(true);
    }

    @Test
    void executeLargeBatch() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 0; i < 5; i++) {
                ps.setInt(1, i);
                ps.setString(2, "l");
                ps.addBatch();
            }
            assertArrayEquals(new long[] {1, 1, 1, 1, 1}, ps.executeLargeBatch());
        }
    }

    @Test
    void batchAfterTheStatementWasCached() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
            for (int i = 0; i < RUNS_THROUGH_ALL_FORMATS; i++) { // unnamed, then prepared, then cached
                ps.setInt(1, 1000 + i);
                ps.setString(2, "single");
                ps.executeUpdate();
            }
            for (int i = 0; i < 50; i++) {
                ps.setInt(1, i);
                ps.setString(2, "batched");
                ps.addBatch();
            }
            assertArrayEquals(ones(50), ps.executeBatch());
        }
        assertEquals(RUNS_THROUGH_ALL_FORMATS + 50, count(""));
    }

    @Test
    void fiftyThousandRowBatchCompletes() {
        int[] counts = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bt VALUES (?, ?)")) {
                for (int i = 0; i < 50_000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i + " with some padding to fill the socket buffers faster");
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
        assertArrayEquals(ones(50_000), counts);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(50_000, count("")));
    }

    @Test
    void queryTimeoutStopsABatch() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            s.addBatch("INSERT INTO bt VALUES (1, 'a')");
            s.addBatch("DO $$ BEGIN PERFORM pg_sleep(10); END $$");
            s.addBatch("INSERT INTO bt VALUES (2, 'b')");
            long start = System.nanoTime();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", e.getSQLState());
            assertTrue(ms < 5000, "cancelled after " + ms + " ms");
        }
        assertEquals(0, count(""));
    }
}

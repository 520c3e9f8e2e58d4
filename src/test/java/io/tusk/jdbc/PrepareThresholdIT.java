package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * prepareThreshold: when a statement becomes a named server-side statement, seen from the server
 * ({@code pg_prepared_statements} lists the session's named statements).
 */
class PrepareThresholdIT extends JdbcTestBase {
    private static final String SQL = "SELECT ?::int + 1 AS threshold_probe";

    PrepareThresholdIT(PgServer pg) {
        super(pg);
    }

    private static Properties threshold(int n) {
        Properties p = new Properties();
        p.setProperty("prepareThreshold", Integer.toString(n));
        return p;
    }

    /** Named statements of this session whose text contains {@code marker}. */
    private static int prepared(Connection c, String marker) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%"
                     + marker + "%' AND statement NOT LIKE '%pg_prepared_statements%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void run(PreparedStatement ps, int times) throws SQLException {
        for (int i = 0; i < times; i++) {
            ps.setInt(1, i);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(i + 1, rs.getInt(1), "run " + (i + 1));
            }
        }
    }

    @Test
    void byDefaultTheFifthRunPreparesAsPgjdbcDoes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SQL)) {
            run(ps, 4);
            assertEquals(0, prepared(conn, "threshold_probe"), "runs 1 to 4 use the unnamed statement");
            run(ps, 1);
            assertEquals(1, prepared(conn, "threshold_probe"));
            run(ps, 5);
            assertEquals(1, prepared(conn, "threshold_probe"), "later runs reuse it");
        }
    }

    @Test
    void runsOfTheSameTextCountAcrossStatementObjects() throws SQLException {
        for (int i = 0; i < 5; i++) {
            try (PreparedStatement ps = conn.prepareStatement(SQL)) {
                run(ps, 1);
            }
        }
        assertEquals(1, prepared(conn, "threshold_probe"));
    }

    @Test
    void zeroNeverNamesAStatementNotEvenForBatches() throws SQLException {
        try (Connection c = open(threshold(0)); PreparedStatement ps = c.prepareStatement(SQL)) {
            run(ps, 20);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE pt (v int)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pt VALUES (?) -- threshold_probe")) {
                for (int i = 0; i < 10; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                assertEquals(10, insert.executeBatch().length);
            }
            assertEquals(0, prepared(c, "threshold_probe"));
        }
    }

    @Test
    void oneNamesTheStatementOnItsFirstRun() throws SQLException {
        try (Connection c = open(threshold(1)); PreparedStatement ps = c.prepareStatement(SQL)) {
            run(ps, 1);
            assertEquals(1, prepared(c, "threshold_probe"));
            run(ps, 3);
            assertEquals(1, prepared(c, "threshold_probe"));
        }
    }

    /** -1 describes first, so even the first run has binary results; values read the same. */
    @Test
    void minusOneNamesTheStatementBeforeItsFirstRun() throws SQLException {
        try (Connection c = open(threshold(-1));
             PreparedStatement ps = c.prepareStatement("SELECT ?::int + 1, TIMESTAMPTZ '2024-01-02 03:04:05+00' -- threshold_probe")) {
            ps.setInt(1, 41);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
                assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z"), rs.getObject(2, OffsetDateTime.class));
            }
            assertEquals(1, prepared(c, "threshold_probe"));
        }
    }

    /**
     * SQL that is different on every run (a per-request tag in a comment, as sqlcommenter adds) is
     * never prepared, so it cannot push the statements that repeat out of the cache.
     */
    @Test
    void statementsRunOnceDoNotDisplaceTheOnesThatRepeat() throws SQLException {
        Properties small = new Properties();
        small.setProperty("preparedStatementCacheQueries", "4");
        try (Connection c = open(small); PreparedStatement repeated = c.prepareStatement(SQL)) {
            run(repeated, 5);
            for (int i = 0; i < 50; i++) {
                try (PreparedStatement tagged = c.prepareStatement("SELECT " + i + " /* traceparent='" + i + "' */")) {
                    tagged.executeQuery().close();
                }
                run(repeated, 1);
            }
            assertEquals(1, prepared(c, "threshold_probe"), "the repeated statement is still the one prepared");
            assertEquals(0, prepared(c, "traceparent"), "no tagged statement was prepared");
        }
    }
}

package io.tusk.bench;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 50,000-row {@code executeBatch} of a three-column INSERT into an unlogged table, autocommit on; the table
 * is truncated before every operation (outside the measured time). Measures batch pipelining (DESIGN.md,
 * "Performance": Bind/Execute x N, one Sync). {@code pgjdbc_rewrite} is pgjdbc with
 * {@code reWriteBatchedInserts=true}, its multi-row VALUES rewrite, shown for reference: the target is
 * pgjdbc's default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchInsertBenchmark {

    static final int ROWS = 50_000;
    static final String SQL = "INSERT INTO bench_batch (id, name, amount) VALUES (?, ?, ?)";

    @Param({BenchServer.TUSK, BenchServer.PGJDBC, BenchServer.PGJDBC_REWRITE})
    public String driver;

    private PgServer server;
    private Connection connection;
    private PreparedStatement insert;
    private Statement truncate;
    private final String[] names = new String[ROWS];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = BenchServer.server();
        BenchServer.admin(server,
                "DROP TABLE IF EXISTS bench_batch",
                "CREATE UNLOGGED TABLE bench_batch (id int4 NOT NULL, name text NOT NULL, amount float8 NOT NULL)");
        for (int i = 0; i < ROWS; i++) {
            names[i] = "name-" + i;
        }
        connection = BenchServer.connect(driver, server);
        connection.setAutoCommit(true);
        insert = connection.prepareStatement(SQL);
        truncate = connection.createStatement();
        check();
    }

    /** A wrong answer must fail the run, not produce a fast number. */
    private void check() throws SQLException {
        truncate();
        int[] counts = insertBatch();
        if (counts.length != ROWS) {
            throw new IllegalStateException(driver + " executeBatch returned " + counts.length + " counts");
        }
        String stored = BenchServer.adminValue(server,
                "SELECT count(*) || ' ' || sum(id) || ' ' || sum(length(name)) || ' ' || sum(amount) FROM bench_batch");
        String expected = BenchServer.adminValue(server,
                "SELECT count(*) || ' ' || sum(i) || ' ' || sum(length('name-' || i)) || ' ' || sum(i * 0.5::float8) "
                        + "FROM generate_series(0, " + (ROWS - 1) + ") i");
        if (!stored.equals(expected)) {
            throw new IllegalStateException(driver + " stored '" + stored + "', expected '" + expected + "'");
        }
    }

    @Setup(Level.Invocation)
    public void truncate() throws SQLException {
        truncate.execute("TRUNCATE bench_batch");
    }

    @Benchmark
    public int[] batchInsert() throws SQLException {
        return insertBatch();
    }

    private int[] insertBatch() throws SQLException {
        for (int i = 0; i < ROWS; i++) {
            insert.setInt(1, i);
            insert.setString(2, names[i]);
            insert.setDouble(3, i * 0.5);
            insert.addBatch();
        }
        return insert.executeBatch();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        truncate.close();
        insert.close();
        connection.close();
    }
}

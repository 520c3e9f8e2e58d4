package io.tusk.bench;

import io.tusk.testing.PgServer;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Latency of one primary-key lookup: {@code SELECT id, name, price FROM bench_items WHERE id = ?} with a
 * prepared statement reused across calls, a random id in 1..10000, all three columns read through typed
 * getters. One round trip per operation, so this measures the per-call overhead of the synchronous path
 * (DESIGN.md, "The synchronous path"). Vert.x runs the same prepared query and the caller blocks on each
 * future, as a JDBC-style caller of an event-loop client would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PointSelectBenchmark {

    static final String SQL = "SELECT id, name, price FROM bench_items WHERE id = ?";
    /** The same query in Vert.x's placeholder syntax. */
    static final String VERTX_SQL = "SELECT id, name, price FROM bench_items WHERE id = $1";
    static final int ITEMS = 10_000;

    @Param({BenchServer.TUSK, BenchServer.PGJDBC, BenchServer.VERTX})
    public String driver;

    private Connection connection;
    private PreparedStatement statement;

    private Vertx vertx;
    private PgConnection pgConnection;
    private io.vertx.sqlclient.PreparedStatement vertxStatement;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PgServer server = BenchServer.server();
        BenchServer.admin(server,
                "DROP TABLE IF EXISTS bench_items",
                "CREATE TABLE bench_items (id int4 PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL)",
                "INSERT INTO bench_items SELECT i, 'item-' || i, (i % 1000) + 0.99 FROM generate_series(1, "
                        + ITEMS + ") i",
                "VACUUM ANALYZE bench_items");
        if (BenchServer.VERTX.equals(driver)) {
            vertx = Vertx.vertx();
            PgConnectOptions options = new PgConnectOptions()
                    .setHost(server.host())
                    .setPort(server.port())
                    .setDatabase(server.database())
                    .setUser(server.superUser())
                    .setPassword(server.superPassword() == null ? "" : server.superPassword())
                    .setSslMode(SslMode.DISABLE);
            pgConnection = await(PgConnection.connect(vertx, options));
            vertxStatement = await(pgConnection.prepare(VERTX_SQL));
        } else {
            connection = BenchServer.connect(driver, server);
            statement = connection.prepareStatement(SQL);
        }
        check();
    }

    /** A wrong answer must fail the run, not produce a fast number. */
    private void check() throws Exception {
        for (int id : new int[] {1, 4711, ITEMS}) {
            Object[] row = select(id);
            BigDecimal price = new BigDecimal((id % 1000) + ".99");
            if (!row[0].equals(id) || !row[1].equals("item-" + id) || ((BigDecimal) row[2]).compareTo(price) != 0) {
                throw new IllegalStateException(driver + " returned id=" + row[0] + " name=" + row[1] + " price="
                        + row[2] + " for id " + id);
            }
        }
    }

    private Object[] select(int id) throws Exception {
        if (vertxStatement != null) {
            Row row = await(vertxStatement.query().execute(Tuple.of(id))).iterator().next();
            return new Object[] {row.getInteger(0), row.getString(1), row.getBigDecimal(2)};
        }
        statement.setInt(1, id);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Object[] {rs.getInt(1), rs.getString(2), rs.getBigDecimal(3)};
        }
    }

    @Benchmark
    public void pointSelect(Blackhole bh) throws Exception {
        int id = ThreadLocalRandom.current().nextInt(1, ITEMS + 1);
        if (vertxStatement != null) {
            RowSet<Row> rows = await(vertxStatement.query().execute(Tuple.of(id)));
            for (Row row : rows) {
                bh.consume(row.getInteger(0).intValue());
                bh.consume(row.getString(1));
                bh.consume(row.getBigDecimal(2));
            }
            return;
        }
        statement.setInt(1, id);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getBigDecimal(3));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (connection != null) {
            statement.close();
            connection.close();
        }
        if (pgConnection != null) {
            await(pgConnection.close());
        }
        if (vertx != null) {
            await(vertx.close());
        }
    }

    static <T> T await(io.vertx.core.Future<T> future) throws InterruptedException, SQLException {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new SQLException("Vert.x call failed: " + e.getCause(), e.getCause());
        }
    }
}

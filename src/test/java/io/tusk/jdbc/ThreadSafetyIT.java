package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tusk.AsyncConnection;
import io.tusk.testing.PgServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One connection used from several threads at once: every result must belong to the thread that asked. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadSafetyIT extends JdbcTestBase {
    private static final int THREADS = 4;
    private static final int QUERIES = 200;
    private ExecutorService pool;

    ThreadSafetyIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS + 1);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Runs the tasks together (released by one latch), waits a bounded time, and fails on any non-SQLException. */
    private List<Object> runTogether(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            try {
                results.add(f.get(60, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                fail("a thread did not finish in 60 s (deadlock?)");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException) {
                    results.add(e.getCause());
                } else {
                    throw new AssertionError("a thread failed with " + e.getCause(), e.getCause());
                }
            }
        }
        return results;
    }

    @Test
    void fourThreadsOfPreparedStatementsOnOneConnection() throws Exception {
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            tasks.add(() -> {
                int checked = 0;
                try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int * 2, ?::text, g FROM"
                        + " generate_series(1, ?) g")) {
                    for (int i = 0; i < QUERIES; i++) {
                        int key = thread * 100_000 + i;
                        int rows = 1 + i % 5;
                        ps.setInt(1, key);
                        ps.setString(2, "t" + thread + "-" + i);
                        ps.setInt(3, rows);
                        try (ResultSet rs = ps.executeQuery()) {
                            for (int r = 1; r <= rows; r++) {
                                assertTrue(rs.next(), "row " + r + " of query " + i + " in thread " + thread);
                                assertEquals(key * 2, rs.getInt(1));
                                assertEquals("t" + thread + "-" + i, rs.getString(2));
                                assertEquals(r, rs.getInt(3));
                            }
                            assertTrue(!rs.next(), "no extra rows");
                        }
                        checked++;
                    }
                }
                return checked;
            });
        }
        List<Object> results = runTogether(tasks);
        for (Object r : results) {
            assertEquals(QUERIES, r, "every query of every thread succeeded: " + results);
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), "the connection is still usable");
        }
    }

    @Test
    void threadsMixingStatementsUpdatesAndBatches() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE ts_rows (thread int, i int, PRIMARY KEY (thread, i))");
        }
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            tasks.add(() -> {
                try (PreparedStatement ins = conn.prepareStatement("INSERT INTO ts_rows VALUES (?, ?)");
                        Statement st = conn.createStatement()) {
                    for (int i = 0; i < 50; i++) {
                        if (i % 10 == 0) {
                            for (int b = 0; b < 5; b++) {
                                ins.setInt(1, thread);
                                ins.setInt(2, 1000 + i * 10 + b);
                                ins.addBatch();
                            }
                            assertEquals(5, ins.executeBatch().length);
                        }
                        ins.setInt(1, thread);
                        ins.setInt(2, i);
                        assertEquals(1, ins.executeUpdate());
                        try (ResultSet rs = st.executeQuery("SELECT " + thread + ", " + i)) {
                            assertTrue(rs.next());
                            assertEquals(thread, rs.getInt(1));
                            assertEquals(i, rs.getInt(2));
                        }
                    }
                }
                return 0;
            });
        }
        runTogether(tasks).forEach(r -> assertEquals(0, r, "no thread failed: " + r));
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT thread, count(*) FROM ts_rows GROUP BY thread ORDER BY thread")) {
            for (int t = 0; t < THREADS; t++) {
                assertTrue(rs.next());
                assertEquals(t, rs.getInt(1));
                assertEquals(75, rs.getInt(2));
            }
        }
    }

    @Test
    void jdbcAndAsyncUseOfOneConnectionAtOnce() throws Exception {
        AsyncConnection async = conn.unwrap(AsyncConnection.class);
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1")) {
                for (int i = 0; i < QUERIES; i++) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(i + 1, rs.getInt(1));
                    }
                }
            }
            return 0;
        });
        tasks.add(() -> {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                futures.add(async.fetchVal("SELECT $1::int * 3", i));
            }
            for (int i = 0; i < QUERIES; i++) {
                assertEquals(i * 3, ((Number) futures.get(i).get(30, TimeUnit.SECONDS)).intValue());
            }
            return 0;
        });
        runTogether(tasks).forEach(r -> assertEquals(0, r, "no side failed: " + r));
    }

    @Test
    void errorsInOneThreadDoNotLeakIntoAnother() throws Exception {
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> {
            int errors = 0;
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 / ?")) {
                for (int i = 0; i < 100; i++) {
                    ps.setInt(1, 0);
                    try {
                        ps.executeQuery().close();
                    } catch (SQLException e) {
                        assertEquals("22012", e.getSQLState());
                        errors++;
                    }
                }
            }
            return errors;
        });
        tasks.add(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int")) {
                for (int i = 0; i < 100; i++) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(i, rs.getInt(1));
                    }
                }
            }
            return 0;
        });
        List<Object> results = runTogether(tasks);
        assertEquals(100, results.get(0), "every division failed: " + results);
        assertEquals(0, results.get(1), "no good query failed: " + results);
    }
}

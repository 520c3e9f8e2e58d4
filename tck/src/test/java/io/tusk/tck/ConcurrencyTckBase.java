package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One connection used from several threads, each with its own statements (JDBC requires drivers to be
 * thread-safe at the connection level; a Statement itself is not shared). Every wait is bounded.
 */
public abstract class ConcurrencyTckBase extends TckBase {

    private static final int THREADS = 8;

    /** Runs the tasks on {@link #THREADS} threads started together; rethrows the first failure. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(20, TimeUnit.SECONDS), "worker threads did not stop");
        }
    }

    @Test
    void preparedStatementsOnOneConnectionFromManyThreads() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                int ok = 0;
                try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4) * 2, CAST(? AS text)")) {
                    for (int i = 0; i < 50; i++) {
                        ps.setInt(1, thread * 1000 + i);
                        ps.setString(2, "t" + thread + "-" + i);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals((thread * 1000 + i) * 2, rs.getInt(1));
                            assertEquals("t" + thread + "-" + i, rs.getString(2));
                            ok++;
                        }
                    }
                }
                return ok;
            });
        }
        assertEquals(List.of(50, 50, 50, 50, 50, 50, 50, 50), runTogether(tasks));
    }

    @Test
    void plainStatementsOnOneConnectionFromManyThreads() throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                long sum = 0;
                try (Statement s = conn.createStatement()) {
                    for (int i = 0; i < 30; i++) {
                        try (ResultSet rs = s.executeQuery("SELECT sum(v) FROM generate_series(1, " + (thread + i) + ") v")) {
                            assertTrue(rs.next());
                            long n = thread + i;
                            assertEquals(n * (n + 1) / 2, rs.getLong(1));
                            sum += rs.getLong(1);
                        }
                    }
                }
                return sum;
            });
        }
        assertEquals(THREADS, runTogether(tasks).size());
    }

    @Test
    void insertsFromManyThreadsAllArrive() throws Exception {
        String table = tempTable("thread int, i int");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                    for (int i = 0; i < 25; i++) {
                        ps.setInt(1, thread);
                        ps.setInt(2, i);
                        ps.executeUpdate();
                    }
                }
                return 25;
            });
        }
        runTogether(tasks);
        assertEquals(THREADS * 25L, count(table));
        assertEquals(THREADS, scalarLong(conn, "SELECT count(DISTINCT thread) FROM " + table));
    }

    @Test
    void batchesFromManyThreads() throws Exception {
        String table = tempTable("thread int, i int");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < 100; i++) {
                            ps.setInt(1, thread);
                            ps.setInt(2, i);
                            ps.addBatch();
                        }
                        assertEquals(100, ps.executeBatch().length);
                    }
                }
                return 300;
            });
        }
        runTogether(tasks);
        assertEquals(THREADS * 300L, count(table));
    }

    @Test
    void metadataAndQueriesFromManyThreads() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 20; i++) {
                    if ((thread + i) % 2 == 0) {
                        assertEquals("PostgreSQL", conn.getMetaData().getDatabaseProductName());
                        assertTrue(conn.getAutoCommit());
                    } else {
                        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT " + i)) {
                            assertTrue(rs.next());
                            assertEquals(i, rs.getInt(1));
                        }
                    }
                }
                return "ok";
            });
        }
        runTogether(tasks);
    }

    @Test
    void isValidWhileAnotherThreadQueries() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        tasks.add(() -> {
            try (Statement s = conn.createStatement()) {
                for (int i = 0; i < 5; i++) {
                    s.execute("SELECT pg_sleep(0.05)");
                }
            }
            return true;
        });
        tasks.add(() -> {
            for (int i = 0; i < 5; i++) {
                assertTrue(conn.isValid(10));
            }
            return true;
        });
        assertEquals(List.of(true, true), runTogether(tasks));
    }

    @Test
    void errorsInOneThreadDoNotDisturbOthers() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                int answered = 0;
                try (Statement s = conn.createStatement()) {
                    for (int i = 0; i < 20; i++) {
                        if (thread % 2 == 0) {
                            assertSqlState("22012", () -> s.execute("SELECT 1/0"));
                        } else {
                            try (ResultSet rs = s.executeQuery("SELECT " + thread)) {
                                assertTrue(rs.next());
                                assertEquals(thread, rs.getInt(1));
                            }
                        }
                        answered++;
                    }
                }
                return answered;
            });
        }
        runTogether(tasks);
        assertUsable(conn);
    }

    @Test
    void closeWhileAnotherThreadWaitsForAQuery() throws Exception {
        // close() from another thread must not hang either side; the running query may finish or fail.
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> running = executor.submit(() -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("SELECT pg_sleep(2)");
                    return "finished";
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            conn.close();
            running.get(20, TimeUnit.SECONDS);
            assertTrue(conn.isClosed());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void manyConnectionsInParallel() throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                try (Connection c = source().open()) {
                    return scalarLong(c, "SELECT pg_backend_pid()");
                }
            });
        }
        List<Long> pids = runTogether(tasks);
        assertEquals(THREADS, pids.stream().distinct().count());
    }
}

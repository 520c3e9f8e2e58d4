package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.admin;
import static io.tusk.internal.net.TestEngine.await;
import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.protocol.Command;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many commands in flight on one connection: answered in order, an error fails only its command. */
class PipelineIT extends EngineTestBase {

    PipelineIT(PgServer pg) {
        super(pg);
    }

    private static ExtendedQueryCommand divide(int i) {
        return new ExtendedQueryCommand("", "SELECT 1000 / $1::int4", new int[] {23}, new short[] {0},
                new byte[][] {String.valueOf(i).getBytes(StandardCharsets.US_ASCII)}, new short[] {0}, 0, null);
    }

    @Test
    void thousandPipelinedCommandsCompleteInOrderAndOneFailureStaysLocal() throws SQLException {
        NettyConnection c = connect(admin(pg));
        try {
            List<Command<?>> commands = new ArrayList<>();
            // i - 500 is zero once: that command divides by zero
            for (int i = 0; i < 1000; i++) {
                commands.add(divide(i - 500 == 0 ? 0 : i + 1));
            }
            List<CompletableFuture<?>> futures = c.submitAll(commands);
            // a callback attached before completion runs when the command completes: by then the
            // command before it must be complete (answers are matched in order)
            AtomicInteger outOfOrder = new AtomicInteger();
            for (int i = 1; i < futures.size(); i++) {
                CompletableFuture<?> previous = futures.get(i - 1);
                futures.get(i).whenComplete((r, e) -> {
                    if (!previous.isDone()) {
                        outOfOrder.incrementAndGet();
                    }
                });
            }
            for (int i = 0; i < 1000; i++) {
                if (i == 500) {
                    SQLException e = assertThrows(SQLException.class, () -> await(futures.get(500)));
                    assertEquals("22012", e.getSQLState());
                } else {
                    QueryResult r = (QueryResult) await(futures.get(i));
                    assertEquals(String.valueOf(1000 / (i + 1)), r.rows().get(0).text(0), "result of command " + i);
                }
            }
            assertEquals(0, outOfOrder.get(), "commands complete in the order they were sent");
        } finally {
            close(c);
        }
    }

    @Test
    void commandsSubmittedFromManyThreadsAtOnceGetTheirOwnAnswers() throws Exception {
        NettyConnection c = connect(admin(pg));
        try {
            int threads = 4;
            List<List<CompletableFuture<List<QueryResult>>>> perThread = new ArrayList<>();
            List<Thread> started = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * 1000;
                List<CompletableFuture<List<QueryResult>>> mine = new ArrayList<>();
                perThread.add(mine);
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        mine.add(c.submit(new SimpleQueryCommand("SELECT " + (base + i))));
                    }
                });
                started.add(thread);
            }
            started.forEach(Thread::start);
            for (Thread t : started) {
                t.join(TestEngine.WAIT.toMillis());
            }
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<List<QueryResult>>> mine = perThread.get(t);
                assertEquals(200, mine.size());
                for (int i = 0; i < mine.size(); i++) {
                    assertEquals(String.valueOf(t * 1000 + i), await(mine.get(i)).get(0).rows().get(0).text(0));
                }
            }
            assertTrue(c.isOpen());
            assertEquals("1", value(c, "SELECT 1"));
        } finally {
            close(c);
        }
    }
}

package io.tusk.async;

import static io.tusk.async.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.AsyncConnection;
import io.tusk.Tusk;
import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The socketTimeout property on an async connection: a silent server ends the wait, idling does not. */
@ExtendWith(PgServerExtension.class)
class SocketTimeoutIT {
    private final PgServer pg;

    SocketTimeoutIT(PgServer pg) {
        this.pg = pg;
    }


    private AsyncConnection connect(String query) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        return await(Tusk.connect("postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database() + query, p));
    }

    @Test
    void aQueryTheServerIsSilentOnForLongerThanSocketTimeoutClosesTheConnection() throws Exception {
        AsyncConnection conn = connect("?socketTimeout=1");
        int pid = conn.serverProcessId();
        try {
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> await(conn.fetchVal("SELECT pg_sleep(4)")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(SQLNonTransientConnectionException.class, e);
            assertEquals("08006", e.getSQLState(), e.toString());
            assertTrue(e.getMessage().contains("socketTimeout (1000 ms)"), e.getMessage());
            assertTrue(ms >= 900 && ms < 3500, "timed out after " + ms + " ms");
            assertTrue(conn.isClosed());
            SQLException after = assertThrows(SQLException.class, () -> await(conn.fetchVal("SELECT 1")));
            assertTrue(after.getSQLState().startsWith("08"), after.toString());
        } finally {
            pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    @Test
    void anIdleConnectionOutlivesSocketTimeout() throws Exception {
        AsyncConnection conn = connect("?socketTimeout=1");
        try {
            assertEquals(1, await(conn.fetchVal("SELECT 1")));
            Thread.sleep(2500);
            assertFalse(conn.isClosed());
            assertEquals(2, await(conn.fetchVal("SELECT 2")));
        } finally {
            await(conn.close());
        }
    }

    @Test
    void withoutSocketTimeoutASlowQueryIsWaitedFor() throws Exception {
        AsyncConnection conn = connect("");
        try {
            assertEquals("", String.valueOf(await(conn.fetchVal("SELECT pg_sleep(1.5)::text"))));
        } finally {
            await(conn.close());
        }
    }
}

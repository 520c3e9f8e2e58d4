package io.tusk.internal.net;

import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SessionListener;
import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the engine's integration tests. Each test class runs twice: with the I/O on Netty's event
 * loop, and (in its {@code *CallerDrivenIT} subclass) with the calling thread doing the I/O.
 */
@ExtendWith(PgServerExtension.class)
abstract class EngineTestBase {
    protected final PgServer pg;

    EngineTestBase(PgServer pg) {
        this.pg = pg;
    }

    /** Whether connections are opened on the synchronous path. */
    protected boolean callerDriven() {
        return false;
    }

    protected NettyConnection connect(ConnectionSettings.Builder settings) throws SQLException {
        if (callerDriven()) {
            NettyConnection c = new Connector().connectBlocking(settings.build(), SessionListener.NONE);
            if (!c.isCallerDriven()) {
                throw new AssertionError("expected a caller-driven connection");
            }
            return c;
        }
        return TestEngine.await(new Connector().connect(settings.build()));
    }

    /**
     * Submits from another thread: on the synchronous path a submit returns only when its answer
     * is there, so work that must run while the test does something else starts elsewhere.
     */
    protected static <T> CompletableFuture<T> inBackground(Supplier<CompletableFuture<T>> submit) {
        return CompletableFuture.supplyAsync(submit).thenCompose(f -> f);
    }
}

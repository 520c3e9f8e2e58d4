package io.tusk.internal.session;

import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.config.ConnectionConfig;
import io.tusk.internal.net.Connector;
import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.protocol.SessionListener;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** Opens sessions from a parsed configuration, for the async API and the JDBC driver alike. */
public final class Sessions {
    private Sessions() {
    }

    /** A session whose I/O runs on Netty's event loop (the async API). */
    public static CompletableFuture<Session> open(ConnectionConfig config, SessionListener listener) {
        return new Connector().connect(config.toSettings(), listener).thenApply(c -> session(c, config));
    }

    /** A session whose I/O the calling threads perform (JDBC; DESIGN.md, "The synchronous path"). */
    public static Session openBlocking(ConnectionConfig config, SessionListener listener) throws SQLException {
        NettyConnection c = new Connector().connectBlocking(config.toSettings(), listener);
        c.socketTimeout(config.socketTimeout());
        return session(c, config);
    }

    private static Session session(NettyConnection c, ConnectionConfig config) {
        return new Session(c, CodecRegistry.builtin(), config.preparedStatementCacheQueries(),
                config.maxCacheableStatementSize());
    }
}

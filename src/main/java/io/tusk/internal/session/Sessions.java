package io.tusk.internal.session;

import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.config.ConnectionConfig;
import io.tusk.internal.net.Connector;
import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.SessionListener;
import io.tusk.ServerError;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Opens sessions from a parsed configuration, for the async API and the JDBC driver alike. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * A session whose I/O runs on Netty's event loop (the async API).
     *
     * @param notices receives the server's notices and warnings, on the I/O thread; must not block
     */
    public static CompletableFuture<Session> open(ConnectionConfig config, Consumer<ServerError> notices) {
        return new Connector().connect(config.toSettings(), listener(notices)).thenApply(c -> {
            c.socketTimeout(config.socketTimeout());
            return session(c, config);
        });
    }

    /**
     * A session whose I/O the calling threads perform (JDBC; DESIGN.md, "The synchronous path").
     * Its TimeZone is the JVM's, as pgjdbc sets it: JDBC's date and time methods work in the JVM's
     * zone, and the server's text for timestamptz values must agree with them.
     *
     * @param loginTimeout the limit for the whole connect ({@link java.time.Duration#ZERO}: none),
     *                     which the caller may have taken from elsewhere than the configuration
     */
    public static Session openBlocking(ConnectionConfig config, Consumer<ServerError> notices,
            java.time.Duration loginTimeout) throws SQLException {
        ConnectionSettings settings = withJvmTimeZone(config.toSettings()).toBuilder().loginTimeout(loginTimeout).build();
        NettyConnection c = new Connector().connectBlocking(settings, listener(notices));
        c.socketTimeout(config.socketTimeout());
        return session(c, config);
    }

    private static SessionListener listener(Consumer<ServerError> notices) {
        return new SessionListener() {
            @Override
            public void onNotice(ServerError notice) {
                notices.accept(notice);
            }
        };
    }

    static ConnectionSettings withJvmTimeZone(ConnectionSettings settings) {
        String options = settings.options() == null ? "" : settings.options().toLowerCase(java.util.Locale.ROOT);
        boolean given = options.contains("timezone") || settings.startupParameters().keySet().stream()
                .anyMatch(k -> k.equalsIgnoreCase("TimeZone"));
        String zone = java.util.TimeZone.getDefault().getID();
        // IANA names (Europe/Paris, UTC) mean the same to PostgreSQL; Java's "GMT+05:30" forms do not
        // (POSIX reverses their sign), so those leave the server's default in place
        if (given || !zone.matches("[A-Za-z_]+(/[A-Za-z0-9_+-]+)*") ) {
            return settings;
        }
        return settings.toBuilder().startupParameter("TimeZone", zone).build();
    }

    private static Session session(NettyConnection c, ConnectionConfig config) {
        return new Session(c, CodecRegistry.builtin(), config.preparedStatementCacheQueries(),
                config.maxCacheableStatementSize(), config.prepareThreshold());
    }
}

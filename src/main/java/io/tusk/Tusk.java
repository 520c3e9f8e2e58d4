package io.tusk;

import io.tusk.internal.config.ConnectionConfig;
import io.tusk.internal.config.ConnectionUrl;
import io.tusk.internal.session.Sessions;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Entry point of the asynchronous API.
 *
 * <pre>{@code
 * AsyncConnection conn = Tusk.connect("postgresql://app:secret@db.example.com:5432/shop?sslmode=verify-full").join();
 * }</pre>
 *
 * Accepts libpq URIs ({@code postgresql://…}, {@code postgres://…}) and JDBC URLs
 * ({@code jdbc:tusk://…}, {@code jdbc:postgresql://…}); the properties are those of
 * docs/configuration.md, with libpq's environment variables and {@code ~/.pgpass} as fallbacks.
 */
public final class Tusk {
    private Tusk() {
    }

    public static CompletableFuture<AsyncConnection> connect(String url) {
        return connect(url, new Properties());
    }

    /** As {@link #connect(String)}; {@code properties} override what the URL says. */
    public static CompletableFuture<AsyncConnection> connect(String url, Properties properties) {
        ConnectionConfig config;
        try {
            config = ConnectionUrl.parse(url, properties);
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Sessions.open(config, notice -> { }).thenApply(AsyncConnection::new);
    }
}

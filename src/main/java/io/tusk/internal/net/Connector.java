package io.tusk.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tusk.HasServerError;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.ProtocolConnection;
import io.tusk.internal.protocol.SessionListener;
import io.tusk.internal.protocol.SslMode;
import io.tusk.internal.protocol.StartupHandshake;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections: hosts in the given order, and per host the attempts libpq makes for the
 * sslmode (allow: plain, then TLS if the server rejects plain; prefer: TLS if offered, then plain
 * if the server rejects the TLS session), each bounded by {@code connectTimeout} as a whole
 * (TCP connect, TLS, authentication), and all of them together by {@code loginTimeout}
 * ({@link LoginDeadline}).
 */
public final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    /** How one attempt treats TLS. */
    enum Tls { PLAIN, IF_OFFERED, REQUIRED, DIRECT }

    private final EventLoopGroup group;

    public Connector(EventLoopGroup group) {
        this.group = group;
    }

    public Connector() {
        this(EventLoops.shared());
    }

    public CompletableFuture<NettyConnection> connect(ConnectionSettings settings) {
        return connect(settings, SessionListener.NONE);
    }

    public CompletableFuture<NettyConnection> connect(ConnectionSettings settings, SessionListener listener) {
        CompletableFuture<NettyConnection> result = new CompletableFuture<>();
        AtomicReference<Attempt> current = new AtomicReference<>();
        LoginDeadline login = LoginDeadline.start(settings.loginTimeout());
        if (login.isSet()) {
            ScheduledFuture<?> timer = group.schedule(() -> {
                Attempt attempt = current.get();
                SQLException error = login.expired(attempt == null ? settings.hosts().get(0) : attempt.host, null);
                if (result.completeExceptionally(error) && attempt != null) {
                    attempt.fail(error); // closes its channel; tryAttempt stops any attempt started after this
                }
            }, login.timeout().toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((c, e) -> timer.cancel(false));
        }
        tryHost(settings, listener, 0, null, result, current);
        return result;
    }

    /**
     * Opens a connection whose I/O the calling threads perform (DESIGN.md, "The synchronous path"):
     * the same attempts, TLS and startup as {@link #connect}, without an event loop.
     */
    public NettyConnection connectBlocking(ConnectionSettings settings, SessionListener listener) throws SQLException {
        LoginDeadline login = LoginDeadline.start(settings.loginTimeout());
        SQLException failure = null;
        for (HostSpec host : settings.hosts()) {
            List<Tls> plan = plan(settings);
            for (int step = 0; step < plan.size(); step++) {
                if (login.hasExpired()) {
                    SQLException expired = login.expired(host, null);
                    if (failure != null) {
                        expired.addSuppressed(failure);
                    }
                    throw expired;
                }
                Attempt attempt = new Attempt(settings, listener, host, plan.get(step));
                attempt.runBlocking(login);
                try {
                    return attempt.result.join();
                } catch (CompletionException e) {
                    SQLException error = unwrap(e);
                    if (failure != null) {
                        error.addSuppressed(failure);
                    }
                    failure = error;
                    if (LoginDeadline.isExpiry(error)) {
                        throw error;
                    }
                    if (!(step + 1 < plan.size() && retryable(settings.sslMode(), attempt, error))) {
                        break;
                    }
                    log.debug("{} attempt to {} failed, retrying {}", plan.get(step), host, plan.get(step + 1), error);
                }
            }
        }
        throw failure;
    }

    private void tryHost(ConnectionSettings settings, SessionListener listener, int index, SQLException previous,
            CompletableFuture<NettyConnection> result, AtomicReference<Attempt> current) {
        HostSpec host = settings.hosts().get(index);
        List<Tls> plan = plan(settings);
        tryAttempt(settings, listener, host, plan, 0, result, current).whenComplete((c, e) -> {
            if (e == null) {
                if (!result.complete(c)) {
                    c.abort(); // loginTimeout ran out just as the connection was made
                }
                return;
            }
            SQLException error = unwrap(e);
            if (previous != null) {
                error.addSuppressed(previous);
            }
            if (index + 1 < settings.hosts().size() && !result.isDone()) {
                log.debug("connection to {} failed, trying the next host", host, error);
                tryHost(settings, listener, index + 1, error, result, current);
            } else {
                result.completeExceptionally(error);
            }
        });
    }

    private static List<Tls> plan(ConnectionSettings settings) {
        if (settings.sslDirect()) {
            return List.of(Tls.DIRECT);
        }
        return switch (settings.sslMode()) {
            case DISABLE -> List.of(Tls.PLAIN);
            case ALLOW -> List.of(Tls.PLAIN, Tls.REQUIRED);
            case PREFER -> List.of(Tls.IF_OFFERED, Tls.PLAIN);
            default -> List.of(Tls.REQUIRED);
        };
    }

    private CompletableFuture<NettyConnection> tryAttempt(ConnectionSettings settings, SessionListener listener,
            HostSpec host, List<Tls> plan, int step, CompletableFuture<NettyConnection> overall,
            AtomicReference<Attempt> current) {
        Attempt attempt = new Attempt(settings, listener, host, plan.get(step));
        attempt.start();
        current.set(attempt);
        if (overall.isDone()) {
            // loginTimeout ran out meanwhile; its timer may have read the previous attempt, so end this one here
            attempt.fail(new SQLNonTransientConnectionException("connect abandoned (loginTimeout)",
                    SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION));
        }
        return attempt.result.handle((c, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(c);
            }
            SQLException error = unwrap(e);
            if (step + 1 < plan.size() && retryable(settings.sslMode(), attempt, error) && !overall.isDone()) {
                log.debug("{} attempt to {} failed, retrying {}", plan.get(step), host, plan.get(step + 1), error);
                return tryAttempt(settings, listener, host, plan, step + 1, overall, current);
            }
            return CompletableFuture.<NettyConnection>failedFuture(error);
        }).thenCompose(f -> f);
    }

    /** libpq retries only when the server itself refused the session (or, under prefer, TLS failed). */
    private static boolean retryable(SslMode mode, Attempt attempt, SQLException error) {
        if (mode == SslMode.ALLOW) {
            return error instanceof HasServerError;
        }
        return mode == SslMode.PREFER && attempt.tlsStarted
                && (error instanceof HasServerError || !attempt.tlsDone);
    }

    static SQLException unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return ProtocolHandler.toSqlException(e);
    }

    /** One TCP connection and startup, with one way of treating TLS. */
    private final class Attempt {
        final ConnectionSettings settings;
        final SessionListener listener;
        final HostSpec host;
        final Tls tls;
        final CompletableFuture<NettyConnection> result = new CompletableFuture<>();
        volatile boolean tlsStarted;
        volatile boolean tlsDone;
        private Channel channel;
        private BlockingChannelDriver driver;
        private SslNegotiator negotiator;

        Attempt(ConnectionSettings settings, SessionListener listener, HostSpec host, Tls tls) {
            this.settings = settings;
            this.listener = listener;
            this.host = host;
            this.tls = tls;
        }

        /**
         * Connects on the calling thread and pumps I/O until the attempt has ended or timed out:
         * connectTimeout from now or what is left of loginTimeout, whichever ends first.
         */
        void runBlocking(LoginDeadline login) {
            long deadline = login.attemptDeadline(settings.connectTimeout());
            boolean loginBinds = login.isBinding(deadline);
            try {
                driver = BlockingChannelDriver.connect(new InetSocketAddress(host.host(), host.port()),
                        Duration.ofNanos(deadline - System.nanoTime()), settings.tcpKeepAlive());
            } catch (java.io.IOException | RuntimeException e) {
                boolean expired = loginBinds && e instanceof SocketTimeoutException;
                result.completeExceptionally(expired ? login.expired(host, e) : cannotConnect(e));
                return;
            }
            channel = driver.channel();
            if (tls == Tls.IF_OFFERED || tls == Tls.REQUIRED) {
                negotiator = new SslNegotiator();
                channel.pipeline().addLast("ssl-negotiator", negotiator);
            }
            onConnected();
            try {
                driver.pumpUntil(result, deadline);
            } catch (SQLException e) {
                fail(loginBinds && e.getCause() instanceof SocketTimeoutException ? login.expired(host, e) : e);
            }
            fail(new SQLNonTransientConnectionException("the connection to " + host + " closed during startup",
                    SqlStates.CONNECTION_FAILURE)); // no effect when the attempt has ended already
        }

        private SQLException cannotConnect(Throwable e) {
            return new SQLNonTransientConnectionException("could not connect to " + host + ": " + e.getMessage(),
                    SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, e);
        }

        void start() {
            negotiator = tls == Tls.IF_OFFERED || tls == Tls.REQUIRED ? new SslNegotiator() : null;
            long timeoutMillis = Math.max(1, settings.connectTimeout().toMillis());
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(EventLoops.socketChannelClass())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, settings.tcpKeepAlive())
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            if (negotiator != null) {
                                ch.pipeline().addLast("ssl-negotiator", negotiator);
                            }
                        }
                    });
            ChannelFuture connect = bootstrap.connect(new InetSocketAddress(host.host(), host.port()));
            channel = connect.channel();
            ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> fail(new SQLNonTransientConnectionException(
                    "connection to " + host + " timed out after " + timeoutMillis + " ms (connectTimeout)",
                    SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION)), timeoutMillis, TimeUnit.MILLISECONDS);
            result.whenComplete((c, e) -> timer.cancel(false));
            connect.addListener(f -> {
                if (f.isSuccess()) {
                    onConnected();
                } else {
                    fail(cannotConnect(f.cause()));
                }
            });
        }

        private void onConnected() {
            if (tls == Tls.DIRECT) {
                startTls();
            } else if (negotiator != null) {
                negotiator.accepted().whenComplete((accepted, e) -> {
                    if (e != null) {
                        fail(unwrap(e));
                    } else if (accepted) {
                        startTls();
                    } else if (tls == Tls.REQUIRED) {
                        fail(new SQLNonTransientConnectionException("the server at " + host
                                + " does not support TLS, but sslmode=" + settings.sslMode().libpqName()
                                + " requires it", SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION));
                    } else {
                        startProtocol(null);
                    }
                });
            } else {
                startProtocol(null);
            }
        }

        private void startTls() {
            tlsStarted = true;
            SslHandler ssl;
            try {
                ssl = SslContexts.newHandler(settings, host, channel.alloc());
            } catch (SQLException e) {
                fail(e);
                return;
            }
            channel.pipeline().addFirst("ssl", ssl);
            ssl.handshakeFuture().addListener(f -> {
                if (!f.isSuccess()) {
                    fail(new SQLNonTransientConnectionException("TLS handshake with " + host + " failed: "
                            + f.cause().getMessage(), SqlStates.CONNECTION_FAILURE, f.cause()));
                    return;
                }
                tlsDone = true;
                if (tls == Tls.DIRECT && !SslContexts.ALPN_POSTGRESQL.equals(ssl.applicationProtocol())) {
                    fail(new SQLNonTransientConnectionException("the server at " + host
                            + " did not agree to ALPN protocol \"postgresql\" for direct TLS",
                            SqlStates.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION));
                    return;
                }
                startProtocol(peerCertificate(ssl));
            });
        }

        private void startProtocol(X509Certificate serverCertificate) {
            boolean raw = driver != null && channel.pipeline().get(SslHandler.class) == null;
            ProtocolHandler handler = new ProtocolHandler(
                    out -> new ProtocolConnection(out, settings.protocolVersion(), listener), raw ? driver::send : null);
            FrameDecoder frames = new FrameDecoder(settings.maxMessageSize());
            channel.pipeline().addLast("frame-decoder", frames);
            channel.pipeline().addLast("protocol", handler);
            if (raw) {
                driver.decodeDirectly(frames, handler);
            }
            StartupHandshake startup = new StartupHandshake(settings, serverCertificate);
            startup.callback(new io.tusk.internal.protocol.CommandCallback<>() {
                @Override
                public void onSuccess(io.tusk.internal.protocol.SessionState session) {
                    NettyConnection c = new NettyConnection(channel, driver, handler.connection(), host,
                            settings, serverCertificate != null);
                    if (!result.complete(c)) {
                        c.abort();
                    }
                }

                @Override
                public void onFailure(SQLException error) {
                    fail(error);
                }
            });
            handler.connection().start(startup);
        }

        void fail(SQLException error) {
            if (result.completeExceptionally(error)) {
                if (driver != null) {
                    driver.close();
                } else if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    private static X509Certificate peerCertificate(SslHandler ssl) {
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}

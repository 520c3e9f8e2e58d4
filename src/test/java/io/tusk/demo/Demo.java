package io.tusk.demo;

import io.tusk.HasServerError;
import io.tusk.internal.net.Connector;
import io.tusk.internal.net.NettyConnection;
import io.tusk.internal.protocol.ConnectionSettings;
import io.tusk.internal.protocol.HostSpec;
import io.tusk.internal.protocol.SslMode;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.RowData;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A walk through what the driver does today, against an embedded PostgreSQL that it starts itself,
 * or against {@code postgresql://user:password@host:port/db} given as the first argument.
 * It uses the engine directly: the JDBC facade and the public async API come with the next milestone.
 */
public final class Demo {

    public static void main(String[] args) throws Exception {
        ConnectionSettings settings = args.length > 0 ? fromUri(args[0]) : embedded();
        System.out.println("Connecting to " + settings.hosts() + " as " + settings.user()
                + " (sslmode=" + settings.sslMode().libpqName() + ") ...");
        NettyConnection c = new Connector().connect(settings).get(30, TimeUnit.SECONDS);
        System.out.println("  connected: PostgreSQL " + c.session().parameter("server_version")
                + ", backend pid " + c.session().processId() + ", TLS " + (c.isSecure() ? "on" : "off"));

        run(c, "DDL", "DROP TABLE IF EXISTS demo_items; "
                + "CREATE TABLE demo_items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2))");

        System.out.println("Pipelined inserts: 100 extended-protocol commands, one flush, answers in order");
        List<io.tusk.internal.protocol.Command<?>> inserts = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            inserts.add(new ExtendedQueryCommand("", "INSERT INTO demo_items VALUES ($1, $2, $3)",
                    new int[] {23, 25, 1700}, new short[] {0},
                    new byte[][] {text(i), text("item " + i), text(i + ".99")}, new short[0], 0, null));
        }
        long inserted = 0;
        for (CompletableFuture<?> f : c.submitAll(inserts)) {
            inserted += ((QueryResult) f.get(30, TimeUnit.SECONDS)).rowCount();
        }
        System.out.println("  inserted " + inserted + " rows");

        QueryResult top = c.submit(new SimpleQueryCommand(
                "SELECT id, name, price FROM demo_items ORDER BY price DESC LIMIT 3")).get(30, TimeUnit.SECONDS).get(0);
        System.out.println("Query: the three most expensive items");
        for (RowData row : top.rows()) {
            System.out.println("  " + row.text(0) + " | " + row.text(1) + " | " + row.text(2));
        }

        System.out.println("Transaction: an update rolled back");
        run(c, "  begin + update", "BEGIN; UPDATE demo_items SET price = 0");
        System.out.println("  transaction status: " + c.session().transactionStatus());
        run(c, "  rollback", "ROLLBACK");
        run(c, "  free items after rollback", "SELECT count(*) FROM demo_items WHERE price = 0");

        System.out.println("Error: a duplicate key, with the server's fields");
        try {
            c.submit(new SimpleQueryCommand("INSERT INTO demo_items VALUES (1, 'dup', 1)")).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            SQLException s = (SQLException) e.getCause();
            System.out.println("  " + s.getClass().getSimpleName() + " SQLSTATE " + s.getSQLState()
                    + ", constraint " + ((HasServerError) s).serverError().constraint());
        }
        run(c, "  the connection is still usable", "SELECT 'yes'");

        run(c, "Clean up", "DROP TABLE demo_items");
        c.close().get(10, TimeUnit.SECONDS);
        System.out.println("Closed.");
        System.exit(0);
    }

    private static void run(NettyConnection c, String label, String sql) throws Exception {
        List<QueryResult> results = c.submit(new SimpleQueryCommand(sql)).get(30, TimeUnit.SECONDS);
        QueryResult last = results.get(results.size() - 1);
        String shown = last.description() != null && !last.rows().isEmpty() ? last.rows().get(0).text(0) : last.commandTag();
        System.out.println(label + ": " + shown);
    }

    private static byte[] text(Object value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ConnectionSettings embedded() {
        System.out.println("Starting an embedded PostgreSQL (binaries from Maven Central) ...");
        PgServer pg = PgServer.get();
        return ConnectionSettings.builder().host(pg.host(), pg.port()).database(pg.database())
                .user(PgServer.SCRAM_USER).password(pg.passwordOf(PgServer.SCRAM_USER))
                .sslMode(SslMode.VERIFY_FULL).sslRootCert(pg.caCertFile()).build();
    }

    private static ConnectionSettings fromUri(String text) {
        URI uri = URI.create(text.startsWith("jdbc:") ? text.substring(5) : text);
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
        return ConnectionSettings.builder()
                .hosts(List.of(new HostSpec(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort())))
                .user(user).password(password).database(db).build();
    }
}

package io.tusk.demo;

import io.tusk.AsyncConnection;
import io.tusk.HasServerError;
import io.tusk.Row;
import io.tusk.Tusk;
import io.tusk.testing.PgServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A walk through the driver's main features against an embedded PostgreSQL that it starts itself,
 * or against the server of the JDBC URL given as the first argument
 * (e.g. {@code jdbc:postgresql://localhost/mydb?user=me&password=secret}).
 */
public final class Demo {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : embeddedUrl();
        System.out.println("Connecting to " + url.replaceAll("password=[^&]*", "password=***"));
        try (Connection c = DriverManager.getConnection(url)) {
            System.out.println("  connected: " + c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion() + " through " + c.getMetaData().getDriverName());

            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS demo_items");
                s.execute("CREATE TABLE demo_items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2),"
                        + " created timestamptz DEFAULT now())");
                System.out.println("DDL: table demo_items created");
            }

            try (PreparedStatement ps = c.prepareStatement("INSERT INTO demo_items (id, name, price) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "item " + i);
                    ps.setBigDecimal(3, new BigDecimal(i + ".99"));
                    ps.addBatch();
                }
                System.out.println("Batch insert: " + ps.executeBatch().length + " rows in one round trip");
            }

            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, price FROM demo_items WHERE price > ? ORDER BY price DESC LIMIT 3")) {
                ps.setBigDecimal(1, new BigDecimal("100"));
                try (ResultSet rs = ps.executeQuery()) {
                    System.out.println("Query: the three most expensive items");
                    while (rs.next()) {
                        System.out.println("  " + rs.getInt("id") + " | " + rs.getString("name") + " | "
                                + rs.getBigDecimal("price"));
                    }
                }
            }

            System.out.println("Transaction: an update, rolled back");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                System.out.println("  updated " + s.executeUpdate("UPDATE demo_items SET price = 0") + " rows");
                c.rollback();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM demo_items WHERE price = 0")) {
                    rs.next();
                    System.out.println("  free items after rollback: " + rs.getLong(1));
                }
            }
            c.setAutoCommit(true);

            System.out.println("Error: a duplicate key, with the server's fields");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO demo_items (id, name) VALUES (1, 'dup')");
            } catch (SQLException e) {
                System.out.println("  " + e.getClass().getSimpleName() + " SQLSTATE " + e.getSQLState()
                        + ", constraint " + ((HasServerError) e).serverError().constraint());
            }

            System.out.println("Async API on the same connection, unwrapped from JDBC");
            AsyncConnection same = c.unwrap(AsyncConnection.class);
            Object count = same.fetchVal("SELECT count(*) FROM demo_items").join();
            System.out.println("  fetchVal: " + count + " rows in demo_items");

            System.out.println("Async API on its own connection: 100 queries in flight at once");
            AsyncConnection async = Tusk.connect(url).join();
            List<CompletableFuture<Row>> rows = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                rows.add(async.fetchRow("SELECT name, price FROM demo_items WHERE id = $1", i));
            }
            BigDecimal total = BigDecimal.ZERO;
            for (CompletableFuture<Row> r : rows) {
                total = total.add(r.join().getBigDecimal("price"));
            }
            System.out.println("  sum of the first 100 prices: " + total);
            async.close().join();

            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE demo_items");
            }
        }
        System.out.println("Closed.");
        System.exit(0);
    }

    private static String embeddedUrl() {
        System.out.println("Starting an embedded PostgreSQL (binaries from Maven Central) ...");
        PgServer pg = PgServer.get();
        return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database()
                + "?user=" + PgServer.SCRAM_USER + "&password=" + pg.passwordOf(PgServer.SCRAM_USER)
                + "&sslmode=verify-full&sslrootcert=" + pg.caCertFile();
    }
}

package io.tusk.bench;

import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of a large result: 100,000 rows of ten mixed-type columns (int4, int8, text, numeric, float8,
 * bool, date, timestamptz, uuid, a 8-byte bytea), every value read through its typed getter. The prepared
 * statement is executed once per operation. Measures decoding and per-row cost (DESIGN.md, "Performance":
 * binary results, lazy decoding, no per-row allocation beyond the row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadRowsBenchmark {

    static final int ROWS = 100_000;
    static final String SQL = "SELECT c_int4, c_int8, c_text, c_numeric, c_float8, c_bool, c_date, c_timestamptz, "
            + "c_uuid, c_bytea FROM bench_rows";

    @Param({BenchServer.TUSK, BenchServer.PGJDBC})
    public String driver;

    private Connection connection;
    private PreparedStatement statement;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PgServer server = BenchServer.server();
        BenchServer.admin(server,
                "DROP TABLE IF EXISTS bench_rows",
                "CREATE TABLE bench_rows (c_int4 int4, c_int8 int8, c_text text, c_numeric numeric(14,4), "
                        + "c_float8 float8, c_bool bool, c_date date, c_timestamptz timestamptz, c_uuid uuid, "
                        + "c_bytea bytea)",
                "INSERT INTO bench_rows SELECT i, i::int8 * 1000003, 'row number ' || i, "
                        + "(i * 1.2345)::numeric(14,4), i / 7.0, i % 2 = 0, date '2000-01-01' + (i % 10000), "
                        + "timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second', md5(i::text)::uuid, "
                        + "decode(lpad(to_hex(i), 16, '0'), 'hex') FROM generate_series(1, " + ROWS + ") i",
                "VACUUM ANALYZE bench_rows");
        connection = BenchServer.connect(driver, server);
        statement = connection.prepareStatement(SQL);
        check(server);
    }

    /** A wrong answer must fail the run, not produce a fast number. */
    private void check(PgServer server) throws SQLException {
        long expectedInt8 = Long.parseLong(BenchServer.adminValue(server, "SELECT sum(c_int8) FROM bench_rows"));
        long expectedDays = Long.parseLong(BenchServer.adminValue(server,
                "SELECT sum(c_date - date '1970-01-01') FROM bench_rows"));
        long rows = 0;
        long int8 = 0;
        long days = 0;
        long trues = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
                int i = rs.getInt(1);
                int8 += rs.getLong(2);
                days += rs.getObject(7, LocalDate.class).toEpochDay();
                trues += rs.getBoolean(6) ? 1 : 0;
                String text = rs.getString(3);
                OffsetDateTime ts = rs.getObject(8, OffsetDateTime.class);
                byte[] bytes = rs.getBytes(10);
                if (!text.equals("row number " + i) || ts.toEpochSecond() != 1577836800L + i || bytes.length != 8
                        || rs.getObject(9, UUID.class) == null
                        || rs.getBigDecimal(4).compareTo(new java.math.BigDecimal("1.2345").multiply(
                                java.math.BigDecimal.valueOf(i))) != 0) {
                    throw new IllegalStateException(driver + " returned a wrong row for c_int4=" + i + ": " + text
                            + ", " + ts + ", " + bytes.length + " bytes, " + rs.getBigDecimal(4));
                }
            }
        }
        if (rows != ROWS || int8 != expectedInt8 || days != expectedDays || trues != ROWS / 2) {
            throw new IllegalStateException(driver + " read " + rows + " rows, sum(int8)=" + int8 + " (expected "
                    + expectedInt8 + "), sum(days)=" + days + " (expected " + expectedDays + "), trues=" + trues);
        }
    }

    @Benchmark
    public int readRows(Blackhole bh) throws SQLException {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getLong(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getBigDecimal(4));
                bh.consume(rs.getDouble(5));
                bh.consume(rs.getBoolean(6));
                bh.consume(rs.getObject(7, LocalDate.class));
                bh.consume(rs.getObject(8, OffsetDateTime.class));
                bh.consume(rs.getObject(9, UUID.class));
                bh.consume(rs.getBytes(10));
                rows++;
            }
        }
        return rows;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        statement.close();
        connection.close();
    }
}

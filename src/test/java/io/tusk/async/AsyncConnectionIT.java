package io.tusk.async;

import static io.tusk.async.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.AsyncConnection;
import io.tusk.HasServerError;
import io.tusk.PreparedQuery;
import io.tusk.Row;
import io.tusk.Tusk;
import io.tusk.ValueConversionException;
import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The asyncpg-style API: execute, fetch, fetchRow, fetchVal, prepare, pipelining, errors. */
@ExtendWith(PgServerExtension.class)
class AsyncConnectionIT {
    private final PgServer pg;
    private AsyncConnection conn;

    AsyncConnectionIT(PgServer pg) {
        this.pg = pg;
    }


    @BeforeEach
    void open() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        conn = await(Tusk.connect("postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database(), p));
    }

    @AfterEach
    void close() throws Exception {
        await(conn.close());
    }

    @Test
    void executeReturnsTheStatusOfTheLastCommand() throws Exception {
        assertEquals("CREATE TABLE", await(conn.execute("CREATE TEMP TABLE a (id int PRIMARY KEY, name text)")));
        assertEquals("INSERT 0 1", await(conn.execute("INSERT INTO a VALUES ($1, $2)", 1, "one")));
        assertEquals("INSERT 0 2", await(conn.execute("INSERT INTO a VALUES (2, 'two'); INSERT INTO a VALUES (3, 'x'), (4, 'y')")));
        assertEquals("UPDATE 4", await(conn.execute("UPDATE a SET name = upper(name)")));
    }

    @Test
    void fetchFetchRowAndFetchVal() throws Exception {
        await(conn.execute("CREATE TEMP TABLE f (id int, name text, born date, score numeric(5,2), tag uuid)"));
        UUID tag = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            await(conn.execute("INSERT INTO f VALUES ($1, $2, $3, $4, $5)", i, "n" + i,
                    LocalDate.of(2000, 1, i), new BigDecimal(i + ".25"), tag));
        }
        for (int round = 0; round < 3; round++) { // the first run reads text, later ones binary (statement cache)
            List<Row> rows = await(conn.fetch("SELECT id, name, born, score, tag FROM f WHERE id >= $1 ORDER BY id", 2));
            assertEquals(2, rows.size());
            Row r = rows.get(0);
            assertEquals(2, r.getInteger("id"));
            assertEquals("n2", r.getString(1));
            assertEquals(LocalDate.of(2000, 1, 2), r.get("born"));
            assertEquals(new BigDecimal("2.25"), r.getBigDecimal("SCORE"), "names match case-insensitively");
            assertEquals(tag, r.getUuid("tag"));
            assertEquals("Row{id=2, name=n2, born=2000-01-02, score=2.25, tag=" + tag + "}", r.toString());
        }
        Row first = await(conn.fetchRow("SELECT name FROM f ORDER BY id"));
        assertEquals("n1", first.getString(0));
        assertNull(await(conn.fetchRow("SELECT name FROM f WHERE id = $1", 99)));
        assertEquals(3L, await(conn.fetchVal("SELECT count(*) FROM f")));
        assertEquals("3", await(conn.fetchVal(String.class, "SELECT count(*) FROM f")));
        assertNull(await(conn.fetchVal("SELECT name FROM f WHERE id = $1", 42)));
    }

    /** Row.getString prints an interval in the session's IntervalStyle whichever format it came in. */
    @Test
    void intervalTextFollowsTheSessionsIntervalStyle() throws Exception {
        await(conn.execute("SET IntervalStyle = 'sql_standard'"));
        assertEquals("sql_standard", conn.serverParameter("IntervalStyle"));
        for (int round = 0; round < 3; round++) { // the first run reads text, later ones binary (statement cache)
            Row r = await(conn.fetchRow("SELECT $1::interval AS i", "-1 day -02:03:04"));
            assertEquals("-1 2:03:04", r.getString("i"));
        }
    }

    @Test
    void nullsTimestampsAndConversions() throws Exception {
        Row r = await(conn.fetchRow("SELECT NULL::int AS n, $1::timestamptz AS ts, 5000000000::int8 AS big",
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123456000, ZoneOffset.ofHours(2))));
        assertTrue(r.isNull("n"));
        assertNull(r.getInteger("n"));
        assertEquals(OffsetDateTime.of(2024, 5, 6, 5, 8, 9, 123456000, ZoneOffset.UTC).toInstant(),
                r.getOffsetDateTime(1).toInstant());
        ValueConversionException e = assertThrows(ValueConversionException.class, () -> r.getInteger("big"));
        assertEquals("22003", e.getSQLState());
        assertThrows(IllegalArgumentException.class, () -> r.get("missing"));
        assertThrows(IndexOutOfBoundsException.class, () -> r.get(3));
    }

    @Test
    void preparedQueriesKnowTheirTypesAndRunRepeatedly() throws Exception {
        PreparedQuery q = await(conn.prepare("SELECT $1::int8 * 2 AS doubled, $2::text AS label"));
        assertEquals(List.of("int8", "text"), q.parameterTypes());
        assertEquals(List.of("doubled", "label"), q.columnNames());
        assertEquals(List.of("int8", "text"), q.columnTypes());
        for (long i = 0; i < 5; i++) {
            Row r = await(q.fetchRow(i, "x" + i));
            assertEquals(2 * i, r.getLong("doubled"));
        }
        // a String feeds a typed parameter: sent as text and parsed by the server
        assertEquals(84L, await(q.fetchVal("42", "y")));
        SQLException wrongCount = assertThrows(SQLException.class, () -> await(q.fetch(1)));
        assertEquals("07001", wrongCount.getSQLState());
        q.close();
        assertEquals(1, await(conn.fetchVal("SELECT 1")));
    }

    @Test
    void manyCommandsInFlightAtOnceAreAnsweredInOrder() throws Exception {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(conn.fetchVal("SELECT $1::int4 * 3", i));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(i * 3, await(answers.get(i)));
        }
    }

    @Test
    void anErrorFailsOnlyItsFutureAndCarriesTheServerFields() throws Exception {
        await(conn.execute("CREATE TEMP TABLE u (id int CONSTRAINT u_pk PRIMARY KEY)"));
        CompletableFuture<String> ok1 = conn.execute("INSERT INTO u VALUES ($1)", 1);
        CompletableFuture<String> dup = conn.execute("INSERT INTO u VALUES ($1)", 1);
        CompletableFuture<String> ok2 = conn.execute("INSERT INTO u VALUES ($1)", 2);
        assertEquals("INSERT 0 1", await(ok1));
        SQLException e = assertThrows(SQLException.class, () -> await(dup));
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("u_pk", ((HasServerError) e).serverError().constraint());
        assertEquals("INSERT 0 1", await(ok2));
    }

    @Test
    void unsupportedArgumentTypesAreRefusedBeforeAnythingIsSent() {
        SQLException e = assertThrows(SQLException.class, () -> await(conn.fetch("SELECT $1", new Object())));
        assertEquals("22023", e.getSQLState());
    }

    @Test
    void binaryValuesRoundTrip() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(bytes, await(conn.fetchRow("SELECT $1::bytea", (Object) bytes)).getBytes(0));
        }
    }

    @Test
    void sessionInformation() throws Exception {
        assertEquals(await(conn.fetchVal("SELECT pg_backend_pid()")), conn.serverProcessId());
        assertTrue(conn.serverVersion().startsWith(String.valueOf(pg.serverMajorVersion())));
        assertEquals("UTF8", conn.serverParameter("client_encoding"));
        await(conn.execute("BEGIN"));
        assertTrue(conn.isInTransaction());
        await(conn.execute("ROLLBACK"));
        assertTrue(!conn.isInTransaction());
    }

    @Test
    void closedConnectionsRefuseWork() throws Exception {
        await(conn.close());
        assertTrue(conn.isClosed());
        SQLException e = assertThrows(SQLException.class, () -> await(conn.fetchVal("SELECT 1")));
        assertEquals("08003", e.getSQLState());
    }
}

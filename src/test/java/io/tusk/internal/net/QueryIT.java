package io.tusk.internal.net;

import static io.tusk.internal.net.TestEngine.admin;
import static io.tusk.internal.net.TestEngine.await;
import static io.tusk.internal.net.TestEngine.close;
import static io.tusk.internal.net.TestEngine.query;
import static io.tusk.internal.net.TestEngine.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import io.tusk.internal.protocol.command.CloseStatementCommand;
import io.tusk.internal.protocol.command.ExtendedQueryCommand;
import io.tusk.internal.protocol.command.PrepareCommand;
import io.tusk.internal.protocol.command.PreparedStatementInfo;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.testing.PgServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Simple and extended query protocol: results, several statements, errors and their fields. */
class QueryIT extends EngineTestBase {
    private static final short TEXT = 0;
    private static final short BINARY = 1;

    private NettyConnection c;

    QueryIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void open() throws SQLException {
        c = connect(admin(pg));
    }

    @AfterEach
    void closeConnection() throws SQLException {
        close(c);
    }

    @Test
    void severalStatementsInOneStringGiveOneResultEach() throws SQLException {
        List<QueryResult> results = query(c, "CREATE TEMP TABLE t (a int); INSERT INTO t VALUES (1), (2), (3);"
                + " SELECT a FROM t ORDER BY a; UPDATE t SET a = a + 1 WHERE a > 1; DROP TABLE t");
        assertEquals(5, results.size());
        assertEquals("CREATE TABLE", results.get(0).commandTag());
        assertEquals(3, results.get(1).rowCount());
        QueryResult select = results.get(2);
        assertEquals("a", select.description().fields()[0].name());
        assertEquals(List.of("1", "2", "3"), select.rows().stream().map(r -> r.text(0)).toList());
        assertEquals(3, select.rowCount());
        assertEquals(2, results.get(3).rowCount());
        assertEquals("DROP TABLE", results.get(4).commandTag());
    }

    @Test
    void emptyQueryAndNullValues() throws SQLException {
        List<QueryResult> empty = query(c, "");
        assertEquals(1, empty.size());
        assertNull(empty.get(0).commandTag());
        QueryResult r = query(c, "SELECT NULL::text, ''::text").get(0);
        assertTrue(r.rows().get(0).isNull(0));
        assertEquals("", r.rows().get(0).text(1));
    }

    @Test
    void anErrorStopsTheRestOfASimpleQueryAndCarriesEveryField() throws SQLException {
        query(c, "CREATE TEMP TABLE u (id int CONSTRAINT u_pk PRIMARY KEY)");
        SQLException e = assertThrows(SQLException.class,
                () -> query(c, "INSERT INTO u VALUES (1); INSERT INTO u VALUES (1); INSERT INTO u VALUES (2)"));
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        ServerError err = ((HasServerError) e).serverError();
        assertEquals("u_pk", err.constraint());
        assertEquals("u", err.table());
        assertTrue(err.schema().startsWith("pg_temp"), err.schema());
        assertEquals("ERROR", err.severityNonLocalized());
        assertNotNull(err.detail());
        assertNotNull(err.file());
        assertNotNull(err.line());
        assertNotNull(err.routine());
        // the whole string ran in one implicit transaction, so nothing was inserted
        assertEquals("0", value(c, "SELECT count(*) FROM u"));
    }

    @Test
    void syntaxErrorHasPositionAndClass42() {
        SQLException e = assertThrows(SQLException.class, () -> query(c, "SELEC 1"));
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals("42601", e.getSQLState());
        assertEquals("1", ((HasServerError) e).serverError().position());
    }

    @Test
    void copyFromStdinInASimpleQueryIsRefusedWithoutHanging() throws SQLException {
        query(c, "CREATE TEMP TABLE cp (a int)");
        SQLException e = assertThrows(SQLException.class, () -> query(c, "COPY cp FROM STDIN"));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
        assertEquals("1", value(c, "SELECT 1"));
    }

    @Test
    void extendedQueryWithTextAndBinaryParametersAndResults() throws SQLException {
        byte[] four = ByteBuffer.allocate(4).putInt(41).array();
        QueryResult r = await(c.submit(new ExtendedQueryCommand("", "SELECT $1::int4 + 1, $2::text, $3::int4",
                new int[] {23, 25, 23}, new short[] {BINARY, TEXT, TEXT},
                new byte[][] {four, "héllo".getBytes(StandardCharsets.UTF_8), null},
                new short[] {BINARY, TEXT, TEXT}, 0, null)));
        assertEquals(1, r.rows().size());
        assertArrayEquals(ByteBuffer.allocate(4).putInt(42).array(), r.rows().get(0).bytes(0));
        assertEquals("héllo", r.rows().get(0).text(1));
        assertTrue(r.rows().get(0).isNull(2));
        assertEquals(1, r.description().fields()[0].format());
    }

    @Test
    void maxRowsSuspendsThePortal() throws SQLException {
        QueryResult r = await(c.submit(new ExtendedQueryCommand("", "SELECT generate_series(1, 10)",
                new int[0], new short[0], new byte[0][], new short[0], 3, null)));
        assertTrue(r.suspended());
        assertEquals(3, r.rows().size());
    }

    @Test
    void preparedStatementsAreDescribedReusedAndClosed() throws SQLException {
        PreparedStatementInfo info = await(c.submit(new PrepareCommand("s1", "SELECT $1::int8 * 2 AS doubled", new int[0])));
        assertArrayEquals(new int[] {20}, info.parameterTypes());
        assertEquals("doubled", info.description().fields()[0].name());
        for (int i = 0; i < 3; i++) {
            QueryResult r = await(c.submit(new ExtendedQueryCommand("s1", null, null, new short[] {TEXT},
                    new byte[][] {String.valueOf(i).getBytes(StandardCharsets.US_ASCII)}, new short[] {TEXT}, 0,
                    info.description())));
            assertEquals(String.valueOf(2 * i), r.rows().get(0).text(0));
        }
        await(c.submit(new CloseStatementCommand("s1")));
        SQLException e = assertThrows(SQLException.class, () -> await(c.submit(new ExtendedQueryCommand("s1", null, null,
                new short[0], new byte[0][], new short[0], 0, null))));
        assertEquals("26000", e.getSQLState(), "statement is gone after Close");
    }

    @Test
    void wrongParameterCountFailsOnlyThatCommand() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> await(c.submit(new ExtendedQueryCommand("",
                "SELECT $1::int", new int[0], new short[0], new byte[0][], new short[0], 0, null))));
        assertEquals("08P01", e.getSQLState());
        assertEquals("1", value(c, "SELECT 1"), "the connection is still usable");
    }

    @Test
    void parameterStatusUpdatesTheSession() throws SQLException {
        query(c, "SET application_name = 'tusk-test'");
        assertEquals("tusk-test", c.session().parameter("application_name"));
    }

    @Test
    void transactionStatusFollowsReadyForQuery() throws SQLException {
        query(c, "BEGIN");
        assertEquals('T', c.session().transactionStatus());
        assertThrows(SQLException.class, () -> query(c, "SELECT 1/0"));
        assertEquals('E', c.session().transactionStatus());
        query(c, "ROLLBACK");
        assertEquals('I', c.session().transactionStatus());
    }

    @Test
    void simpleQueryCommandsCanAlsoBeSubmittedFromTheEventLoopThread() throws SQLException {
        List<QueryResult> r = await(c.submit(new SimpleQueryCommand("SELECT 1"))
                .thenCompose(x -> c.submit(new SimpleQueryCommand("SELECT 2"))));
        assertEquals("2", r.get(0).rows().get(0).text(0));
    }
}

package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.testing.PgServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code createStruct} and Struct parameters against a real server: the value the server stores is
 * compared with the Struct's text and read back attribute by attribute with SQL's field access
 * ({@code (col).field}). Types live in a schema of their own, dropped after each test.
 */
class StructIT extends JdbcTestBase {
    private static final String SCHEMA = "struct_it";

    StructIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTypes() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        conn.setSchema(SCHEMA);
        execute("CREATE TYPE address AS (street text, zip int4, note text)",
                "CREATE TABLE people (id int4 PRIMARY KEY, home address)");
    }

    @AfterEach
    void dropTypes() throws SQLException {
        if (!conn.isClosed()) {
            if (!conn.getAutoCommit()) {
                conn.rollback();
                conn.setAutoCommit(true);
            }
            execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    /** The first column of the one row {@code sql} returns, as text; {@code sql} may take one Struct. */
    private String queryString(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String value = rs.getString(1);
                assertFalse(rs.next());
                return value;
            }
        }
    }

    private void assertUsable() throws SQLException {
        assertEquals("42", queryString("SELECT 42"));
    }

    private static SQLException expect(String sqlState, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        return e;
    }

    @Test
    void aStructInsertedIntoACompositeColumnReadsBack() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int id = 1; id <= RUNS_THROUGH_ALL_FORMATS; id++) {
                ps.setInt(1, id);
                ps.setObject(2, conn.createStruct("address", new Object[] {"Main St " + id, 10_000 + id, null}));
                assertEquals(1, ps.executeUpdate());
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT home, home::text, (home).street, (home).zip, (home).note FROM people WHERE id = ?")) {
            for (int id = 1; id <= RUNS_THROUGH_ALL_FORMATS; id++) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    String expected = "(\"Main St " + id + "\"," + (10_000 + id) + ",)";
                    assertEquals(expected, rs.getString(1));
                    assertEquals(expected, rs.getString(2), "the server's own text");
                    assertEquals(expected, rs.getObject(1), "getObject of a composite is its text, a String");
                    assertEquals("Main St " + id, rs.getString(3));
                    assertEquals(10_000 + id, rs.getInt(4));
                    assertNull(rs.getString(5));
                }
            }
        }
    }

    @Test
    void textThatNeedsQuotingArrivesUnchanged() throws SQLException {
        String[] awkward = {"a,b", "(paren)", "a)", "with \"quote\"", "back\\slash", " lead", "trail ", "a b", "",
            "NULL", "tab\there", "new\nline", "ünï©ødé 日本", "{brace}", "\"", "\\", ",", "()", "\"\"", null};
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int i = 0; i < awkward.length; i++) {
                ps.setInt(1, i);
                Struct home = conn.createStruct("address", new Object[] {awkward[i], i, awkward[i]});
                ps.setObject(2, home);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT (home).street, (home).street IS NULL, (home).note, home::text FROM people WHERE id = ?")) {
            for (int i = 0; i < awkward.length; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(awkward[i], rs.getString(1), "street " + i);
                    assertEquals(awkward[i] == null, rs.getBoolean(2), "NULL and the empty string stay apart: " + i);
                    assertEquals(awkward[i], rs.getString(3));
                    String text = conn.createStruct("address", new Object[] {awkward[i], i, awkward[i]}).toString();
                    assertEquals(rs.getString(4), text, "the Struct's text is the server's text of the value");
                }
            }
        }
    }

    @Test
    void attributesOfManyTypesKeepTheirValues() throws SQLException {
        execute("CREATE TYPE sample AS (n numeric, d date, ts timestamp, tstz timestamptz, b bool, u uuid, i8 int8,"
                + " f8 float8, bytes bytea, tags text[], ids int4[], legacy_ts timestamp, legacy_d date)");
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        OffsetDateTime tstz = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.ofHours(2));
        Object[] values = {new BigDecimal("-12345.67890"), LocalDate.of(2024, 2, 29),
            LocalDateTime.of(1999, 12, 31, 23, 59, 58, 999_999_000), tstz, false, u, Long.MIN_VALUE, 0.1,
            new byte[] {0, 1, (byte) 0xff}, conn.createArrayOf("text", new Object[] {"x y", null, "z"}), new int[] {1, 2},
            Timestamp.valueOf("2001-02-03 04:05:06.5"), java.sql.Date.valueOf("2001-02-03")};
        Struct s = conn.createStruct("sample", values);
        String sql = "SELECT (v).n, (v).d, (v).ts, (v).tstz, (v).b, (v).u, (v).i8, (v).f8, (v).bytes, (v).tags, (v).ids,"
                + " (v).legacy_ts, (v).legacy_d FROM (SELECT ?::sample AS v) x";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int run = 1; run <= RUNS_THROUGH_ALL_FORMATS; run++) {
                ps.setObject(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(values[0], rs.getBigDecimal(1));
                    assertEquals(values[1], rs.getObject(2, LocalDate.class));
                    assertEquals(values[2], rs.getObject(3, LocalDateTime.class));
                    assertEquals(tstz.toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant());
                    assertFalse(rs.getBoolean(5));
                    assertFalse(rs.wasNull());
                    assertEquals(u, rs.getObject(6));
                    assertEquals(Long.MIN_VALUE, rs.getLong(7));
                    assertEquals(0.1, rs.getDouble(8));
                    assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, rs.getBytes(9));
                    assertArrayEquals(new String[] {"x y", null, "z"}, (String[]) rs.getArray(10).getArray());
                    assertArrayEquals(new Integer[] {1, 2}, (Integer[]) rs.getArray(11).getArray());
                    assertEquals(LocalDateTime.of(2001, 2, 3, 4, 5, 6, 500_000_000), rs.getObject(12, LocalDateTime.class));
                    assertEquals(LocalDate.of(2001, 2, 3), rs.getObject(13, LocalDate.class));
                }
            }
        }
    }

    @Test
    void nullAttributesAndAllNull() throws SQLException {
        assertEquals("(,,)", queryString("SELECT ?", conn.createStruct("address", new Object[] {null, null, null})));
        assertEquals("t", queryString("SELECT (?).zip IS NULL", conn.createStruct("address", new Object[3])));
        // a composite whose attributes are all NULL is still a value, not SQL NULL itself
        assertEquals("f", queryString("SELECT ?::text IS NULL", conn.createStruct("address", new Object[3])));
    }

    @Test
    void aNestedStructIsAnAttributeOfTheOuterOne() throws SQLException {
        execute("CREATE TYPE point2 AS (x int4, label text)",
                "CREATE TYPE shape AS (name text, origin point2, corners point2[])",
                "CREATE TABLE shapes (id int4, s shape)");
        Struct origin = conn.createStruct("point2", new Object[] {0, "the (0, 0) \"origin\""});
        Struct shape = conn.createStruct("shape", new Object[] {"tri, angle", origin, null});
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shapes VALUES (1, ?)")) {
            ps.setObject(1, shape);
            ps.executeUpdate();
        }
        assertEquals("the (0, 0) \"origin\"", queryString("SELECT ((s).origin).label FROM shapes"));
        assertEquals("0", queryString("SELECT ((s).origin).x FROM shapes"));
        assertEquals("tri, angle", queryString("SELECT (s).name FROM shapes"));
        assertEquals(shape.toString(), queryString("SELECT s::text FROM shapes"));
        assertEquals("(\"tri, angle\",\"(0,\"\"the (0, 0) \"\"\"\"origin\"\"\"\"\"\")\",)",
                queryString("SELECT s FROM shapes"));
    }

    @Test
    void anArrayOfACompositeTypeIsSentAsItsText() throws SQLException {
        execute("CREATE TABLE moves (id int4, route address[])");
        Struct a = conn.createStruct("address", new Object[] {"x y", 1, null});
        Struct b = conn.createStruct("address", new Object[] {"z", 2, ""});
        // array_out quotes each composite and escapes its quotes with backslashes
        String route = "{" + quoteForArray(a.toString()) + "," + quoteForArray(b.toString()) + "}";
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO moves VALUES (1, ?)")) {
            ps.setString(1, route);
            ps.executeUpdate();
        }
        assertEquals(route, queryString("SELECT route FROM moves"));
        assertEquals("x y", queryString("SELECT (route[1]).street FROM moves"));
        assertEquals("", queryString("SELECT (route[2]).note FROM moves"));
    }

    private static String quoteForArray(String element) {
        return "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void selectOfAStructParameterKnowsItsType() throws SQLException {
        Struct s = conn.createStruct("address", new Object[] {"x", 1, "y"});
        assertEquals("(x,1,y)", queryString("SELECT ?", s));
        assertEquals("address", queryString("SELECT pg_typeof(?)::text", s));
        assertEquals("1", queryString("SELECT (?).zip", s));
        assertEquals("t", queryString("SELECT ? = ROW('x', 1, 'y')::address", s));
    }

    @Test
    void setObjectWithTypesStructAndSetNullWithTheTypeName() throws SQLException {
        Struct s = conn.createStruct("address", new Object[] {"x", 1, null});
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_typeof(?)::text, ?::text, ? IS NULL")) {
            ps.setObject(1, s, Types.STRUCT);
            ps.setObject(2, s, java.sql.JDBCType.STRUCT);
            ps.setNull(3, Types.STRUCT, "address");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("address", rs.getString(1));
                assertEquals("(x,1,)", rs.getString(2));
                assertTrue(rs.getBoolean(3));
            }
        }
    }

    @Test
    void aTablesRowTypeAndASchemaQualifiedOrQuotedName() throws SQLException {
        execute("CREATE TABLE person (name text, born date)", "CREATE TYPE \"Mixed Case\" AS (v int4)");
        Struct ada = conn.createStruct("person", new Object[] {"Ada", LocalDate.of(1815, 12, 10)});
        assertEquals("Ada", queryString("SELECT (?).name", ada));
        execute("INSERT INTO person SELECT 'Alan', DATE '1912-06-23'");
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM person p WHERE p = ?")) {
            ps.setObject(1, conn.createStruct("struct_it.person", new Object[] {"Alan", LocalDate.of(1912, 6, 23)}));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        Struct mixed = conn.createStruct("\"Mixed Case\"", new Object[] {5});
        assertEquals("\"Mixed Case\"", mixed.getSQLTypeName(), "the name as given");
        assertEquals("\"Mixed Case\"", queryString("SELECT pg_typeof(?)::text", mixed));
        assertEquals("address", queryString("SELECT pg_typeof(?)::text", conn.createStruct("ADDRESS", new Object[3])),
                "unquoted names fold to lower case, as in SQL");
    }

    @Test
    void anUnknownTypeNameFailsWithTheServersSqlState() throws SQLException {
        SQLException e = expect("42704", () -> conn.createStruct("no_such_type", new Object[] {1}));
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertTrue(e.getMessage().contains("type \"no_such_type\" does not exist"), e.getMessage());
        assertUsable();
        SQLException notComposite = expect("42809", () -> conn.createStruct("int4", new Object[] {1}));
        assertTrue(notComposite.getMessage().contains("\"integer\" is not a composite type"), notComposite.getMessage());
        assertUsable();
    }

    @Test
    void anUnknownTypeNameDoesNotAbortTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        execute("INSERT INTO people VALUES (1, NULL)");
        expect("42704", () -> conn.createStruct("no_such_type", new Object[] {1}));
        execute("INSERT INTO people VALUES (2, NULL)");
        conn.commit();
        assertEquals("2", queryString("SELECT count(*) FROM people"));
    }

    @Test
    void anotherDriversStructIsSentThroughItsNameAndAttributes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT (?).street")) {
            ps.setObject(1, new ForeignStruct("address", "Elm St", 5, null));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Elm St", rs.getString(1));
            }
            SQLException e = expect("42704", () -> ps.setObject(1, new ForeignStruct("nowhere", 1)));
            assertTrue(e.getMessage().contains("type \"nowhere\" does not exist"), e.getMessage());
        }
        assertUsable();
    }

    @Test
    void theWrongNumberOfAttributesIsTheServersError() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setObject(2, conn.createStruct("address", new Object[] {"a", 1, "b", "extra"}));
            SQLException tooMany = expect("22P02", ps::executeUpdate);
            assertInstanceOf(HasServerError.class, tooMany);
            assertTrue(tooMany.getMessage().contains("malformed record literal"), tooMany.getMessage());
            ps.setObject(2, conn.createStruct("address", new Object[] {"a"}));
            expect("22P02", ps::executeUpdate);
            ps.setObject(2, conn.createStruct("address", new Object[] {"a", "not a number", "b"}));
            expect("22P02", ps::executeUpdate);
            ps.setObject(2, conn.createStruct("address", new Object[] {"a", 1, "b"}));
            assertEquals(1, ps.executeUpdate(), "the same statement works with a right value");
        }
        assertUsable();
    }

    @Test
    void badArgumentsAreInvalidParameterValues() throws SQLException {
        expect("22023", () -> conn.createStruct(null, new Object[] {1}));
        expect("22023", () -> conn.createStruct("address", null));
        expect("07006", () -> conn.createStruct("address", new Object[] {new Object(), 1, null}));
        Struct s = conn.createStruct("address", new Object[] {"a", 1, null});
        expect("0A000", () -> s.getAttributes(Map.of("address", Object.class)));
        assertEquals(Arrays.asList("a", 1, null), Arrays.asList(s.getAttributes(Map.of())));
        assertUsable();
    }

    @Test
    void aClosedConnectionRefusesWith08003() throws SQLException {
        Struct s = conn.createStruct("address", new Object[] {"a", 1, null});
        Connection other = open();
        PreparedStatement ps = other.prepareStatement("SELECT ?");
        other.close();
        SQLException e = expect("08003", () -> other.createStruct("address", new Object[] {"a", 1, null}));
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        expect("26000", () -> ps.setObject(1, s)); // closing a connection closes its statements
        assertArrayEquals(new Object[] {"a", 1, null}, s.getAttributes(), "the Struct itself lives on");
    }

    @Test
    void aConnectionWhoseSessionEndedFailsWithClass08() throws SQLException {
        Struct s = conn.createStruct("address", new Object[] {"a", 1, null});
        try (Connection other = open(); PreparedStatement ps = other.prepareStatement("SELECT ?")) {
            String pid = scalar(other, "SELECT pg_backend_pid()");
            pg.adminQuery("SELECT pg_terminate_backend(" + pid + ")");
            // the type lookup is the first thing to reach the server, and learns that the session is gone
            SQLException gone = assertThrows(SQLException.class, () -> ps.setObject(1, s));
            assertTrue(gone.getSQLState().startsWith("08") || "57P01".equals(gone.getSQLState()), gone.toString());
            SQLException again = assertThrows(SQLException.class, () -> other.createStruct("address", new Object[3]));
            assertInstanceOf(SQLNonTransientConnectionException.class, again);
            assertTrue(again.getSQLState().startsWith("08"), again.toString());
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void setSchemaMakesNamesFindTheTypesOfTheNewSearchPath() throws SQLException {
        execute("DROP SCHEMA IF EXISTS struct_it_other CASCADE", "CREATE SCHEMA struct_it_other",
                "CREATE TYPE struct_it_other.address AS (only_one text)");
        try {
            assertEquals("t", queryString("SELECT (?).zip IS NULL", conn.createStruct("address", new Object[3])));
            conn.setSchema("struct_it_other");
            Struct s = conn.createStruct("address", new Object[] {"x"});
            assertEquals("x", queryString("SELECT (?).only_one", s));
        } finally {
            conn.setSchema(SCHEMA);
            execute("DROP SCHEMA struct_it_other CASCADE");
        }
    }

    /** A Struct of some other origin (another driver, a framework's own). */
    private record ForeignStruct(String name, Object... attributes) implements Struct {
        @Override
        public String getSQLTypeName() {
            return name;
        }

        @Override
        public Object[] getAttributes() {
            return attributes.clone();
        }

        @Override
        public Object[] getAttributes(Map<String, Class<?>> map) {
            return getAttributes();
        }
    }
}

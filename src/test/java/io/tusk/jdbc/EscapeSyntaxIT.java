package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.testing.PgServer;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** JDBC escapes ({fn}, {d}, {t}, {ts}, {oj}, {escape}, {limit}) and CallableStatement calls. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EscapeSyntaxIT extends JdbcTestBase {
    private String suffix;

    EscapeSyntaxIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createObjects() throws SQLException {
        suffix = Long.toHexString(System.nanoTime());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE a (id int, name text)");
            s.execute("CREATE TEMP TABLE b (a_id int, note text)");
            s.execute("INSERT INTO a VALUES (1, 'one'), (2, 'two'), (3, 'three')");
            s.execute("INSERT INTO b VALUES (1, 'first')");
            s.execute("CREATE FUNCTION add_one_" + suffix + "(a int, OUT b int, OUT c text)"
                    + " AS $$ SELECT a + 1, 'x' || a $$ LANGUAGE sql");
            s.execute("CREATE PROCEDURE double_it_" + suffix + "(INOUT x int) AS $$ BEGIN x := x * 2; END $$"
                    + " LANGUAGE plpgsql");
            s.execute("CREATE PROCEDURE insert_a_" + suffix + "(i int, n text)"
                    + " AS $$ INSERT INTO a VALUES (i, n) $$ LANGUAGE sql");
        }
    }

    @AfterEach
    void dropObjects() throws SQLException {
        try (java.sql.Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DROP FUNCTION IF EXISTS add_one_" + suffix);
            s.execute("DROP PROCEDURE IF EXISTS double_it_" + suffix);
            s.execute("DROP PROCEDURE IF EXISTS insert_a_" + suffix);
            s.execute("DROP PROCEDURE IF EXISTS out_proc_" + suffix);
            s.execute("DROP PROCEDURE IF EXISTS result_first_" + suffix);
        }
    }

    private Connection openWithCallMode(String mode) throws SQLException {
        Properties p = new Properties();
        p.setProperty("escapeSyntaxCallMode", mode);
        return open(p);
    }

    /** Procedures with OUT (not INOUT) arguments, PostgreSQL 14+: {@code out_proc(a, OUT b, OUT c)}. */
    private void createOutProcedures() throws SQLException {
        assumeTrue(pg.serverMajorVersion() >= 14, "procedures have OUT arguments from PostgreSQL 14 on");
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE PROCEDURE out_proc_" + suffix + "(a int, OUT b int, OUT c text)"
                    + " AS $$ BEGIN b := a + 1; c := 'p' || a; END $$ LANGUAGE plpgsql");
            s.execute("CREATE PROCEDURE result_first_" + suffix + "(OUT r text, a text)"
                    + " AS $$ BEGIN r := upper(a); END $$ LANGUAGE plpgsql");
        }
    }

    private static void assertState(String state, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(state, e.getSQLState(), e::toString);
    }

    private String text(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void stringFunctions() throws SQLException {
        assertEquals("A", text("SELECT {fn ucase('a')}"));
        assertEquals("abc", text("SELECT {fn lcase('ABC')}"));
        assertEquals("ab", text("SELECT {fn concat('a', 'b')}"));
        assertEquals("3", text("SELECT {fn length('abc  ')}"));
        assertEquals("2", text("SELECT {fn locate('b', 'abc')}"));
        assertEquals("bcd", text("SELECT {fn substring('abcdef', 2, 3)}"));
        assertEquals("ab", text("SELECT {fn left('abc', 2)}"));
        assertEquals("xyxy", text("SELECT {fn repeat('xy', 2)}"));
        assertEquals("aXc", text("SELECT {fn replace('abc', 'b', 'X')}"));
        assertEquals("AB", text("SELECT {fn ucase({fn concat('a', 'b')})}"));
    }

    @Test
    void numericAndSystemFunctions() throws SQLException {
        assertEquals("3", text("SELECT {fn abs(-3)}"));
        assertEquals("2", text("SELECT {fn mod(8, 3)}"));
        assertEquals("8", text("SELECT {fn power(2, 3)}"));
        assertEquals("x", text("SELECT {fn ifnull(NULL, 'x')}"));
        assertEquals(pg.superUser(), text("SELECT {fn user()}"));
        assertEquals(pg.database(), text("SELECT {fn database()}"));
    }

    @Test
    void dateTimeFunctions() throws SQLException {
        assertEquals("2024", text("SELECT {fn year({d '2024-03-04'})}"));
        assertEquals("3", text("SELECT {fn month({d '2024-03-04'})}"));
        assertEquals("2024-01-02 00:00:00", text("SELECT {fn timestampadd(SQL_TSI_DAY, 1, {ts '2024-01-01 00:00:00'})}"));
        int year = Integer.parseInt(text("SELECT {fn year({fn curdate()})}"));
        assertTrue(Math.abs(LocalDate.now().getYear() - year) <= 1, "year " + year);
    }

    @Test
    void dateTimeLiterals() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT {d '2024-01-02'}, {t '12:34:56'}, {ts '2024-01-02 03:04:05.123'}")) {
            assertTrue(rs.next());
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
            assertEquals(LocalTime.of(12, 34, 56), rs.getObject(2, LocalTime.class));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), rs.getObject(3, LocalDateTime.class));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.123"), rs.getTimestamp(3));
        }
    }

    @Test
    void outerJoinEscape() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT a.name, b.note FROM {oj a LEFT OUTER JOIN b ON b.a_id = a.id} ORDER BY a.id")) {
            while (rs.next()) {
                rs.getString(2);
                rows.add(rs.getString(1) + ":" + (rs.wasNull() ? "null" : rs.getString(2)));
            }
        }
        assertEquals(List.of("one:first", "two:null", "three:null"), rows);
    }

    @Test
    void likeEscapeAndLimit() throws SQLException {
        assertEquals("t", text("SELECT 'a_b' LIKE 'a\\_b' {escape '\\'}"));
        assertEquals("f", text("SELECT 'axb' LIKE 'a\\_b' {escape '\\'}"));
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM a ORDER BY id {limit 2}")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(2, n);
        }
    }

    @Test
    void escapesWithParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT {fn ucase(?)}, {fn concat(?, {fn lcase(?)})}")) {
            for (int round = 0; round < 3; round++) {
                ps.setString(1, "abc" + round);
                ps.setString(2, "X");
                ps.setString(3, "YZ");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("ABC" + round, rs.getString(1));
                    assertEquals("Xyz", rs.getString(2));
                }
            }
        }
    }

    @Test
    void malformedEscapeIsASyntaxError() {
        SQLException e = assertThrows(SQLException.class, () -> text("SELECT {fn ucase('a')"));
        assertEquals("42601", e.getSQLState());
        SQLException unknown = assertThrows(SQLException.class, () -> text("SELECT {fn no_such_function_xyz(1)}"));
        assertTrue(unknown.getSQLState().startsWith("42"), unknown.toString());
    }

    // ---- CallableStatement

    @Test
    void functionCallWithReturnValue() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call upper(?)}")) {
            for (int round = 0; round < 3; round++) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setString(2, "abc" + round);
                cs.execute();
                assertEquals("ABC" + round, cs.getString(1));
                assertFalse(cs.wasNull());
            }
        }
    }

    @Test
    void functionCallReturningNullAndNumbers() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call nullif(?, ?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 5);
            cs.setInt(3, 5);
            cs.execute();
            assertEquals(0, cs.getInt(1));
            assertTrue(cs.wasNull());
            assertNull(cs.getObject(1));
            cs.setInt(3, 6);
            cs.execute();
            assertEquals(5, cs.getInt(1));
            assertFalse(cs.wasNull());
        }
        try (CallableStatement cs = conn.prepareCall("{? = call round(?, 2)}")) {
            cs.registerOutParameter(1, Types.NUMERIC);
            cs.setBigDecimal(2, new BigDecimal("1.2345"));
            cs.execute();
            assertEquals(new BigDecimal("1.23"), cs.getBigDecimal(1));
        }
    }

    /** pgjdbc: the OUT parameters of a function are read from the row {@code {call f(?, ?, ?)}} returns. */
    @Test
    void functionWithOutParameters() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call add_one_" + suffix + "(?, ?, ?)}")) {
            for (int round = 0; round < 3; round++) {
                cs.setInt(1, 5 + round);
                cs.registerOutParameter(2, Types.INTEGER);
                cs.registerOutParameter(3, Types.VARCHAR);
                cs.execute();
                assertEquals(6 + round, cs.getInt(2));
                assertEquals("x" + (5 + round), cs.getString(3));
            }
        }
    }

    @Test
    void procedureWithInoutParameterThroughCall() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("CALL double_it_" + suffix + "(?)")) {
            for (int round = 0; round < 3; round++) {
                cs.setInt(1, 21 + round);
                cs.registerOutParameter(1, Types.INTEGER);
                cs.execute();
                assertEquals(42 + 2 * round, cs.getInt(1));
            }
        }
    }

    @Test
    void procedureWithoutResultsThroughCall() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("CALL insert_a_" + suffix + "(?, ?)")) {
            cs.setInt(1, 10);
            cs.setString(2, "ten");
            assertFalse(cs.execute());
        }
        assertEquals("ten", text("SELECT name FROM a WHERE id = 10"));
        try (PreparedStatement ps = conn.prepareStatement("CALL insert_a_" + suffix + "(?, ?)")) {
            ps.setInt(1, 11);
            ps.setString(2, "eleven");
            ps.execute();
        }
        assertEquals("eleven", text("SELECT name FROM a WHERE id = 11"));
    }

    /** With escapeSyntaxCallMode=callIfNoReturn, {@code {call proc(?)}} is a PostgreSQL procedure, run with CALL. */
    @Test
    void procedureThroughCallEscape() throws SQLException {
        try (Connection c = openWithCallMode("callIfNoReturn");
                CallableStatement cs = c.prepareCall("{call double_it_" + suffix + "(?)}")) {
            cs.setInt(1, 21);
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(42, cs.getInt(1));
        }
    }

    /** OUT-only parameters go as void NULLs, which the server drops from a function's arguments, escape or not. */
    @Test
    void functionWithOutParametersThroughPlainSelect() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("SELECT * FROM add_one_" + suffix + "(?, ?, ?)")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.registerOutParameter(3, Types.VARCHAR);
            assertFalse(cs.execute(), "the OUT values are not a result set of their own");
            assertNull(cs.getResultSet());
            assertEquals(1, cs.getUpdateCount());
            assertEquals(2, cs.getInt(2));
            assertEquals("x1", cs.getString(3));
        }
        try (CallableStatement cs = conn.prepareCall("SELECT * FROM add_one_" + suffix + "(?)");
                ResultSet rs = setInt(cs, 1, 4).executeQuery()) {
            assertTrue(rs.next(), "without OUT parameters the row is an ordinary result");
            assertEquals(5, rs.getInt("b"));
            assertEquals("x4", rs.getString("c"));
        }
    }

    private static CallableStatement setInt(CallableStatement cs, int index, int value) throws SQLException {
        cs.setInt(index, value);
        return cs;
    }

    @Test
    void executeUpdateOfACallWithOutParameters() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call add_one_" + suffix + "(?, ?, ?)}")) {
            cs.setInt(1, 9);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.registerOutParameter(3, Types.VARCHAR);
            assertEquals(1, cs.executeUpdate());
            assertEquals(10, cs.getInt(2));
            assertEquals("x9", cs.getObject(3));
        }
    }

    @Test
    void outParametersMustMatchTheColumnsReturned() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call add_one_" + suffix + "(?, ?, ?)}")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.setNull(3, Types.VARCHAR);
            assertState("42883", cs::execute); // a set parameter is an argument: add_one(int, int, varchar)
        }
        try (CallableStatement cs = conn.prepareCall("SELECT * FROM add_one_" + suffix + "(?, ?)")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(2, Types.INTEGER);
            assertState("07001", cs::execute); // two columns for one OUT parameter
        }
        try (CallableStatement cs = conn.prepareCall("CALL insert_a_" + suffix + "(?, ?)")) {
            cs.setInt(1, 12);
            cs.setString(2, "twelve");
            cs.registerOutParameter(1, Types.INTEGER);
            assertState("02000", cs::execute); // a procedure without OUT arguments returns no row
        }
    }

    // ---- escapeSyntaxCallMode

    @Test
    void selectModeIsTheDefaultAndRunsFunctionsOnly() throws SQLException {
        assertEquals("SELECT * FROM double_it_" + suffix + "(?) AS result",
                conn.nativeSQL("{call double_it_" + suffix + "(?)}"));
        try (CallableStatement cs = conn.prepareCall("{call double_it_" + suffix + "(?)}")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(1, Types.INTEGER);
            assertState("42809", cs::execute); // "double_it(integer) is a procedure"
        }
    }

    @Test
    void callIfNoReturnModeCallsProceduresAndSelectsResults() throws SQLException {
        try (Connection c = openWithCallMode("callIfNoReturn")) {
            assertEquals("CALL p(?)", c.nativeSQL("{call p(?)}"));
            assertEquals("SELECT * FROM f(?) AS result", c.nativeSQL("{? = call f(?)}"));
            try (CallableStatement cs = c.prepareCall("{call double_it_" + suffix + "(?)}")) {
                cs.setInt(1, 20);
                cs.registerOutParameter(1, Types.INTEGER);
                assertFalse(cs.execute());
                assertEquals(40, cs.getInt(1));
            }
            try (CallableStatement cs = c.prepareCall("{? = call upper(?)}")) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setString(2, "abc");
                cs.execute();
                assertEquals("ABC", cs.getString(1));
            }
            try (CallableStatement cs = c.prepareCall("{call add_one_" + suffix + "(?, ?, ?)}")) {
                cs.setInt(1, 1);
                cs.registerOutParameter(2, Types.INTEGER);
                cs.registerOutParameter(3, Types.VARCHAR);
                // A function is not a procedure: 42809 where CALL matches OUT arguments (14+), 42883 before.
                SQLException e = assertThrows(SQLException.class, cs::execute);
                assertTrue(List.of("42809", "42883").contains(e.getSQLState()), e::toString);
            }
        }
    }

    @Test
    void callModeAlwaysCalls() throws SQLException {
        try (Connection c = openWithCallMode("call")) {
            assertEquals("CALL f(?, ?)", c.nativeSQL("{? = call f(?)}"));
            try (CallableStatement cs = c.prepareCall("{call double_it_" + suffix + "(?)}")) {
                cs.setInt(1, 4);
                cs.registerOutParameter(1, Types.INTEGER);
                cs.execute();
                assertEquals(8, cs.getInt(1));
            }
            try (CallableStatement cs = c.prepareCall("{? = call upper(?)}")) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setString(2, "abc");
                assertState("42883", cs::execute); // there is no procedure upper
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("{call double_it_" + suffix + "(5)}")) {
                assertTrue(rs.next(), "a plain Statement's CALL gives the INOUT values as a row");
                assertEquals(10, rs.getInt(1));
            }
        }
    }

    @Test
    void procedureWithOutArgumentsThroughCallEscape() throws SQLException {
        createOutProcedures();
        try (Connection c = openWithCallMode("call");
                CallableStatement cs = c.prepareCall("{call out_proc_" + suffix + "(?, ?, ?)}")) {
            for (int round = 0; round < 3; round++) {
                cs.setInt(1, 10 + round);
                cs.registerOutParameter(2, Types.INTEGER);
                cs.registerOutParameter(3, Types.VARCHAR);
                assertFalse(cs.execute());
                assertEquals(11 + round, cs.getInt(2));
                assertEquals("p" + (10 + round), cs.getString(3));
            }
        }
    }

    /** In call mode, the result parameter of {@code {? = call}} is the procedure's first argument. */
    @Test
    void resultParameterOfACallIsTheFirstOutArgument() throws SQLException {
        createOutProcedures();
        try (Connection c = openWithCallMode("call");
                CallableStatement cs = c.prepareCall("{? = call result_first_" + suffix + "(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "abc");
            cs.execute();
            assertEquals("ABC", cs.getString(1));
        }
    }

    @Test
    void procedureWithOutArgumentsThroughPlainCall() throws SQLException {
        createOutProcedures();
        try (CallableStatement cs = conn.prepareCall("CALL out_proc_" + suffix + "(?, ?, ?)")) {
            cs.setInt(1, 1);
            cs.registerOutParameter(2, Types.BIGINT); // the registered type does not have to be the argument's
            cs.registerOutParameter(3, Types.OTHER);
            cs.execute();
            assertEquals(2L, cs.getLong(2));
            assertEquals("p1", cs.getString(3));
        }
    }

    @Test
    void badCallModeNamesTheProperty() {
        for (String bad : List.of("bogus", "procedure")) {
            SQLException e = assertThrows(SQLException.class, () -> openWithCallMode(bad).close());
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("escapeSyntaxCallMode") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void callModeIsCaseInsensitiveAndComesFromTheUrlToo() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        String url = url() + (url().contains("?") ? "&" : "?") + "escapeSyntaxCallMode=CALLIFNORETURN";
        try (Connection c = java.sql.DriverManager.getConnection(url, p)) {
            assertEquals("CALL p()", c.nativeSQL("{call p}"));
        }
    }

    @Test
    void callableStatementErrors() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call upper(?)}")) {
            assertThrows(SQLException.class, () -> cs.registerOutParameter(3, Types.VARCHAR));
            assertThrows(SQLException.class, () -> cs.getString(1), "not executed yet");
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "a");
            cs.execute();
            assertThrows(SQLException.class, () -> cs.getString(2), "parameter 2 is not an OUT parameter");
        }
    }
}

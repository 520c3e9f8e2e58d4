package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.math.BigDecimal;
import java.sql.CallableStatement;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        }
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
    @Disabled("BUG: {call f(?,?,?)} binds registered OUT parameters as NULL arguments, so no function matches (JdbcCallableStatement.execute)")
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

    /** JdbcCallableStatement's Javadoc: {@code {call proc(?, ?)}} is "a PostgreSQL procedure, run with CALL". */
    @Test
    @Disabled("GAP: {call proc(?)} runs as SELECT * FROM proc(...), pgjdbc's default escapeSyntaxCallMode=select; the property that switches to CALL is not implemented yet")
    void procedureThroughCallEscape() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call double_it_" + suffix + "(?)}")) {
            cs.setInt(1, 21);
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(42, cs.getInt(1));
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

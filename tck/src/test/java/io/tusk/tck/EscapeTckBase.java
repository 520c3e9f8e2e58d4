package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JDBC escape syntax (JDBC 4.3 chapter 13.4): scalar functions {@code {fn …}}, date/time literals
 * {@code {d …}}, {@code {t …}}, {@code {ts …}}, {@code {escape …}} for LIKE, {@code {oj …}} outer joins and
 * {@code {call …}} / {@code {? = call …}}.
 */
public abstract class EscapeTckBase extends TckBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ucase|{fn ucase('abc')}|ABC",
        "lcase|{fn lcase('ABC')}|abc",
        "concat|{fn concat('ab', 'cd')}|abcd",
        "length|{fn length('abcd')}|4",
        "locate|{fn locate('c', 'abcd')}|3",
        "substring|{fn substring('abcdef', 2, 3)}|bcd",
        "ltrim|{fn ltrim('  x')}|x",
        "rtrim|{fn rtrim('x  ')}|x",
        "replace|{fn replace('aXbX', 'X', 'y')}|ayby",
        "left|{fn left('abcdef', 2)}|ab",
        "right|{fn right('abcdef', 2)}|ef",
        "repeat|{fn repeat('ab', 3)}|ababab",
        "ascii|{fn ascii('A')}|65",
        "char|{fn char(66)}|B",
        "abs|{fn abs(-5)}|5",
        "mod|{fn mod(17, 5)}|2",
        "floor|{fn floor(2.7)}|2",
        "ceiling|{fn ceiling(2.1)}|3",
        "power|{fn power(2, 10)}|1024",
        "sign|{fn sign(-3)}|-1",
        "ifnull|{fn ifnull(NULL, 'fallback')}|fallback",
        "year|{fn year({d '2024-05-06'})}|2024",
        "month|{fn month({d '2024-05-06'})}|5",
        "dayofmonth|{fn dayofmonth({d '2024-05-06'})}|6",
        "hour|{fn hour({ts '2024-05-06 07:08:09'})}|7",
        "minute|{fn minute({ts '2024-05-06 07:08:09'})}|8",
        "second|{fn second({ts '2024-05-06 07:08:09'})}|9",
        "nested|{fn ucase({fn concat('a', 'b')})}|AB",
        "upper case keyword|{FN UCASE('abc')}|ABC"})
    void scalarFunction(String name, String escape, String expected) throws SQLException {
        String value = scalarString("SELECT " + escape);
        // Numeric results may come back with a fraction (floor(2.7) is 2 as numeric or double 2.0).
        if (value != null && value.matches("-?\\d+\\.0+")) {
            value = value.substring(0, value.indexOf('.'));
        }
        assertEquals(expected, value);
    }

    @Test
    void piFunction() throws SQLException {
        assertEquals(Math.PI, ((Number) scalar("SELECT {fn pi()}")).doubleValue(), 1e-12);
    }

    @Test
    void sqrtFunction() throws SQLException {
        assertEquals(3.0, ((Number) scalar("SELECT {fn sqrt(9)}")).doubleValue(), 1e-12);
    }

    @Test
    void curdateIsToday() throws SQLException {
        assertEquals(Boolean.TRUE, scalar("SELECT {fn curdate()} = current_date"));
    }

    @Test
    void nowIsCurrentTimestamp() throws SQLException {
        assertEquals(Boolean.TRUE, scalar("SELECT abs(extract(epoch FROM {fn now()} - now())) < 1"));
    }

    @Test
    void userAndDatabaseFunctions() throws SQLException {
        assertEquals(scalarString("SELECT current_user"), scalarString("SELECT {fn user()}"));
        assertEquals(scalarString("SELECT current_database()"), scalarString("SELECT {fn database()}"));
    }

    @Test
    void timestampaddAndTimestampdiff() throws SQLException {
        assertEquals(Timestamp.valueOf("2024-01-03 00:00:00"),
            scalar("SELECT {fn timestampadd(SQL_TSI_DAY, 2, {ts '2024-01-01 00:00:00'})}"));
    }

    // ------------------------------------------------------------------------------- date/time literals

    @Test
    void dateLiteral() throws SQLException {
        Object value = scalar("SELECT {d '2024-02-29'}");
        assertInstanceOf(Date.class, value);
        assertEquals(Date.valueOf("2024-02-29"), value);
    }

    @Test
    void timeLiteral() throws SQLException {
        Object value = scalar("SELECT {t '13:14:15'}");
        assertInstanceOf(Time.class, value);
        assertEquals(Time.valueOf("13:14:15"), value);
    }

    @Test
    void timestampLiteral() throws SQLException {
        Object value = scalar("SELECT {ts '2024-01-02 03:04:05.5'}");
        assertInstanceOf(Timestamp.class, value);
        assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.5"), value);
    }

    @Test
    void literalsInWhereClause() throws SQLException {
        String table = tempTable("d date");
        execute("INSERT INTO " + table + " VALUES ('2024-01-01'), ('2024-06-01')");
        assertEquals(1L, scalarLong(conn, "SELECT count(*) FROM " + table + " WHERE d > {d '2024-03-01'}"));
    }

    // ---------------------------------------------------------------------------------- LIKE, outer join

    @Test
    void likeEscapeCharacter() throws SQLException {
        assertEquals(Boolean.TRUE, scalar("SELECT 'a_b' LIKE 'a!_b' {escape '!'}"));
        assertEquals(Boolean.FALSE, scalar("SELECT 'axb' LIKE 'a!_b' {escape '!'}"));
    }

    @Test
    void outerJoin() throws SQLException {
        String left = tempTable("id int");
        String right = tempTable("id int, v text");
        execute("INSERT INTO " + left + " VALUES (1), (2)");
        execute("INSERT INTO " + right + " VALUES (1, 'one')");
        assertEquals(2L, scalarLong(conn, "SELECT count(*) FROM {oj " + left + " l LEFT OUTER JOIN " + right
            + " r ON l.id = r.id}"));
    }

    // -------------------------------------------------------------------------------------- escaping

    @Test
    void escapesInsideStringLiteralsAreLeftAlone() throws SQLException {
        assertEquals("{fn ucase('x')}", scalarString("SELECT '{fn ucase(''x'')}'"));
    }

    @Test
    void escapesInsideCommentsAndIdentifiersAreLeftAlone() throws SQLException {
        ResultSet rs = closeLater(conn.createStatement()).executeQuery(
            "SELECT 1 AS \"{fn x}\" /* {fn ucase('x')} */");
        assertTrue(rs.next());
        assertEquals("{fn x}", rs.getMetaData().getColumnLabel(1));
    }

    @Test
    void escapeWithParameter() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT {fn ucase(?)}, {fn concat(?, 'z')}")) {
            ps.setString(1, "abc");
            ps.setString(2, "y");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("ABC", rs.getString(1));
                assertEquals("yz", rs.getString(2));
            }
        }
    }

    @Test
    void malformedEscapeIsAnError() {
        assertSqlException(() -> execute("SELECT {fn ucase('a')"));
    }

    // ------------------------------------------------------------------------------------------- call

    @Test
    void callEscapeWithReturnValue() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call upper(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "abc");
            cs.execute();
            assertEquals("ABC", cs.getString(1));
        }
    }

    @Test
    void callEscapeReturningInteger() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call abs(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, -42);
            cs.execute();
            assertEquals(42, cs.getInt(1));
            assertEquals(42, ((Number) cs.getObject(1)).intValue());
        }
    }

    @Test
    void callEscapeOfFunctionWithOutParameters() throws SQLException {
        execute("CREATE FUNCTION pg_temp.tck_divmod(a int, b int, OUT q int, OUT r int) LANGUAGE sql AS "
            + "'SELECT a / b, a % b'");
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.tck_divmod(?, ?, ?, ?)}")) {
            cs.setInt(1, 17);
            cs.setInt(2, 5);
            cs.registerOutParameter(3, Types.INTEGER);
            cs.registerOutParameter(4, Types.INTEGER);
            cs.execute();
            assertEquals(3, cs.getInt(3));
            assertEquals(2, cs.getInt(4));
        }
    }

    @Test
    void callEscapeWithInOutParameter() throws SQLException {
        execute("CREATE FUNCTION pg_temp.tck_inc(INOUT x int) LANGUAGE sql AS 'SELECT x + 1'");
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.tck_inc(?)}")) {
            cs.setInt(1, 41);
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(42, cs.getInt(1));
        }
    }

    @Test
    void callableStatementTypedGetters() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call round(CAST(? AS numeric), 1)}")) {
            cs.registerOutParameter(1, Types.NUMERIC);
            cs.setBigDecimal(2, new java.math.BigDecimal("2.46"));
            cs.execute();
            assertEquals(new java.math.BigDecimal("2.5"), cs.getBigDecimal(1));
            assertEquals(new java.math.BigDecimal("2.5"), cs.getObject(1));
        }
    }

    @Test
    void callEscapeWithoutResult() throws SQLException {
        String table = tempTable("v int");
        execute("CREATE FUNCTION pg_temp.tck_insert(v int) RETURNS void LANGUAGE sql AS "
            + "'INSERT INTO " + table + " VALUES (v)'");
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.tck_insert(?)}")) {
            cs.setInt(1, 5);
            cs.execute();
        }
        assertEquals(1, count(table));
    }

    @Test
    void callableOutParameterWasNull() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call abs(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setNull(2, Types.INTEGER);
            cs.execute();
            assertEquals(0, cs.getInt(1));
            assertTrue(cs.wasNull());
        }
    }
}

package io.tusk.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code {fn ...}} rewrites, through {@link SqlParser} as the driver uses them. */
class EscapeFunctionsTest {

    static Stream<Arguments> functions() {
        return Stream.of(
                // string
                arguments("ascii(x)", "ascii(x)"),
                arguments("char(65)", "chr(65)"),
                arguments("char_length(x)", "char_length(x)"),
                arguments("character_length(x, CHARACTERS)", "char_length(x)"),
                arguments("char_length(x, octets)", "octet_length(x)"),
                arguments("octet_length(x)", "octet_length(x)"),
                arguments("concat('a', 'b')", "('a' || 'b')"),
                arguments("concat(a, b, c)", "(a || b || c)"),
                arguments("difference(a, b)", "difference(a, b)"),
                arguments("insert('abc', 2, 1, 'X')", "overlay('abc' placing 'X' from 2 for 1)"),
                arguments("lcase(x)", "lower(x)"),
                arguments("LOWER(x)", "lower(x)"),
                arguments("ucase(?)", "upper($1)"),
                arguments("left(x, 2)", "left(x, 2)"),
                arguments("right(x, 2)", "right(x, 2)"),
                arguments("length(x)", "length(trim(trailing from x))"),
                arguments("locate('b', x)", "position(('b') in (x))"),
                arguments("locate(?, ?, ?)", "(position(($1) in substring($2 from $3)) + (($3) - 1)"
                        + " * sign(position(($1) in substring($2 from $3))))"),
                arguments("ltrim(x)", "ltrim(x)"),
                arguments("rtrim(x)", "rtrim(x)"),
                arguments("repeat(x, 3)", "repeat(x, 3)"),
                arguments("replace(x, 'a', 'b')", "replace(x, 'a', 'b')"),
                arguments("soundex(x)", "soundex(x)"),
                arguments("space(3)", "repeat(' ', 3)"),
                arguments("substring(x, 2)", "substr(x, 2)"),
                arguments("substring(x, 2, 3)", "substr(x, 2, 3)"),
                // numeric
                arguments("abs(-1)", "abs(-1)"),
                arguments("acos(x)", "acos(x)"),
                arguments("asin(x)", "asin(x)"),
                arguments("atan(x)", "atan(x)"),
                arguments("atan2(y, x)", "atan2(y, x)"),
                arguments("ceiling(1.5)", "ceil(1.5)"),
                arguments("cos(x)", "cos(x)"),
                arguments("cot(x)", "cot(x)"),
                arguments("degrees(x)", "degrees(x)"),
                arguments("exp(x)", "exp(x)"),
                arguments("floor(x)", "floor(x)"),
                arguments("log(x)", "ln(x)"),
                arguments("log10(x)", "log(x)"),
                arguments("mod(7, 3)", "mod(7, 3)"),
                arguments("pi()", "pi()"),
                arguments("pi", "pi()"),
                arguments("power(2, 10)", "pow(2, 10)"),
                arguments("radians(x)", "radians(x)"),
                arguments("rand()", "random()"),
                arguments("rand(42)", "random()"),
                arguments("round(x)", "round(x)"),
                arguments("round(x, 2)", "round(x, 2)"),
                arguments("sign(x)", "sign(x)"),
                arguments("sin(x)", "sin(x)"),
                arguments("sqrt(x)", "sqrt(x)"),
                arguments("tan(x)", "tan(x)"),
                arguments("truncate(x, 2)", "trunc(x, 2)"),
                // time and date
                arguments("curdate()", "current_date"),
                arguments("current_date()", "current_date"),
                arguments("curtime()", "current_time"),
                arguments("current_time()", "current_time"),
                arguments("current_timestamp(3)", "current_timestamp(3)"),
                arguments("now()", "now()"),
                arguments("dayname(d)", "to_char(d, 'FMDay')"),
                arguments("monthname(d)", "to_char(d, 'FMMonth')"),
                arguments("dayofmonth(d)", "cast(extract(day from d) as integer)"),
                arguments("dayofweek(d)", "(cast(extract(dow from d) as integer) + 1)"),
                arguments("dayofyear(d)", "cast(extract(doy from d) as integer)"),
                arguments("hour(d)", "cast(extract(hour from d) as integer)"),
                arguments("minute(d)", "cast(extract(minute from d) as integer)"),
                arguments("month(d)", "cast(extract(month from d) as integer)"),
                arguments("quarter(d)", "cast(extract(quarter from d) as integer)"),
                arguments("second(d)", "cast(floor(extract(second from d)) as integer)"),
                arguments("week(d)", "cast(extract(week from d) as integer)"),
                arguments("YEAR(?)", "cast(extract(year from $1) as integer)"),
                arguments("timestampadd(SQL_TSI_DAY, 3, ts)", "((ts) + (3) * INTERVAL '1 day')"),
                arguments("timestampadd(sql_tsi_hour, -1, ts)", "((ts) + (-1) * INTERVAL '1 hour')"),
                arguments("timestampadd(SQL_TSI_QUARTER, ?, ?)", "(($2) + ($1) * INTERVAL '3 month')"),
                arguments("timestampadd(SQL_TSI_FRAC_SECOND, 5000, ts)",
                        "((ts) + ((5000) / 1000.0) * INTERVAL '1 microsecond')"),
                arguments("timestampadd(SQL_TSI_YEAR, 1, {d '2024-02-29'})",
                        "((DATE '2024-02-29') + (1) * INTERVAL '1 year')"),
                arguments("timestampdiff(SQL_TSI_SECOND, a, b)",
                        "cast(trunc(round((extract(epoch from (b)) - extract(epoch from (a))) * 1000000) / 1000000) as bigint)"),
                arguments("timestampdiff(SQL_TSI_FRAC_SECOND, a, b)",
                        "cast(round((extract(epoch from (b)) - extract(epoch from (a))) * 1000000) * 1000 as bigint)"),
                arguments("timestampdiff(SQL_TSI_DAY, a, b)",
                        "cast(trunc(round((extract(epoch from (b)) - extract(epoch from (a))) * 1000000) / 86400000000)"
                                + " as integer)"),
                arguments("timestampdiff(SQL_TSI_MONTH, a, b)",
                        "cast((extract(year from age((b), (a))) * 12 + extract(month from age((b), (a)))) as integer)"),
                arguments("timestampdiff(SQL_TSI_YEAR, a, b)", "cast(extract(year from age((b), (a))) as integer)"),
                // system
                arguments("database()", "current_database()"),
                arguments("user()", "user"),
                arguments("ifnull(a, ?)", "coalesce(a, $1)"),
                // conversion
                arguments("convert(x, SQL_INTEGER)", "cast(x AS integer)"),
                arguments("convert(?, sql_varchar)", "cast($1 AS varchar)"),
                arguments("convert(x, SQL_DOUBLE)", "cast(x AS double precision)"),
                arguments("convert(x, SQL_TIMESTAMP_WITH_TIMEZONE)", "cast(x AS timestamp with time zone)"),
                arguments("convert(x, int8)", "cast(x AS int8)"),
                arguments("convert(x, numeric(10, 2))", "cast(x AS numeric(10, 2))"),
                // unknown names pass through; nesting and quoting inside arguments
                arguments("my_func(a, ?)", "my_func(a, $1)"),
                arguments("myschema.f()", "myschema.f()"),
                arguments("\"Odd\"(1)", "\"Odd\"(1)"),
                arguments("concat('?,)', ?)", "('?,)' || $1)"),
                arguments("concat( f(1, 2) , (3) )", "(f(1, 2) || (3))"),
                arguments("ucase({fn concat('a', 'b')})", "upper(('a' || 'b'))"),
                arguments("ucase( /* c */ x -- d\n)", "upper(/* c */ x)"));
    }

    @ParameterizedTest
    @MethodSource
    void functions(String call, String expected) throws SQLException {
        ParsedStatement st = SqlParser.parse("SELECT {fn " + call + "}", true).single();
        assertEquals("SELECT " + expected, st.sql());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void keywordIsCaseInsensitive(String call, String expected) throws SQLException {
        assertEquals("SELECT " + expected, SqlParser.parse("SELECT {FN " + call + " }", true).single().sql());
    }

    static Stream<Arguments> wrongArguments() {
        return Stream.of(
                arguments("ucase()", "{fn ucase} 0 arguments at position 8 (expected: 1 argument)"),
                arguments("ucase(a, b)", "2 arguments"),
                arguments("locate('a')", "(expected: 2 or 3 arguments)"),
                arguments("concat(a)", "(expected: at least 2 arguments)"),
                arguments("substring(a, , 2)", "empty argument 2"),
                arguments("insert(a, 1, 2)", "(expected: 4 arguments)"),
                arguments("timestampadd(SQL_TSI_CENTURY, 1, x)", "interval SQL_TSI_CENTURY"),
                arguments("timestampdiff(DECADE, a, b)", "interval DECADE"),
                arguments("convert(x, SQL_NOPE)", "type SQL_NOPE"),
                arguments("char_length(x, BYTES)", "(expected: CHARACTERS or OCTETS)"),
                arguments("now(1)", "(expected: 0 arguments)"));
    }

    @ParameterizedTest
    @MethodSource
    void wrongArguments(String call, String messagePart) {
        SQLException e = assertThrows(SQLException.class, () -> SqlParser.parse("SELECT {fn " + call + "}", true));
        assertEquals("42601", e.getSQLState());
        assertTrue(e.getMessage().contains(messagePart), () -> e.getMessage() + " should contain " + messagePart);
    }
}

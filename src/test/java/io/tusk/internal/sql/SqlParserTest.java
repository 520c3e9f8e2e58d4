package io.tusk.internal.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlParserTest {

    static ParsedStatement single(String sql) throws SQLException {
        ParsedSql parsed = SqlParser.parse(sql, true);
        assertEquals(1, parsed.statements().size(), () -> "statements of " + sql + ": " + parsed);
        return parsed.statements().get(0);
    }

    static List<String> texts(ParsedSql parsed) {
        return parsed.statements().stream().map(ParsedStatement::sql).collect(Collectors.toList());
    }

    // ---- placeholders in every quoting context ------------------------------------------------

    static Stream<Arguments> placeholders() {
        return Stream.of(
                arguments("SELECT ?", "SELECT $1", 1),
                arguments("SELECT ?, ?, ?", "SELECT $1, $2, $3", 3),
                arguments("SELECT * FROM t WHERE a IN (?, ?)", "SELECT * FROM t WHERE a IN ($1, $2)", 2),
                arguments("SELECT ?::int", "SELECT $1::int", 1),
                arguments("SELECT 'it''s ?'", "SELECT 'it''s ?'", 0),
                arguments("SELECT 'a', ?", "SELECT 'a', $1", 1),
                arguments("SELECT 'a\\', ?", "SELECT 'a\\', $1", 1),
                arguments("SELECT E'\\'?', ?", "SELECT E'\\'?', $1", 1),
                arguments("SELECT e'\\\\', ?", "SELECT e'\\\\', $1", 1),
                arguments("SELECT E'\\\\''?'", "SELECT E'\\\\''?'", 0),
                arguments("SELECT E'it''s ?', ?", "SELECT E'it''s ?', $1", 1),
                arguments("SELECT U&'d\\0061t?', ?", "SELECT U&'d\\0061t?', $1", 1),
                arguments("SELECT x'1F', b'101', n'?', ?", "SELECT x'1F', b'101', n'?', $1", 1),
                arguments("SELECT \"col?\" FROM t WHERE x = ?", "SELECT \"col?\" FROM t WHERE x = $1", 1),
                arguments("SELECT \"a\"\"?\", ?", "SELECT \"a\"\"?\", $1", 1),
                arguments("SELECT $$ ? $$, ?", "SELECT $$ ? $$, $1", 1),
                arguments("SELECT $tag$ ? $$ ? $tag$, ?", "SELECT $tag$ ? $$ ? $tag$, $1", 1),
                arguments("SELECT $a$ $b$ ? $b$ $a$, ?", "SELECT $a$ $b$ ? $b$ $a$, $1", 1),
                arguments("SELECT $_x1$ ? $_x1$", "SELECT $_x1$ ? $_x1$", 0),
                arguments("SELECT a$b, ? FROM t", "SELECT a$b, $1 FROM t", 1),
                arguments("SELECT a$$b$$ ?", "SELECT a$$b$$ $1", 1),
                arguments("SELECT 1$$ ? $$", "SELECT 1$$ ? $$", 0),
                arguments("SELECT 1 -- ?\n, ?", "SELECT 1 -- ?\n, $1", 1),
                arguments("SELECT /* ? */ ?", "SELECT /* ? */ $1", 1),
                arguments("SELECT /* /* ? */ ? */ ?", "SELECT /* /* ? */ ? */ $1", 1),
                arguments("SELECT /* ' */ ?", "SELECT /* ' */ $1", 1),
                arguments("SELECT '--', \"/*\", $$--$$, ?", "SELECT '--', \"/*\", $$--$$, $1", 1),
                arguments("SELECT 4/2, 3-1, ?", "SELECT 4/2, 3-1, $1", 1),
                arguments("SELECT ? FROM t WHERE a = 'x' AND b = ? -- ?", "SELECT $1 FROM t WHERE a = 'x' AND b = $2 -- ?", 2),
                arguments("SELECT ?? FROM t", "SELECT ? FROM t", 0),
                arguments("SELECT '{\"a\":1}'::jsonb ?? 'a', ?", "SELECT '{\"a\":1}'::jsonb ? 'a', $1", 1),
                arguments("SELECT x ??| array['a'], ?", "SELECT x ?| array['a'], $1", 1),
                arguments("SELECT x ??& y", "SELECT x ?& y", 0),
                arguments("SELECT ???", "SELECT ?$1", 1),
                arguments("SELECT 'unterminated ?", "SELECT 'unterminated ?", 0),
                arguments("SELECT ?, \"unterminated ?", "SELECT $1, \"unterminated ?", 1),
                arguments("SELECT ?, $tag$ unterminated ?", "SELECT $1, $tag$ unterminated ?", 1),
                arguments("SELECT ? /* unterminated ?", "SELECT $1 /* unterminated ?", 1),
                arguments("SELECT ?, E'unterminated \\' ?", "SELECT $1, E'unterminated \\' ?", 1),
                arguments("SELECT 'é', ?, ñ$ FROM \"ü\"", "SELECT 'é', $1, ñ$ FROM \"ü\"", 1));
    }

    @ParameterizedTest
    @MethodSource
    void placeholders(String sql, String expected, int count) throws SQLException {
        ParsedStatement st = single(sql);
        assertEquals(expected, st.sql());
        assertEquals(count, st.parameterCount());
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = i;
        }
        assertArrayEquals(indexes, st.parameterIndexes());
        assertFalse(st.usesNativeParameters());
    }

    @Test
    void unchangedStatementIsTheSameText() throws SQLException {
        String sql = "SELECT 1";
        assertSame(sql, single(sql).sql());
    }

    // ---- native $n parameters -------------------------------------------------------------------

    static Stream<Arguments> nativeParameters() {
        return Stream.of(
                arguments("SELECT $1", 1),
                arguments("SELECT $1, $3", 3),
                arguments("SELECT $2 + $1", 2),
                arguments("SELECT $12", 12),
                arguments("SELECT '$1', $$ $5 $$, $1", 1),
                arguments("INSERT INTO t VALUES ($1, $2)", 2));
    }

    @ParameterizedTest
    @MethodSource
    void nativeParameters(String sql, int count) throws SQLException {
        ParsedStatement st = single(sql);
        assertEquals(sql, st.sql());
        assertEquals(count, st.parameterCount());
        assertTrue(st.usesNativeParameters());
        assertEquals(-1, st.valuesStart());
    }

    @Test
    void nativeParametersTakeTheirOwnSliceInMultiStatements() throws SQLException {
        ParsedSql parsed = SqlParser.parse("SELECT $1; SELECT $2", true);
        assertArrayEquals(new int[] {0}, parsed.statements().get(0).parameterIndexes());
        assertArrayEquals(new int[] {1, 2}, parsed.statements().get(1).parameterIndexes());
        assertEquals(3, parsed.parameterCount());
    }

    @Test
    void quotedDollarDigitsAreNotParameters() throws SQLException {
        ParsedStatement st = single("SELECT '$1', ?");
        assertEquals("SELECT '$1', $1", st.sql());
        assertFalse(st.usesNativeParameters());
    }

    // ---- splitting ------------------------------------------------------------------------------

    static Stream<Arguments> splitting() {
        return Stream.of(
                arguments("SELECT 1; SELECT 2", List.of("SELECT 1", "SELECT 2")),
                arguments("SELECT 1;", List.of("SELECT 1")),
                arguments("  SELECT 1  ;  ", List.of("SELECT 1")),
                arguments("SELECT 1;;; SELECT 2 ;", List.of("SELECT 1", "SELECT 2")),
                arguments("SELECT ';'; SELECT 2", List.of("SELECT ';'", "SELECT 2")),
                arguments("SELECT \";\"; SELECT 2", List.of("SELECT \";\"", "SELECT 2")),
                arguments("SELECT E'\\';'; SELECT 2", List.of("SELECT E'\\';'", "SELECT 2")),
                arguments("SELECT $$;$$; SELECT $x$;$x$", List.of("SELECT $$;$$", "SELECT $x$;$x$")),
                arguments("SELECT 1 -- ;\n; SELECT 2", List.of("SELECT 1 -- ;", "SELECT 2")),
                arguments("SELECT /* ; */ 1; SELECT 2", List.of("SELECT /* ; */ 1", "SELECT 2")),
                arguments("SELECT 1; /* only a comment */", List.of("SELECT 1")),
                arguments("SELECT 1; -- trailing", List.of("SELECT 1")),
                arguments("SELECT 1 -- c", List.of("SELECT 1 -- c")),
                arguments("SELECT 1 /* c */ -- d\n", List.of("SELECT 1 /* c */ -- d")),
                arguments("/*+ hint */ SELECT 1", List.of("/*+ hint */ SELECT 1")),
                arguments("-- a\nSELECT 1", List.of("-- a\nSELECT 1")),
                arguments("SELECT 1 /* unterminated ; SELECT 2", List.of("SELECT 1 /* unterminated ; SELECT 2")),
                arguments("SELECT 'x;\n; SELECT 2", List.of("SELECT 'x;\n; SELECT 2")),
                arguments("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1",
                        List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                                "SELECT 1")),
                arguments("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
                        List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
                                "SELECT 3")),
                arguments("create or replace procedure p() language sql begin atomic "
                                + "insert into t values (case when true then 1 end); end; select 1",
                        List.of("create or replace procedure p() language sql begin atomic "
                                + "insert into t values (case when true then 1 end); end", "select 1")),
                arguments("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
                        List.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2")),
                arguments("BEGIN; SELECT 1; END;", List.of("BEGIN", "SELECT 1", "END")),
                arguments("CREATE TABLE t (a int); BEGIN; END", List.of("CREATE TABLE t (a int)", "BEGIN", "END")),
                arguments("SELECT (1; SELECT 2", List.of("SELECT (1; SELECT 2")),
                arguments("SELECT 1); SELECT 2", List.of("SELECT 1)", "SELECT 2")),
                arguments("SELECT {fn ucase('a')}; SELECT {d '2020-01-01'}",
                        List.of("SELECT upper('a')", "SELECT DATE '2020-01-01'")));
    }

    @ParameterizedTest
    @MethodSource
    void splitting(String sql, List<String> expected) throws SQLException {
        assertEquals(expected, texts(SqlParser.parse(sql, true)));
    }

    static Stream<String> empty() {
        return Stream.of("", "   ", "\n\t", ";", " ; ;; ", "-- comment", "/* c */", "/* c */ ; -- x", "/* /* */ */;");
    }

    @ParameterizedTest
    @MethodSource
    void empty(String sql) throws SQLException {
        ParsedSql parsed = SqlParser.parse(sql, true);
        assertTrue(parsed.isEmpty());
        assertTrue(parsed.statements().isEmpty());
        assertEquals(0, parsed.parameterCount());
        assertNull(parsed.single());
    }

    @Test
    void placeholdersRestartPerStatement() throws SQLException {
        ParsedSql parsed = SqlParser.parse("SELECT ?; SELECT 'x;?'; SELECT ?, ?", true);
        assertEquals(List.of("SELECT $1", "SELECT 'x;?'", "SELECT $1, $2"), texts(parsed));
        assertArrayEquals(new int[] {0}, parsed.statements().get(0).parameterIndexes());
        assertArrayEquals(new int[0], parsed.statements().get(1).parameterIndexes());
        assertArrayEquals(new int[] {1, 2}, parsed.statements().get(2).parameterIndexes());
        assertEquals(2, parsed.statements().get(2).parameterIndex(1));
        assertEquals(3, parsed.parameterCount());
        assertFalse(parsed.isEmpty());
    }

    @Test
    void parameterIndexesIsACopy() throws SQLException {
        ParsedStatement st = single("SELECT ?");
        st.parameterIndexes()[0] = 42;
        assertEquals(0, st.parameterIndex(0));
    }

    @Test
    void statementsListIsImmutable() throws SQLException {
        ParsedSql parsed = SqlParser.parse("SELECT 1; SELECT 2", true);
        assertThrows(UnsupportedOperationException.class, () -> parsed.statements().clear());
    }

    // ---- trailing comments stay, and clauses go before them ---------------------------------

    static Stream<Arguments> trailingComments() {
        return Stream.of(
                // sql, sent, sent with " RETURNING *" added, ends in a -- comment
                arguments("INSERT INTO t VALUES (?) /* traceparent='00-ab-01' */",
                        "INSERT INTO t VALUES ($1) /* traceparent='00-ab-01' */",
                        "INSERT INTO t VALUES ($1) RETURNING * /* traceparent='00-ab-01' */", false),
                arguments("INSERT INTO t VALUES (1) -- tag", "INSERT INTO t VALUES (1) -- tag",
                        "INSERT INTO t VALUES (1) RETURNING * -- tag", true),
                arguments("INSERT INTO t VALUES (1) -- tag\r\n  ", "INSERT INTO t VALUES (1) -- tag",
                        "INSERT INTO t VALUES (1) RETURNING * -- tag", true),
                arguments("DELETE FROM t -- a\n/* b */", "DELETE FROM t -- a\n/* b */",
                        "DELETE FROM t RETURNING * -- a\n/* b */", false),
                arguments("DELETE FROM t /* a */ -- b", "DELETE FROM t /* a */ -- b",
                        "DELETE FROM t RETURNING * /* a */ -- b", true),
                arguments("UPDATE t SET a = {fn ucase(?)} /* x */", "UPDATE t SET a = upper($1) /* x */",
                        "UPDATE t SET a = upper($1) RETURNING * /* x */", false),
                arguments("UPDATE t SET a = ?? /* x */", "UPDATE t SET a = ? /* x */",
                        "UPDATE t SET a = ? RETURNING * /* x */", false),
                arguments("DELETE FROM t /* x */ WHERE a = 1", "DELETE FROM t /* x */ WHERE a = 1",
                        "DELETE FROM t /* x */ WHERE a = 1 RETURNING *", false),
                arguments("DELETE FROM t  ", "DELETE FROM t", "DELETE FROM t RETURNING *", false),
                arguments("DELETE FROM t /* unterminated", "DELETE FROM t /* unterminated",
                        "DELETE FROM t /* unterminated RETURNING *", false));
    }

    @ParameterizedTest
    @MethodSource
    void trailingComments(String sql, String sent, String withReturning, boolean endsInLineComment)
            throws SQLException {
        ParsedStatement st = single(sql);
        assertEquals(sent, st.sql());
        assertEquals(withReturning, st.withClause(" RETURNING *"));
        assertEquals(endsInLineComment, st.endsInLineComment());
        assertEquals(endsInLineComment ? sent + "\n;" : sent + ";", st.followedBy(";"));
    }

    @Test
    void trailingCommentsDoNotChangeClassification() throws SQLException {
        ParsedStatement insert = single("INSERT INTO t VALUES (?) -- RETURNING id");
        assertEquals(StatementKind.INSERT, insert.kind());
        assertFalse(insert.hasReturning());
        assertTrue(insert.isBatchableInsert());
        assertEquals("INSERT INTO t VALUES ($1), ($2) -- RETURNING id", insert.batchedInsertSql(2));
        assertEquals(StatementKind.SELECT, single("/* a */ SELECT 1 /* b */").kind());
        assertEquals(StatementKind.CALL, single("{call p(?)} /* tag */").kind());
    }

    @Test
    void commentsAfterTheLastSemicolonAreNotAStatement() throws SQLException {
        ParsedSql parsed = SqlParser.parse("SELECT 1 /* a */; -- b", true);
        assertEquals(List.of("SELECT 1 /* a */"), texts(parsed));
    }

    @Test
    void commentsInsideAnEscapeAreTrimmedWithIt() throws SQLException {
        // An escape body ends at its last token, so a -- comment in it cannot comment out the ")" added after it.
        assertEquals("SELECT upper('a')", single("SELECT {fn ucase('a' -- c\n)}").sql());
        assertEquals("SELECT * FROM f($1) AS result", single("{? = call f(?) /* c */}").sql());
    }

    // ---- classification and RETURNING --------------------------------------------------------

    static Stream<Arguments> kinds() {
        return Stream.of(
                arguments("SELECT 1", StatementKind.SELECT),
                arguments("  select 1", StatementKind.SELECT),
                arguments("(SELECT 1) UNION (SELECT 2)", StatementKind.SELECT),
                arguments("/* c */ -- d\n ((select 1))", StatementKind.SELECT),
                arguments("insert into t values (1)", StatementKind.INSERT),
                arguments("UPDATE t SET a = 1", StatementKind.UPDATE),
                arguments("DELETE FROM t", StatementKind.DELETE),
                arguments("MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE", StatementKind.MERGE),
                arguments("WITH x AS (SELECT 1) SELECT * FROM x", StatementKind.WITH),
                arguments("VALUES (1), (2)", StatementKind.VALUES),
                arguments("SHOW search_path", StatementKind.SHOW),
                arguments("EXPLAIN ANALYZE SELECT 1", StatementKind.EXPLAIN),
                arguments("COPY t FROM STDIN", StatementKind.COPY),
                arguments("BEGIN", StatementKind.BEGIN),
                arguments("start transaction isolation level serializable", StatementKind.START),
                arguments("COMMIT", StatementKind.COMMIT),
                arguments("END", StatementKind.END),
                arguments("ROLLBACK TO SAVEPOINT s", StatementKind.ROLLBACK),
                arguments("abort", StatementKind.ROLLBACK),
                arguments("SAVEPOINT s", StatementKind.SAVEPOINT),
                arguments("RELEASE SAVEPOINT s", StatementKind.RELEASE),
                arguments("CALL p()", StatementKind.CALL),
                arguments("SET search_path = x", StatementKind.SET),
                arguments("CREATE TABLE t (a int)", StatementKind.OTHER),
                arguments("TABLE t", StatementKind.OTHER),
                arguments("selectx 1", StatementKind.OTHER),
                arguments("'a'", StatementKind.OTHER),
                arguments("?", StatementKind.OTHER),
                arguments("()", StatementKind.OTHER),
                arguments("DO $$ BEGIN END $$", StatementKind.OTHER),
                arguments("{call p}", StatementKind.CALL),
                arguments("{? = call f()}", StatementKind.SELECT));
    }

    @ParameterizedTest
    @MethodSource
    void kinds(String sql, StatementKind kind) throws SQLException {
        assertEquals(kind, single(sql).kind());
    }

    @Test
    void kindGroups() {
        assertTrue(StatementKind.BEGIN.isTransactionControl());
        assertTrue(StatementKind.RELEASE.isTransactionControl());
        assertTrue(StatementKind.END.isTransactionControl());
        assertFalse(StatementKind.CALL.isTransactionControl());
        assertFalse(StatementKind.SELECT.isTransactionControl());
        assertTrue(StatementKind.MERGE.isDataModification());
        assertFalse(StatementKind.WITH.isDataModification());
    }

    static Stream<Arguments> returning() {
        return Stream.of(
                arguments("INSERT INTO t VALUES (1) RETURNING id", true),
                arguments("insert into t values (1) returning *", true),
                arguments("UPDATE t SET a = 1 RETURNING a", true),
                arguments("DELETE FROM t RETURNING *", true),
                arguments("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *", true),
                arguments("WITH d AS (DELETE FROM u RETURNING *) INSERT INTO t SELECT * FROM d RETURNING id", true),
                arguments("INSERT INTO t VALUES (1)", false),
                arguments("WITH d AS (DELETE FROM u RETURNING *) INSERT INTO t SELECT * FROM d", false),
                arguments("INSERT INTO t VALUES ('returning')", false),
                arguments("INSERT INTO t (\"returning\") VALUES (1)", false),
                arguments("INSERT INTO t VALUES (1) -- returning", false),
                arguments("INSERT INTO t VALUES (1) /* RETURNING */", false),
                arguments("INSERT INTO returning_log VALUES (1)", false),
                arguments("INSERT INTO t VALUES ($$ RETURNING $$)", false));
    }

    @ParameterizedTest
    @MethodSource
    void returning(String sql, boolean expected) throws SQLException {
        assertEquals(expected, single(sql).hasReturning());
    }

    // ---- VALUES row of single-row INSERTs --------------------------------------------------------

    static Stream<Arguments> valuesRow() {
        return Stream.of(
                arguments("INSERT INTO t VALUES (?, ?)", "($1, $2)"),
                arguments("INSERT INTO t (a, b) VALUES (?, ?)", "($1, $2)"),
                arguments("insert into t(a) values(?)", "($1)"),
                arguments("INSERT INTO t VALUES (?, lower(?))", "($1, lower($2))"),
                arguments("INSERT INTO t VALUES (?, '(', \")\")", "($1, '(', \")\")"),
                arguments("INSERT INTO t VALUES /* c */ (?) -- c", "($1)"),
                arguments("INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING", "($1)"),
                arguments("INSERT INTO t VALUES (?) ON CONFLICT (a) DO UPDATE SET b = 1, c = 2", "($1)"),
                arguments("INSERT INTO t VALUES (?) RETURNING id", "($1)"),
                arguments("INSERT INTO t VALUES (?, {d '2020-01-01'})", "($1, DATE '2020-01-01')"),
                arguments("INSERT INTO t VALUES ({fn ucase(?)}, ?)", "(upper($1), $2)"),
                arguments("INSERT INTO t VALUES (1)", "(1)"));
    }

    @ParameterizedTest
    @MethodSource
    void valuesRow(String sql, String row) throws SQLException {
        ParsedStatement st = single(sql);
        assertTrue(st.isBatchableInsert(), st::toString);
        assertEquals(row, st.sql().substring(st.valuesStart(), st.valuesEnd()));
    }

    static Stream<String> noValuesRow() {
        return Stream.of(
                "INSERT INTO t VALUES (?), (?)",
                "INSERT INTO t SELECT ?",
                "INSERT INTO t DEFAULT VALUES",
                "INSERT INTO t VALUES ($1)",
                "INSERT INTO t VALUES (?) ON CONFLICT (a) DO UPDATE SET b = ?",
                "INSERT INTO t SELECT * FROM (VALUES (?)) v",
                "INSERT INTO t VALUES",
                "UPDATE t SET a = ?",
                "WITH x AS (SELECT 1) INSERT INTO t VALUES (?)",
                "VALUES (?)",
                "SELECT 1");
    }

    @ParameterizedTest
    @MethodSource
    void noValuesRow(String sql) throws SQLException {
        ParsedStatement st = single(sql);
        assertEquals(-1, st.valuesStart());
        assertEquals(-1, st.valuesEnd());
        assertFalse(st.isBatchableInsert());
    }

    // ---- JDBC escapes other than {fn} ---------------------------------------------------------

    static Stream<Arguments> escapes() {
        return Stream.of(
                arguments("{d '2024-01-31'}", "DATE '2024-01-31'"),
                arguments("SELECT {d '2024-01-31'}", "SELECT DATE '2024-01-31'"),
                arguments("SELECT {D '2024-1-5'}", "SELECT DATE '2024-1-5'"),
                arguments("SELECT { d  '2024-01-31' }", "SELECT DATE '2024-01-31'"),
                arguments("SELECT {d'2024-01-31'}", "SELECT DATE '2024-01-31'"),
                arguments("SELECT {t '23:59:59'}", "SELECT TIME '23:59:59'"),
                arguments("SELECT {t '9:05:00.5'}", "SELECT TIME '9:05:00.5'"),
                arguments("SELECT {ts '2024-01-31 23:59:59'}", "SELECT TIMESTAMP '2024-01-31 23:59:59'"),
                arguments("SELECT {TS '2024-01-31 23:59:59.123456789'}", "SELECT TIMESTAMP '2024-01-31 23:59:59.123456789'"),
                arguments("SELECT {d ?}, {t ?}, {ts ?}", "SELECT CAST($1 AS DATE), CAST($2 AS TIME), CAST($3 AS TIMESTAMP)"),
                arguments("SELECT * FROM {oj t1 LEFT OUTER JOIN t2 ON t1.a = t2.a}",
                        "SELECT * FROM t1 LEFT OUTER JOIN t2 ON t1.a = t2.a"),
                arguments("SELECT * FROM {OJ t1 LEFT JOIN t2 ON (t1.a = t2.a)} WHERE x = ?",
                        "SELECT * FROM t1 LEFT JOIN t2 ON (t1.a = t2.a) WHERE x = $1"),
                arguments("SELECT * FROM {oj t1 LEFT JOIN {oj t2 LEFT JOIN t3 ON true} ON true}",
                        "SELECT * FROM t1 LEFT JOIN t2 LEFT JOIN t3 ON true ON true"),
                arguments("SELECT * FROM t WHERE a LIKE 'x\\_%' {escape '\\'}",
                        "SELECT * FROM t WHERE a LIKE 'x\\_%' ESCAPE '\\'"),
                arguments("SELECT * FROM t WHERE a LIKE ? {ESCAPE '!'}", "SELECT * FROM t WHERE a LIKE $1 ESCAPE '!'"),
                arguments("SELECT * FROM t {limit 10}", "SELECT * FROM t LIMIT 10"),
                arguments("SELECT * FROM t {limit ? offset ?}", "SELECT * FROM t LIMIT $1 offset $2"),
                arguments("SELECT '{d 2024}', \"{fn\", $${xyz}$$, 1 /* {oj */",
                        "SELECT '{d 2024}', \"{fn\", $${xyz}$$, 1 /* {oj */"),
                arguments("-- {fn x(\nSELECT 1", "-- {fn x(\nSELECT 1"),
                arguments("SELECT {fn ucase({fn concat('a', {d '2024-01-31'})})}, {t ?} -- {xyz",
                        "SELECT upper(('a' || DATE '2024-01-31')), CAST($1 AS TIME) -- {xyz"),
                arguments("SELECT 1 } ", "SELECT 1 }"));
    }

    @ParameterizedTest
    @MethodSource
    void escapes(String sql, String expected) throws SQLException {
        assertEquals(expected, single(sql).sql());
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                // sql, call mode, sent, kind, returnsValue, parameter indexes, JDBC parameter count
                arguments("{call p(?, ?)}", EscapeCallMode.CALL_IF_NO_RETURN, "CALL p($1, $2)", StatementKind.CALL, false,
                        new int[] {0, 1}, 2),
                arguments("{call p}", EscapeCallMode.CALL_IF_NO_RETURN, "CALL p()", StatementKind.CALL, false, new int[0], 0),
                arguments("{ CALL p() }", EscapeCallMode.CALL_IF_NO_RETURN, "CALL p()", StatementKind.CALL, false, new int[0], 0),
                arguments("{call s.\"My (Proc\"(?)}", EscapeCallMode.CALL_IF_NO_RETURN, "CALL s.\"My (Proc\"($1)",
                        StatementKind.CALL, false, new int[] {0}, 1),
                arguments("{call p('{fn x}', ?, {d '2024-01-31'})}", EscapeCallMode.CALL_IF_NO_RETURN,
                        "CALL p('{fn x}', $1, DATE '2024-01-31')", StatementKind.CALL, false, new int[] {0}, 1),
                arguments("{? = call f(?)}", EscapeCallMode.CALL_IF_NO_RETURN, "SELECT * FROM f($1) AS result",
                        StatementKind.SELECT, true, new int[] {1}, 2),
                arguments("{?=call f}", EscapeCallMode.CALL_IF_NO_RETURN, "SELECT * FROM f() AS result",
                        StatementKind.SELECT, true, new int[0], 1),
                arguments("{ ? = CALL f(?, ?) }", EscapeCallMode.CALL_IF_NO_RETURN, "SELECT * FROM f($1, $2) AS result",
                        StatementKind.SELECT, true, new int[] {1, 2}, 3),
                arguments("{call p(?)}", EscapeCallMode.SELECT, "SELECT * FROM p($1) AS result", StatementKind.SELECT, false,
                        new int[] {0}, 1),
                arguments("{call p}", EscapeCallMode.SELECT, "SELECT * FROM p() AS result", StatementKind.SELECT, false,
                        new int[0], 0),
                arguments("{? = call f(?)}", EscapeCallMode.SELECT, "SELECT * FROM f($1) AS result", StatementKind.SELECT,
                        true, new int[] {1}, 2),
                arguments("{? = call f(?)}", EscapeCallMode.CALL, "CALL f($1, $2)", StatementKind.CALL, true,
                        new int[] {0, 1}, 2),
                arguments("{? = call f( )}", EscapeCallMode.CALL, "CALL f($1)", StatementKind.CALL, true, new int[] {0}, 1),
                arguments("{? = call f}", EscapeCallMode.CALL, "CALL f($1)", StatementKind.CALL, true, new int[] {0}, 1),
                arguments("{call p(?)}", EscapeCallMode.CALL, "CALL p($1)", StatementKind.CALL, false, new int[] {0}, 1));
    }

    @ParameterizedTest
    @MethodSource
    void calls(String sql, EscapeCallMode mode, String expected, StatementKind kind, boolean returnsValue,
            int[] indexes, int jdbcCount) throws SQLException {
        ParsedSql parsed = SqlParser.parse(sql, true, true, mode);
        ParsedStatement st = parsed.single();
        assertEquals(expected, st.sql());
        assertEquals(kind, st.kind());
        assertTrue(st.isCall());
        assertEquals(returnsValue, st.returnsValue());
        assertEquals(returnsValue ? 0 : -1, st.resultParameterIndex());
        assertArrayEquals(indexes, st.parameterIndexes());
        assertEquals(jdbcCount, parsed.parameterCount());
    }

    @Test
    void resultParameterIndexCountsEarlierStatements() throws SQLException {
        ParsedSql parsed = SqlParser.parse("SELECT ?; {? = call f(?)}", true);
        ParsedStatement call = parsed.statements().get(1);
        assertEquals(1, call.resultParameterIndex());
        assertArrayEquals(new int[] {2}, call.parameterIndexes());
        assertEquals(3, parsed.parameterCount());
    }

    @Test
    void plainStatementIsNotACall() throws SQLException {
        ParsedStatement st = single("SELECT f(?)");
        assertFalse(st.isCall());
        assertFalse(st.returnsValue());
        assertEquals(-1, st.resultParameterIndex());
    }

    static Stream<Arguments> escapeProcessingOff() {
        return Stream.of(
                arguments("SELECT {fn ucase(?)}", "SELECT {fn ucase($1)}"),
                arguments("{call p(?)}", "{call p($1)}"),
                arguments("SELECT {d '2024-01-31'}, ??", "SELECT {d '2024-01-31'}, ?"),
                arguments("SELECT {xyz", "SELECT {xyz"));
    }

    @ParameterizedTest
    @MethodSource
    void escapeProcessingOff(String sql, String expected) throws SQLException {
        ParsedStatement st = SqlParser.parse(sql, false).single();
        assertEquals(expected, st.sql());
        assertFalse(st.isCall());
    }

    @Test
    void escapeProcessingOffStillSplits() throws SQLException {
        assertEquals(List.of("SELECT {x}", "SELECT $1"), texts(SqlParser.parse("SELECT {x}; SELECT ?", false)));
    }

    // ---- malformed escapes: 42601 --------------------------------------------------------------

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("SELECT {fn ucase('a'", "unterminated JDBC escape at position 8 (expected: ')')"),
                arguments("SELECT {fn ucase('a')", "{fn ucase(...) not closed at position 8 (expected: '}')"),
                arguments("SELECT {fn ucase('a') x}", "not closed at position 8"),
                arguments("SELECT {fn f(a}", "'}' inside parentheses of a JDBC escape at position 8 (expected: ')')"),
                arguments("SELECT {oj a (b}", "'}' inside parentheses"),
                arguments("SELECT {fn (x)}", "without a function name at position 8"),
                arguments("SELECT {fn ucase}", "{fn ucase} 0 arguments at position 8 (expected: 1 argument)"),
                arguments("SELECT {d 'bad'}", "JDBC escape {d 'bad' at position 8 (expected: 'yyyy-mm-dd')"),
                arguments("SELECT {d '2024-13-01'}", "'yyyy-mm-dd'"),
                arguments("SELECT {d '2024-01-32'}", "'yyyy-mm-dd'"),
                arguments("SELECT {d '24-01-01'}", "'yyyy-mm-dd'"),
                arguments("SELECT {d '2024-01-01 '}", "'yyyy-mm-dd'"),
                arguments("SELECT {t '25:00:00'}", "'hh:mm:ss'"),
                arguments("SELECT {t '12:5:00'}", "'hh:mm:ss'"),
                arguments("SELECT {ts '2024-01-01'}", "'yyyy-mm-dd hh:mm:ss[.f...]'"),
                arguments("SELECT {ts '2024-01-01T10:00:00'}", "'yyyy-mm-dd hh:mm:ss[.f...]'"),
                arguments("SELECT {d 2024-01-01}", "without a quoted literal"),
                arguments("SELECT {d '2024-01-01'", "not closed"),
                arguments("SELECT {d '2024-01-01}", "without a quoted literal"),
                arguments("SELECT {xyz 1}", "unknown JDBC escape {xyz at position 8"),
                arguments("SELECT {}", "unknown JDBC escape {}"),
                arguments("SELECT { }", "unknown JDBC escape"),
                arguments("SELECT {", "unknown JDBC escape {"),
                arguments("SELECT {'a'}", "unknown JDBC escape"),
                arguments("SELECT {fnx(1)}", "unknown JDBC escape {fnx"),
                arguments("{call}", "{call without a name"),
                arguments("{call p(?)", "unterminated JDBC escape at position 1 (expected: '}')"),
                arguments("{? call f()}", "JDBC escape {? at position 1 (expected: {? = call name(arguments)})"),
                arguments("{? = f()}", "JDBC escape {?"),
                arguments("SELECT * FROM {oj }", "empty JDBC escape {oj"),
                arguments("SELECT * FROM t {limit}", "empty JDBC escape {limit"),
                arguments("SELECT 1; SELECT {fn ucase(", "at position 18"),
                arguments("SELECT ?, $1", "$1 in a statement with ? placeholders at position 11"),
                arguments("SELECT $1, ?", "either ? or $n parameters, not both"),
                arguments("SELECT $70000", "parameter $70000 at position 8 (expected: $1 to $65535)"));
    }

    @ParameterizedTest
    @MethodSource
    void malformed(String sql, String messagePart) {
        SQLException e = assertThrows(SQLException.class, () -> SqlParser.parse(sql, true));
        assertTrue(e instanceof SQLSyntaxErrorException, e::toString);
        assertEquals("42601", e.getSQLState());
        assertTrue(e.getMessage().contains(messagePart), () -> e.getMessage() + " should contain " + messagePart);
    }

    // ---- nativeSql -----------------------------------------------------------------------------

    static Stream<Arguments> nativeSql() {
        return Stream.of(
                arguments("SELECT ?", "SELECT ?"),
                arguments("SELECT ??, ?", "SELECT ??, ?"),
                arguments("SELECT {fn ucase(?)}", "SELECT upper(?)"),
                arguments("SELECT 1; SELECT {d '2020-01-01'};", "SELECT 1; SELECT DATE '2020-01-01';"),
                arguments("  SELECT {d '2020-01-01'}  -- c", "  SELECT DATE '2020-01-01'  -- c"),
                arguments("{call p(?)}", "CALL p(?)"),
                arguments("{? = call f(?)}", "SELECT * FROM f(?) AS result"),
                arguments("SELECT '{fn x}' /* {d */", "SELECT '{fn x}' /* {d */"),
                arguments("SELECT $1, ?", "SELECT $1, ?"),
                arguments("", ""));
    }

    @ParameterizedTest
    @MethodSource
    void nativeSql(String sql, String expected) throws SQLException {
        assertEquals(expected, SqlParser.nativeSql(sql));
    }

    @Test
    void nativeSqlWithoutEscapesIsTheSameString() throws SQLException {
        String sql = "SELECT ?, '}' -- x";
        assertSame(sql, SqlParser.nativeSql(sql));
    }

    @Test
    void nativeSqlHonoursCallMode() throws SQLException {
        assertEquals("CALL f(?, ?)", SqlParser.nativeSql("{? = call f(?)}", EscapeCallMode.CALL));
        assertEquals("SELECT * FROM p(?) AS result", SqlParser.nativeSql("{call p(?)}", EscapeCallMode.SELECT));
    }

    @Test
    void nativeSqlRejectsMalformedEscapes() {
        SQLException e = assertThrows(SQLException.class, () -> SqlParser.nativeSql("SELECT {fn x("));
        assertEquals("42601", e.getSQLState());
    }

    // ---- plain Statement: no parameters --------------------------------------------------------

    static Stream<Arguments> withoutParameters() {
        return Stream.of(
                arguments("SELECT '{}'::jsonb ? 'a'", List.of("SELECT '{}'::jsonb ? 'a'")),
                arguments("SELECT x ?? 'a'", List.of("SELECT x ?? 'a'")),
                arguments("SELECT $1", List.of("SELECT $1")),
                arguments("SELECT ?, $1", List.of("SELECT ?, $1")),
                arguments("SELECT 1; SELECT {fn ucase('a')} -- x", List.of("SELECT 1", "SELECT upper('a') -- x")));
    }

    @ParameterizedTest
    @MethodSource
    void withoutParameters(String sql, List<String> expected) throws SQLException {
        ParsedSql parsed = SqlParser.parse(sql, true, false);
        assertEquals(expected, texts(parsed));
        assertEquals(0, parsed.parameterCount());
        for (ParsedStatement st : parsed.statements()) {
            assertEquals(0, st.parameterCount());
        }
    }

    @Test
    void callModeProperty() {
        assertEquals(EscapeCallMode.CALL_IF_NO_RETURN, EscapeCallMode.fromPropertyValue("callIfNoReturn"));
        assertEquals(EscapeCallMode.SELECT, EscapeCallMode.fromPropertyValue("SELECT"));
        assertEquals("call", EscapeCallMode.CALL.propertyValue());
        assertThrows(IllegalArgumentException.class, () -> EscapeCallMode.fromPropertyValue("exec"));
    }
}

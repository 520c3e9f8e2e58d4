package io.tusk.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParsedStatementTest {

    static Stream<Arguments> batchedInsertSql() {
        return Stream.of(
                arguments("INSERT INTO t VALUES (?, ?)", 3, "INSERT INTO t VALUES ($1, $2), ($3, $4), ($5, $6)"),
                arguments("INSERT INTO t VALUES (?, ?)", 1, "INSERT INTO t VALUES ($1, $2)"),
                arguments("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING", 2,
                        "INSERT INTO t (a) VALUES ($1), ($2) ON CONFLICT DO NOTHING"),
                arguments("INSERT INTO t VALUES (?) RETURNING id", 2, "INSERT INTO t VALUES ($1), ($2) RETURNING id"),
                arguments("INSERT INTO t VALUES (?, '$1', $$ $2 $$, \"$3\", E'\\'$4', /* $5 */ 0)", 2,
                        "INSERT INTO t VALUES ($1, '$1', $$ $2 $$, \"$3\", E'\\'$4', /* $5 */ 0),"
                                + " ($2, '$1', $$ $2 $$, \"$3\", E'\\'$4', /* $5 */ 0)"),
                arguments("INSERT INTO t VALUES ({fn locate(?, ?)})", 2,
                        "INSERT INTO t VALUES (position(($1) in ($2))), (position(($3) in ($4)))"),
                arguments("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 2,
                        "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10),"
                                + " ($11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"),
                arguments("INSERT INTO t VALUES (1)", 2, "INSERT INTO t VALUES (1), (1)"));
    }

    @ParameterizedTest
    @MethodSource
    void batchedInsertSql(String sql, int rows, String expected) throws SQLException {
        assertEquals(expected, SqlParser.parse(sql, true).single().batchedInsertSql(rows));
    }

    @Test
    void batchedInsertSqlLimits() throws SQLException {
        ParsedStatement st = SqlParser.parse("INSERT INTO t VALUES (?, ?)", true).single();
        String largest = st.batchedInsertSql(ParsedStatement.MAX_PARAMETERS / 2);
        assertEquals(true, largest.endsWith("($65533, $65534)"));
        assertThrows(IllegalArgumentException.class, () -> st.batchedInsertSql(ParsedStatement.MAX_PARAMETERS / 2 + 1));
        assertThrows(IllegalArgumentException.class, () -> st.batchedInsertSql(0));
        ParsedStatement select = SqlParser.parse("SELECT ?", true).single();
        assertThrows(IllegalStateException.class, () -> select.batchedInsertSql(2));
    }

    @Test
    void toStringShowsKindSqlAndIndexes() throws SQLException {
        assertEquals("SELECT SELECT $1 [0]", SqlParser.parse("SELECT ?", true).single().toString());
    }
}

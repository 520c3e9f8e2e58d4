package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** getGeneratedKeys for every way of asking, on serial and identity columns. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GeneratedKeysIT extends JdbcTestBase {
    GeneratedKeysIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTables() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE gk (id serial PRIMARY KEY, name text, created int DEFAULT 7)");
            s.execute("CREATE TEMP TABLE gi (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");
        }
    }

    private static List<Integer> ints(ResultSet rs, int column) throws SQLException {
        List<Integer> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getInt(column));
        }
        return out;
    }

    @Test
    void returnGeneratedKeysOnSerial() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(1, "n" + i);
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(i, keys.getInt("id"));
                    assertEquals(i, keys.getInt(1));
                    assertFalse(keys.next());
                }
            }
        }
    }

    @Test
    void returnGeneratedKeysOnIdentity() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gi(name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "x");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1L, keys.getLong("id"));
            }
        }
    }

    @Test
    void generatedKeysByColumnName() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "a");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                ResultSetMetaData md = keys.getMetaData();
                assertEquals(1, md.getColumnCount());
                assertEquals("id", md.getColumnName(1));
                assertTrue(keys.next());
                assertEquals(1, keys.getInt(1));
            }
        }
    }

    @Test
    void generatedKeysBySeveralColumnNames() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)",
                new String[] {"id", "created"})) {
            ps.setString(1, "a");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(2, keys.getMetaData().getColumnCount());
                assertTrue(keys.next());
                assertEquals(1, keys.getInt("id"));
                assertEquals(7, keys.getInt("created"));
            }
        }
    }

    /** Column indexes name table columns; only the asked-for column comes back. */
    @Test
    void generatedKeysByColumnIndex() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)", new int[] {1})) {
            ps.setString(1, "a");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(1, keys.getMetaData().getColumnCount(), "only column 1 (id) was asked for");
                assertTrue(keys.next());
                assertEquals(1, keys.getInt(1));
            }
        }
    }

    @Test
    void generatedKeysByColumnIndexes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)", new int[] {3, 1})) {
            ps.setString(1, "a");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(2, keys.getMetaData().getColumnCount());
                assertTrue(keys.next());
                assertEquals(7, keys.getInt(1), "columns in the order asked for");
                assertEquals(1, keys.getInt(2));
            }
        }
    }

    @Test
    void plainStatementWithGeneratedKeys() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO gk(name) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getInt("id"));
            }
            assertFalse(s.execute("INSERT INTO gk(name) VALUES ('b')", new String[] {"id"}));
            assertEquals(1, s.getUpdateCount());
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2, keys.getInt(1));
            }
        }
    }

    @Test
    void multiRowInsertReturnsAllKeys() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(3, s.executeUpdate("INSERT INTO gk(name) VALUES ('a'), ('b'), ('c')",
                    Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertEquals(List.of(1, 2, 3), ints(keys, 1));
            }
        }
    }

    @Test
    void batchWithGeneratedKeysReturnsAllKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < 5; i++) {
                ps.setString(1, "b" + i);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ps.executeBatch());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(List.of(1, 2, 3, 4, 5), ints(keys, 1));
            }
        }
    }

    @Test
    void batchWithNamedKeyColumns() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gi(name) VALUES (?)", new String[] {"id"})) {
            for (int i = 0; i < 4; i++) {
                ps.setString(1, "b" + i);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(1, keys.getMetaData().getColumnCount());
                assertEquals(List.of(1, 2, 3, 4), ints(keys, 1));
            }
        }
    }

    @Test
    void batchWithItsOwnReturningAndGeneratedKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?) RETURNING id * 10",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < 3; i++) {
                ps.setString(1, "r" + i);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(List.of(10, 20, 30), ints(keys, 1));
            }
        }
    }

    /** pgjdbc: with its own RETURNING, executeUpdate returns the count and the RETURNING rows are the keys. */
    @Test
    void statementWithItsOwnReturningAndGeneratedKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?) RETURNING id, name",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "own");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getInt("id"));
                assertEquals("own", keys.getString("name"));
            }
        }
    }

    @Test
    void statementWithItsOwnReturningRunAsAQuery() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?) RETURNING id")) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(1, "q" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void updateWithGeneratedKeysReturnsTheUpdatedRows() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO gk(name) VALUES ('a'), ('b'), ('c')");
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE gk SET name = upper(name) WHERE id >= ?",
                new String[] {"id", "name"})) {
            ps.setInt(1, 2);
            assertEquals(2, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                List<String> names = new ArrayList<>();
                while (keys.next()) {
                    names.add(keys.getString("name"));
                }
                names.sort(null);
                assertEquals(List.of("B", "C"), names);
            }
        }
    }

    @Test
    void noKeysRequestedGivesAnEmptyResult() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?)")) {
            ps.setString(1, "a");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertNotNull(keys);
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void keysOnASelectAreIgnored() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 5", Statement.RETURN_GENERATED_KEYS)) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
        }
    }

    @Test
    void trailingSemicolonAndCommentBeforeReturning() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gk(name) VALUES (?) -- trailing comment\n;",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "c");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getInt("id"));
            }
        }
    }

    /**
     * The inserted name is the statement's own text as the server saw it: RETURNING goes before the
     * trailing comment, which reaches the server, and a trailing {@code --} comment swallows nothing.
     */
    @Test
    void returningGoesBeforeATrailingComment() throws SQLException {
        String insert = "INSERT INTO gk(name) SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()";
        for (String tag : List.of(" /* traceparent='00-ab-01' */", " -- tag")) {
            try (PreparedStatement ps = conn.prepareStatement(insert + tag, new String[] {"name"})) {
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(insert + " RETURNING \"name\"" + tag, keys.getString(1));
                }
            }
            try (Statement s = conn.createStatement()) {
                assertEquals(1, s.executeUpdate(insert + tag, Statement.RETURN_GENERATED_KEYS));
                try (ResultSet keys = s.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(insert + " RETURNING *" + tag, keys.getString("name"));
                }
            }
        }
    }
}

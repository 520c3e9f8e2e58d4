package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** getGeneratedKeys after INSERT/UPDATE/DELETE, by flag, column names and column indexes, and in batches. */
public abstract class GeneratedKeysTckBase extends TckBase {

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getLong(column));
            }
        }
        return values;
    }

    @Test
    void statementReturnGeneratedKeys() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
            assertEquals(List.of(1L), longs(s.getGeneratedKeys(), "id"));
            assertEquals(1, s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('b')", Statement.RETURN_GENERATED_KEYS));
            assertEquals(List.of(2L), longs(s.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void preparedReturnGeneratedKeys() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)",
            Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 1; i <= 6; i++) {
                ps.setString(1, "v" + i);
                assertEquals(1, ps.executeUpdate());
                assertEquals(List.of((long) i), longs(ps.getGeneratedKeys(), "id"));
            }
        }
    }

    @Test
    void generatedKeysByColumnName() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, created int DEFAULT 7, v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)",
            new String[] {"id", "created"})) {
            ps.setString(1, "x");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(2, keys.getMetaData().getColumnCount());
                assertTrue(keys.next());
                assertEquals(1, keys.getInt("id"));
                assertEquals(7, keys.getInt("created"));
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void generatedKeysByColumnNameOnStatement() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('a')", new String[] {"id"});
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertEquals(1, keys.getMetaData().getColumnCount());
                assertTrue(keys.next());
                assertEquals(1, keys.getInt(1));
            }
        }
    }

    @Test
    void generatedKeysByColumnIndexIfSupported() throws SQLException {
        // Optional in JDBC (SQLFeatureNotSupportedException); pgjdbc refuses it with 0A000, Tusk supports it.
        String table = tempTable("id serial PRIMARY KEY, v text");
        PreparedStatement ps;
        try {
            ps = closeLater(conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)", new int[] {1}));
        } catch (SQLException e) {
            assumeTrue(!"0A000".equals(e.getSQLState()), "column indexes not supported: " + e);
            throw e;
        }
        ps.setString(1, "x");
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            assertTrue(keys.next());
            assertEquals(1, keys.getInt(1));
        }
    }

    @Test
    void generatedKeysFlagOnAQueryIsHarmless() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 5", Statement.RETURN_GENERATED_KEYS);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void generatedKeysFlagOnDdlIsHarmless() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(0, s.executeUpdate("CREATE TEMPORARY TABLE " + uniqueName("tck_keys_ddl") + " (v int)",
                Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void noKeysRequestedGivesEmptyResultSet() throws SQLException {
        // getGeneratedKeys: "If this Statement object did not generate any keys, an empty ResultSet object is
        // returned."
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('a')");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertNotNull(keys);
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void multiRowInsertReturnsAllKeysInOrder() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (Statement s = conn.createStatement()) {
            assertEquals(3, s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('a'), ('b'), ('c')",
                Statement.RETURN_GENERATED_KEYS));
            assertEquals(List.of(1L, 2L, 3L), longs(s.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void updateReturnsKeysOfUpdatedRows() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        execute("INSERT INTO " + table + " (v) VALUES ('a'), ('b'), ('c')");
        try (PreparedStatement ps = conn.prepareStatement("UPDATE " + table + " SET v = 'z' WHERE id > ?",
            new String[] {"id"})) {
            ps.setInt(1, 1);
            assertEquals(2, ps.executeUpdate());
            List<Long> ids = longs(ps.getGeneratedKeys(), "id");
            ids.sort(null);
            assertEquals(List.of(2L, 3L), ids);
        }
    }

    @Test
    void deleteReturnsKeysOfDeletedRows() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        execute("INSERT INTO " + table + " (v) VALUES ('a'), ('b')");
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM " + table + " WHERE v = 'b'", new String[] {"id"}));
            assertEquals(List.of(2L), longs(s.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void executeWithGeneratedKeysReportsTheUpdateCount() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("INSERT INTO " + table + " (v) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS));
            assertEquals(2, s.getUpdateCount());
            assertEquals(List.of(1L, 2L), longs(s.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void identityColumnKeys() throws SQLException {
        String table = tempTable("id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100), v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "x");
            ps.executeUpdate();
            assertEquals(List.of(100L), longs(ps.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void uuidDefaultKeys() throws SQLException {
        // gen_random_uuid() needs PostgreSQL 13; this default works from 12 on.
        String table = tempTable("id uuid PRIMARY KEY DEFAULT md5(random()::text || clock_timestamp()::text)::uuid,"
            + " v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "x");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                UUID id = keys.getObject(1, UUID.class);
                assertEquals(id.toString(), scalarString("SELECT id::text FROM " + table));
            }
        }
    }

    @Test
    void preparedBatchWithGeneratedKeys() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)",
            Statement.RETURN_GENERATED_KEYS)) {
            for (String v : new String[] {"a", "b", "c"}) {
                ps.setString(1, v);
                ps.addBatch();
            }
            ps.executeBatch();
            assertEquals(List.of(1L, 2L, 3L), longs(ps.getGeneratedKeys(), "id"));
        }
    }

    @Test
    void insertWithOwnReturningClause() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (v) VALUES (?) RETURNING id",
            Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "x");
            ps.execute();
            ResultSet keys = ps.getGeneratedKeys();
            ResultSet results = ps.getResultSet();
            // The RETURNING rows arrive as the generated keys or as the statement's result; either way once.
            ResultSet rows = results != null ? results : keys;
            assertTrue(rows.next());
            assertEquals(1, rows.getInt("id"));
        }
    }

    @Test
    void onConflictDoNothingReturnsNoKeys() throws SQLException {
        String table = tempTable("id int PRIMARY KEY, v text");
        execute("INSERT INTO " + table + " VALUES (1, 'a')");
        try (Statement s = conn.createStatement()) {
            assertEquals(0, s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'b') ON CONFLICT DO NOTHING",
                new String[] {"id"}));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void generatedKeysResultSetMetaDataNamesTheColumns() throws SQLException {
        String table = tempTable("id serial PRIMARY KEY, v text DEFAULT 'd'");
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " DEFAULT VALUES", new String[] {"id", "v"});
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertEquals("id", keys.getMetaData().getColumnLabel(1));
                assertEquals("v", keys.getMetaData().getColumnLabel(2));
                assertTrue(keys.next());
                assertEquals("d", keys.getString("v"));
            }
        }
    }
}

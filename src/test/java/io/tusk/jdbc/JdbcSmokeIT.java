package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.testing.PgServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class JdbcSmokeIT extends JdbcTestBase {
    JdbcSmokeIT(PgServer pg) {
        super(pg);
    }

    @Test
    void connectCreateInsertSelect() throws Exception {
        assertTrue(conn instanceof JdbcConnection);
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE smoke (id int PRIMARY KEY, name text, price numeric(8,2))");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO smoke VALUES (?, ?, ?)")) {
            for (int i = 1; i <= 5; i++) {
                ps.setInt(1, i);
                ps.setString(2, "item " + i);
                ps.setBigDecimal(3, new java.math.BigDecimal(i + ".50"));
                assertEquals(1, ps.executeUpdate());
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name, price FROM smoke WHERE id > ? ORDER BY id")) {
            for (int round = 0; round < 3; round++) { // first run text results, later binary through the cache
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                    assertEquals("item 3", rs.getString("name"));
                    assertEquals(new java.math.BigDecimal("3.50"), rs.getBigDecimal(3));
                    assertTrue(rs.next());
                    assertTrue(rs.next());
                    assertFalse(rs.next());
                }
            }
        }
    }
}

package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.AsyncConnection;
import io.tusk.Row;
import io.tusk.testing.PgServer;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Arrays through JDBC and the async API against a real server. Every prepared query runs until it
 * gets binary results from the statement cache (see {@link JdbcTestBase#RUNS_THROUGH_ALL_FORMATS});
 * the earlier runs get text results, and both must read alike.
 */
class ArraysIT extends JdbcTestBase {
    private static final int ROUNDS = RUNS_THROUGH_ALL_FORMATS;

    ArraysIT(PgServer pg) {
        super(pg);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void createArrayOfAndSetArrayInsertGetArrayReadsBack() throws SQLException {
        execute("CREATE TEMP TABLE a (id int PRIMARY KEY, i int4[], t text[], u uuid[], ts timestamptz[])");
        UUID u1 = new UUID(1, 2);
        OffsetDateTime ts = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHours(2));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO a VALUES (?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= ROUNDS; id++) {
                ps.setInt(1, id);
                ps.setArray(2, conn.createArrayOf("integer", new Object[] {id, null, -id}));
                ps.setArray(3, conn.createArrayOf("TEXT", new String[] {"a,b", "with \"quote\"", "NULL", null, ""}));
                ps.setArray(4, conn.createArrayOf("uuid", new UUID[] {u1, null}));
                ps.setArray(5, conn.createArrayOf("timestamptz", new Object[] {ts}));
                assertEquals(1, ps.executeUpdate());
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT i, t, u, ts FROM a WHERE id = ?")) {
            for (int id = 1; id <= ROUNDS; id++) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    Array i = rs.getArray(1);
                    assertEquals("int4", i.getBaseTypeName());
                    assertEquals(Types.INTEGER, i.getBaseType());
                    assertArrayEquals(new Integer[] {id, null, -id}, (Integer[]) i.getArray());
                    assertArrayEquals(new Integer[] {null, -id}, (Integer[]) i.getArray(2, 2));
                    assertEquals("{" + id + ",NULL," + -id + "}", rs.getString(1));
                    assertArrayEquals(new String[] {"a,b", "with \"quote\"", "NULL", null, ""},
                            (String[]) rs.getArray("t").getArray());
                    assertEquals("{\"a,b\",\"with \\\"quote\\\"\",\"NULL\",NULL,\"\"}", rs.getString(2));
                    assertArrayEquals(new UUID[] {u1, null}, (UUID[]) rs.getArray(3).getArray());
                    assertArrayEquals(new OffsetDateTime[] {ts.withOffsetSameInstant(ZoneOffset.UTC)},
                            (OffsetDateTime[]) rs.getArray(4).getArray());
                    assertInstanceOf(Array.class, rs.getObject(1), "getObject gives java.sql.Array, as pgjdbc");
                    assertArrayEquals(new Integer[] {id, null, -id}, rs.getObject(1, Integer[].class));
                    assertEquals(Arrays.asList(id, null, -id), rs.getObject("i", List.class));
                    assertArrayEquals(new String[] {"a,b"}, (String[]) rs.getObject("t", Array.class).getArray(1, 1));
                    ResultSetMetaData md = rs.getMetaData();
                    assertEquals(Types.ARRAY, md.getColumnType(1));
                    assertEquals("_int4", md.getColumnTypeName(1));
                    assertEquals("_timestamptz", md.getColumnTypeName(4));
                    assertEquals("java.sql.Array", md.getColumnClassName(1));
                }
            }
        }
    }

    @Test
    void getResultSetHasIndexAndValueColumns() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ARRAY['x', NULL, 'z'], ARRAY[[1,2],[3,4]]")) {
            for (int round = 0; round < ROUNDS; round++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    try (ResultSet elements = rs.getArray(1).getResultSet()) {
                        assertEquals("INDEX", elements.getMetaData().getColumnName(1));
                        assertEquals("VALUE", elements.getMetaData().getColumnName(2));
                        assertEquals(Types.VARCHAR, elements.getMetaData().getColumnType(2));
                        assertTrue(elements.next());
                        assertEquals(1, elements.getInt("INDEX"));
                        assertEquals("x", elements.getString("VALUE"));
                        assertTrue(elements.next());
                        assertNull(elements.getString(2));
                        assertTrue(elements.wasNull());
                        assertTrue(elements.next());
                        assertEquals(3, elements.getInt(1));
                        assertEquals("z", elements.getObject(2));
                        assertFalse(elements.next());
                    }
                    try (ResultSet tail = rs.getArray(1).getResultSet(3, 1)) {
                        assertTrue(tail.next());
                        assertEquals(3, tail.getInt(1));
                        assertFalse(tail.next());
                    }
                    try (ResultSet rows = rs.getArray(2).getResultSet()) {
                        assertTrue(rows.next());
                        assertEquals("_int4", rows.getMetaData().getColumnTypeName(2));
                        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) rows.getArray(2).getArray());
                        assertTrue(rows.next());
                        assertEquals("{3,4}", rows.getString(2));
                    }
                }
            }
        }
    }

    @Test
    void setObjectTakesJavaAndPrimitiveArrays() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, 3 = ANY(?), cardinality(?), ?::int8[]")) {
            for (int round = 0; round < ROUNDS; round++) {
                ps.setObject(1, new int[] {1, 2, 3});
                ps.setObject(2, new Integer[] {3, null});
                ps.setObject(3, new String[][] {{"a", "b"}, {"c", "d"}});
                ps.setObject(4, new Object[] {1, 2L}, Types.ARRAY);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) rs.getArray(1).getArray());
                    assertArrayEquals(new int[] {1, 2, 3}, rs.getObject(1, int[].class));
                    assertTrue(rs.getBoolean(2));
                    assertEquals(4, rs.getInt(3));
                    assertArrayEquals(new Long[] {1L, 2L}, (Long[]) rs.getArray(4).getArray());
                }
            }
        }
    }

    @Test
    void emptyListAndUntypedArraysTakeTheTypeTheServerInfers() throws SQLException {
        execute("CREATE TEMP TABLE e (id int, tags int8[])");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO e VALUES (?, ?)")) {
            for (int id = 1; id <= ROUNDS; id++) {
                ps.setInt(1, id);
                ps.setObject(2, id == 1 ? List.of() : id == 2 ? new Object[] {null} : List.of(5));
                ps.executeUpdate();
            }
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT tags::text FROM e ORDER BY id")) {
            for (String expected : new String[] {"{}", "{NULL}", "{5}"}) {
                assertTrue(rs.next());
                assertEquals(expected, rs.getString(1));
            }
        }
    }

    @Test
    void multiDimensionalNullElementsAndEmptyArrays() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT ARRAY[[1,2],[3,4]], ARRAY[1,NULL,3], '{}'::int[], NULL::int[], '[0:1]={7,8}'::int[]")) {
            for (int round = 0; round < ROUNDS; round++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    Object square = rs.getArray(1).getArray();
                    assertInstanceOf(Integer[][].class, square);
                    assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, 4}}, (Integer[][]) square));
                    assertEquals("{{1,2},{3,4}}", rs.getString(1));
                    assertEquals(List.of(List.of(1, 2), List.of(3, 4)), rs.getObject(1, List.class));
                    assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) rs.getArray(2).getArray());
                    assertArrayEquals(new Integer[0], (Integer[]) rs.getArray(3).getArray());
                    assertEquals("{}", rs.getString(3));
                    assertNull(rs.getArray(4));
                    assertTrue(rs.wasNull());
                    assertNull(rs.getObject(4));
                    assertArrayEquals(new Integer[] {7, 8}, (Integer[]) rs.getArray(5).getArray());
                    assertEquals("[0:1]={7,8}", rs.getString(5));
                }
            }
        }
    }

    /** getString of a binary array (later rounds) is exactly the server's text (the first round). */
    @Test
    void getStringIsTheServersTextInBothFormats() throws SQLException {
        execute("SET TimeZone = 'UTC'");
        String[] values = {"ARRAY['a,b', 'with \"quote\"', E'back\\\\slash', '{brace}', ' lead', 'trail ', 'NULL', '',"
                + " 'ünï©ødé 日本', E'tab\\there', NULL]", "ARRAY['\\x0102'::bytea, ''::bytea]",
            "ARRAY[1.50, 'NaN', -0.001]::numeric[]", "ARRAY['{\"a\": [1, 2]}'::jsonb, 'null']",
            "ARRAY['{\"a\":  1}'::json]", "ARRAY[true, false, NULL]", "ARRAY[1.5, 1e100, 'Infinity', '-0']::float8[]",
            "ARRAY[1.5]::float4[]", "ARRAY['2024-01-02'::date, 'infinity']", "ARRAY['1 year 2 mons 3 days 04:05:06.7'::interval]",
            "ARRAY['2024-01-02 03:04:05.5'::timestamp]", "ARRAY['2024-01-02 03:04:05+02'::timestamptz]",
            "ARRAY['12:00'::time]", "ARRAY['12:00+05:30'::timetz]", "ARRAY['a'::char(3)]", "ARRAY['x'::\"char\"]",
            "ARRAY['a b'::name]", "ARRAY['v'::varchar]", "ARRAY[1, 4294967295]::oid[]", "ARRAY[1::int2]",
            "ARRAY[9223372036854775807]", "ARRAY['00000000-0000-0001-0000-000000000002'::uuid]",
            "'{{{1},{2}},{{3},{4}}}'::int[]", "'[1:1][-1:0]={{1,2}}'::int[]", "'{}'::text[]"};
        for (String value : values) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + value + ", (" + value + ")::text")) {
                for (int round = 0; round < ROUNDS; round++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(rs.getString(2), rs.getString(1), value + " round " + round);
                        assertTrue(rs.getArray(1).getArray().getClass().isArray(), value);
                    }
                }
            }
        }
    }

    @Test
    void batchesOfArrays() throws SQLException {
        execute("CREATE TEMP TABLE b (v text[])");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO b VALUES (?)")) {
            for (int i = 0; i < 5; i++) {
                ps.setArray(1, conn.createArrayOf("varchar", new Object[] {"n" + i, null}));
                ps.addBatch();
            }
            assertEquals(5, ps.executeBatch().length);
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM b WHERE v[1] LIKE 'n%'")) {
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void anotherDriversArrayIsBoundByItsBaseTypeName() throws SQLException {
        Array foreign = new ForeignArray("int8", new Long[] {5L, 6L});
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
            ps.setArray(1, foreign);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertArrayEquals(new Long[] {5L, 6L}, (Long[]) rs.getArray(1).getArray());
            }
            ps.setObject(1, foreign);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("{5,6}", rs.getString(1));
            }
        }
    }

    @Test
    void errorsAndFree() throws SQLException {
        SQLException unknown = assertThrows(SQLException.class, () -> conn.createArrayOf("no_such_type", new Object[0]));
        assertEquals("22023", unknown.getSQLState());
        assertTrue(unknown.getMessage().contains("no_such_type"), unknown.getMessage());
        assertEquals("22P02", assertThrows(SQLException.class,
                () -> conn.createArrayOf("int4", new Object[] {"x"})).getSQLState());
        assertEquals("2202E", assertThrows(SQLException.class,
                () -> conn.createArrayOf("int4", new Object[] {new int[] {1}, new int[] {1, 2}})).getSQLState());
        Array a = conn.createArrayOf("int4", new Object[] {new int[] {1, 2}, new int[] {3, 4}});
        assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, 4}}, (Integer[][]) a.getArray()));
        assertEquals("{{1,2},{3,4}}", a.toString());
        assertTrue(Arrays.deepEquals(new Integer[][] {{1, 2}, {3, 4}}, (Integer[][]) a.getArray(Map.of())));
        assertArrayEquals(new Integer[][] {{3, 4}}, (Integer[][]) a.getArray(2, 1));
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> a.getArray(Map.of("int4", String.class))).getSQLState());
        assertEquals("2202E", assertThrows(SQLException.class, () -> a.getArray(2, 2)).getSQLState());
        ((Integer[][]) a.getArray())[0][0] = 99;
        assertEquals(1, ((Integer[][]) a.getArray())[0][0], "getArray gives a copy");
        a.free();
        a.free();
        assertEquals("55000", assertThrows(SQLException.class, a::getArray).getSQLState());
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
            assertThrows(SQLException.class, () -> ps.setArray(1, a));
        }
    }

    @Test
    void asyncApiSendsJavaArraysAndRowsReadThem() throws Exception {
        AsyncConnection async = conn.unwrap(AsyncConnection.class);
        for (int round = 0; round < ROUNDS; round++) {
            Row row = async.fetchRow("SELECT $1, $2::int8[], cardinality($3::int[]), $4", (Object) new Integer[] {1, 2, 3},
                    List.of(4, 5), List.of(), new String[][] {{"a", null}}).get(30, TimeUnit.SECONDS);
            assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) row.get(0));
            assertEquals(List.of(1, 2, 3), row.get(0, List.class));
            assertArrayEquals(new int[] {1, 2, 3}, row.get(0, int[].class));
            assertArrayEquals(new Long[] {4L, 5L}, (Long[]) row.get(1));
            assertEquals(0, row.getInteger(2));
            assertTrue(Arrays.deepEquals(new String[][] {{"a", null}}, (String[][]) row.get(3)));
            assertEquals("{1,2,3}", row.getString(0));
        }
        assertArrayEquals(new Integer[] {1, 2, 3},
                (Integer[]) async.fetchVal("SELECT $1", (Object) new Integer[] {1, 2, 3}).get(30, TimeUnit.SECONDS));
    }

    /** A java.sql.Array from elsewhere: only the base type name and getArray() are used. */
    private record ForeignArray(String baseTypeName, Object array) implements Array {
        @Override public String getBaseTypeName() { return baseTypeName; }
        @Override public int getBaseType() { return Types.BIGINT; }
        @Override public Object getArray() { return array; }
        @Override public Object getArray(Map<String, Class<?>> map) { return array; }
        @Override public Object getArray(long index, int count) { throw new UnsupportedOperationException(); }
        @Override public Object getArray(long index, int count, Map<String, Class<?>> map) { throw new UnsupportedOperationException(); }
        @Override public ResultSet getResultSet() { throw new UnsupportedOperationException(); }
        @Override public ResultSet getResultSet(Map<String, Class<?>> map) { throw new UnsupportedOperationException(); }
        @Override public ResultSet getResultSet(long index, int count) { throw new UnsupportedOperationException(); }
        @Override public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) {
            throw new UnsupportedOperationException();
        }
        @Override public void free() { }
    }
}

package io.tusk.jdbc;

import io.tusk.AsyncConnection;
import io.tusk.Row;
import io.tusk.jdbc.JdbcResultSetMetaData.CatalogColumn;
import io.tusk.jdbc.JdbcResultSetMetaData.ColumnCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Reads what {@link JdbcResultSetMetaData} needs from the catalog (schema, table and column name,
 * NOT NULL, identity/serial) for many columns in one query, and remembers the answers per
 * connection, keyed by (table OID, attribute number), as pgjdbc does.
 *
 * <p>A {@code CatalogLookup} is a cheap handle: the answers live in one cache per connection, which
 * every handle for that connection shares. The caches are keyed weakly by the connection and hold
 * no reference to it, so a cache goes when its connection is collected. Remembered answers are not
 * invalidated by DDL on the same connection ({@code ALTER TABLE … SET NOT NULL}); {@link #invalidate()}
 * forgets them.
 *
 * <p>The query text never changes (the keys travel as two comma-separated text parameters), so it
 * is prepared once and takes one slot of the statement cache, whatever the columns.
 */
final class CatalogLookup implements ColumnCatalog {
    /** Enough for the columns of a few hundred tables; beyond it the least recently used go. */
    private static final int MAX_ENTRIES = 10_000;

    private static final Map<AsyncConnection, Map<Long, CatalogColumn>> CACHES =
            Collections.synchronizedMap(new WeakHashMap<>());

    // unnest of two arrays pairs them up element by element; WITH ORDINALITY numbers the pairs from 1.
    private static final String SQL = """
            SELECT v.ord::int4, n.nspname::text, c.relname::text, a.attname::text,
                   a.attnotnull OR (t.typtype = 'd' AND t.typnotnull),
                   a.attidentity <> ''
                       OR coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)
            FROM unnest(pg_catalog.string_to_array($1, ',')::pg_catalog.oid[],
                        pg_catalog.string_to_array($2, ',')::pg_catalog.int2[])
                     WITH ORDINALITY AS v(relid, attnum, ord)
            JOIN pg_catalog.pg_class c ON c.oid = v.relid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = v.attnum
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum""";

    private final AsyncConnection connection;

    CatalogLookup(AsyncConnection connection) {
        this.connection = connection;
    }

    /** The lookup for a JDBC connection of this driver. */
    static CatalogLookup of(Connection connection) throws SQLException {
        return new CatalogLookup(connection.unwrap(AsyncConnection.class));
    }

    /**
     * The catalog entries of the columns {@code (tableOids[i], attnums[i])}; null where the catalog has
     * none. Asks the server (once, for all of them) only about columns it has not seen before.
     */
    @Override
    public CatalogColumn[] lookup(int[] tableOids, short[] attnums) throws SQLException {
        Map<Long, CatalogColumn> cache = cache();
        CatalogColumn[] result = new CatalogColumn[tableOids.length];
        List<Long> missing = new ArrayList<>();
        synchronized (cache) {
            for (int i = 0; i < result.length; i++) {
                long key = key(tableOids[i], attnums[i]);
                result[i] = cache.get(key);
                if (result[i] == null && !missing.contains(key)) {
                    missing.add(key);
                }
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        Map<Long, CatalogColumn> found = fetch(missing);
        synchronized (cache) {
            cache.putAll(found);
        }
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null) {
                result[i] = found.get(key(tableOids[i], attnums[i]));
            }
        }
        return result;
    }

    /** Forgets every remembered column. */
    void invalidate() {
        Map<Long, CatalogColumn> cache = cache();
        synchronized (cache) {
            cache.clear();
        }
    }

    private Map<Long, CatalogColumn> cache() {
        return CACHES.computeIfAbsent(connection, k -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CatalogColumn> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }

    private Map<Long, CatalogColumn> fetch(List<Long> keys) throws SQLException {
        StringBuilder oids = new StringBuilder();
        StringBuilder attnums = new StringBuilder();
        for (long key : keys) {
            String separator = oids.length() == 0 ? "" : ",";
            oids.append(separator).append(key >>> 16);
            attnums.append(separator).append((short) key);
        }
        List<Row> rows = Await.result(connection.fetch(SQL, oids.toString(), attnums.toString()));
        Map<Long, CatalogColumn> found = new LinkedHashMap<>();
        for (Row row : rows) {
            long key = keys.get(row.getInteger(0) - 1);
            found.put(key, new CatalogColumn(row.getString(1), row.getString(2), row.getString(3),
                    row.getBoolean(4), row.getBoolean(5)));
        }
        return found;
    }

    /** The table OID (unsigned) in the high bits, the attribute number (signed) in the low 16. */
    private static long key(int tableOid, short attnum) {
        return (Integer.toUnsignedLong(tableOid) << 16) | (attnum & 0xFFFFL);
    }
}

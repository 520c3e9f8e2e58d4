package io.tusk.jdbc;

import io.tusk.AsyncConnection;
import io.tusk.Row;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OIDs of composite types by the name a caller wrote ({@code "address"}, {@code "public.address"},
 * a table's name for its row type), asked of the server once per name and connection and then
 * remembered, so that a Struct parameter is declared with its type and {@code SELECT ?} knows it.
 *
 * <p>The name is resolved as the server resolves a type name in SQL (search_path, quoting rules) by
 * {@code to_regtype}, which answers NULL for an unknown name rather than failing: a lookup does not
 * abort the caller's transaction. Remembered OIDs are forgotten when {@code setSchema} changes the
 * search path; a type dropped and created again under the same name, or a search_path set with SQL,
 * is not noticed (as with the statement cache's plans, a new connection starts afresh).
 */
final class CompositeTypes {
    private static final String UNDEFINED_OBJECT = "42704";
    private static final String WRONG_OBJECT_TYPE = "42809";

    private static final String SQL = """
            SELECT t.oid, t.typtype::text, pg_catalog.format_type(t.oid, NULL)
            FROM pg_catalog.pg_type t
            WHERE t.oid = pg_catalog.to_regtype($1)""";

    private final AsyncConnection connection;
    private final Map<String, Integer> oids = new ConcurrentHashMap<>();

    CompositeTypes(AsyncConnection connection) {
        this.connection = connection;
    }

    /**
     * The composite type's OID.
     *
     * @throws SQLSyntaxErrorException 42704 when no type has that name, 42809 when the type is not composite
     */
    int oid(String typeName) throws SQLException {
        Integer known = oids.get(typeName);
        if (known != null) {
            return known;
        }
        Row row = Await.result(connection.fetchRow(SQL, typeName));
        if (row == null) {
            throw new SQLSyntaxErrorException("type \"" + typeName + "\" does not exist (expected: the name of a"
                    + " composite type or table, as SQL would write it, schema-qualified where search_path does not"
                    + " find it)", UNDEFINED_OBJECT);
        }
        if (!"c".equals(row.getString(1))) {
            throw new SQLSyntaxErrorException("type \"" + row.getString(2) + "\" is not a composite type (expected: a"
                    + " type made by CREATE TYPE … AS (…), or a table's row type)", WRONG_OBJECT_TYPE);
        }
        int oid = row.getLong(0).intValue(); // OIDs are unsigned; the protocol's int carries them as they are
        oids.put(typeName, oid);
        return oid;
    }

    /** Forgets every remembered OID (the search path changed, so names may resolve to other types). */
    void invalidate() {
        oids.clear();
    }
}

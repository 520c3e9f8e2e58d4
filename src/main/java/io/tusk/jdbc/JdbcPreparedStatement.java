package io.tusk.jdbc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.session.CachedStatement;
import io.tusk.internal.session.Parameters;
import io.tusk.internal.sql.ParsedSql;
import io.tusk.internal.sql.ParsedStatement;
import io.tusk.internal.sql.SqlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * {@link PreparedStatement}: the SQL is parsed once ({@code ?} to {@code $n}, JDBC escapes), and
 * each execution goes through the connection's statement cache, so from the second run on it is
 * one Bind/Execute round trip with binary values both ways.
 */
public class JdbcPreparedStatement extends JdbcStatement implements PreparedStatement {
    /** A timestamp with its offset, read by the server as timestamp or timestamptz as the column needs. */
    private static final DateTimeFormatter TIMESTAMP_WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    final String sql;
    final ParsedSql parsed;
    final ParameterValues values;
    private final GeneratedKeys keys;
    private List<ParameterValues> batchRows;

    JdbcPreparedStatement(JdbcConnection connection, String sql, ResultSetOptions options, GeneratedKeys keys)
            throws SQLException {
        super(connection, options);
        this.sql = sql;
        this.parsed = SqlParser.parse(sql, true, true, connection.callMode());
        this.values = new ParameterValues(parsed.parameterCount());
        this.keys = keys;
    }

    // ---- execution

    @Override
    public ResultSet executeQuery() throws SQLException {
        execute();
        return singleResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        long n = executeLargeUpdate();
        return n > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) n;
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        execute();
        return updateCountOrThrow();
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        run(parsed, valuesToSend(), keys, true);
        return getResultSet() != null;
    }

    /** The values an execution binds: the ones set (a CallableStatement adds its OUT parameters). */
    ParameterValues valuesToSend() throws SQLException {
        return values;
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        if (batchRows == null) {
            batchRows = new ArrayList<>();
        }
        batchRows.add(values.copy());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchRows = null;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        clearResults();
        List<ParameterValues> rows = batchRows == null ? List.of() : batchRows;
        batchRows = null;
        if (rows.isEmpty()) {
            return new long[0];
        }
        if (parsed.statements().size() != 1) {
            throw new SQLException("a batch needs exactly one statement (this SQL has " + parsed.statements().size()
                    + ")", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        ParsedStatement statement = parsed.statements().get(0);
        String text = keys.appliesTo(statement) ? keys.rewrite(statement) : statement.sql();
        List<Parameters> encoded = new ArrayList<>(rows.size());
        for (ParameterValues row : rows) {
            encoded.add(row.encode(statement.parameterIndexes(), session().registry()));
        }
        return runBatch(() -> session().executeBatch(text, encoded), rows.size(), keys,
                keys.captures(statement) || statement.hasReturning());
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) counts[i];
        }
        return out;
    }

    /** Prepares the (single) statement to learn its parameter and result types, without running it. */
    private CachedStatement describe() throws SQLException {
        checkOpen();
        if (parsed.statements().size() != 1) {
            throw new SQLException("metadata needs exactly one statement (this SQL has " + parsed.statements().size()
                    + ")", SqlStates.FEATURE_NOT_SUPPORTED);
        }
        ParsedStatement s = parsed.statements().get(0);
        int[] all = values.types();
        int[] types = new int[s.parameterIndexes().length];
        for (int i = 0; i < types.length; i++) {
            types[i] = all[s.parameterIndexes()[i]];
        }
        CachedStatement prepared = Await.result(session().prepare(s.sql(), types));
        session().closeLater(prepared);
        return prepared;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSet rs = getResultSet();
        if (rs != null) {
            return rs.getMetaData();
        }
        CachedStatement prepared = describe();
        return prepared.descriptor().size() == 0 ? null
                : new JdbcResultSetMetaData(prepared.descriptor(), new CatalogLookup(connection.async()));
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return new JdbcParameterMetaData(describe().parameterTypes(), session().registry());
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        values.clear();
    }

    // ---- setters

    void bind(int index, Object value, int oid) throws SQLException {
        checkOpen();
        values.set(index, value, oid);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        bind(index, null, JdbcTypes.oidForSqlType(sqlType));
    }

    /** {@code Types.STRUCT} with a type name declares the NULL of that composite type. */
    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        if (sqlType == Types.STRUCT && typeName != null) {
            checkOpen();
            bind(index, null, connection.compositeTypeOid(typeName));
            return;
        }
        Codec named = typeName == null ? null : session().registry().forName(typeName);
        bind(index, null, named != null ? named.oid() : JdbcTypes.oidForSqlType(sqlType));
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        bind(index, x, Oids.BOOL);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        bind(index, (short) x, Oids.INT2);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        bind(index, x, Oids.INT2);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        bind(index, x, Oids.INT4);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        bind(index, x, Oids.INT8);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        bind(index, x, Oids.FLOAT4);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        bind(index, x, Oids.FLOAT8);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        bind(index, x, Oids.NUMERIC);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        bind(index, x, 0);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        setString(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        bind(index, x, Oids.BYTEA);
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        bind(index, x == null ? null : x.toLocalDate(), Oids.DATE);
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        bind(index, x == null ? null : cal == null ? x.toLocalDate()
                : Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate(), Oids.DATE);
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        bind(index, x == null ? null : x.toLocalTime(), Oids.TIME);
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        bind(index, x == null ? null : cal == null ? x.toLocalTime()
                : Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime(), Oids.TIME);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        setTimestamp(index, x, null);
    }

    /**
     * Sent as text with the offset of the JVM's zone (or the calendar's), typed "unspecified": the
     * server reads it as a timestamp with time zone or, for a column without one, drops the offset,
     * so the same call is right for both column types (what pgjdbc does).
     */
    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        if (x == null) {
            bind(index, null, 0);
            return;
        }
        ZoneId zone = cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
        ZonedDateTime at = cal == null ? x.toLocalDateTime().atZone(zone) : x.toInstant().atZone(zone);
        int nanos = at.getNano();
        at = at.withNano(nanos / 1000 * 1000).plusNanos(nanos % 1000 >= 500 ? 1000 : 0); // round as the server does
        bind(index, TIMESTAMP_WITH_OFFSET.format(at), 0);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        setAsciiStream(index, x, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        bind(index, x == null ? null : new String(read(x, length), StandardCharsets.US_ASCII), 0);
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        setAsciiStream(index, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
        bind(index, x == null ? null : new String(read(x, length), StandardCharsets.UTF_8), 0);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        setBinaryStream(index, x, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        bind(index, x == null ? null : read(x, length), Oids.BYTEA);
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        setBinaryStream(index, x, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        setCharacterStream(index, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        bind(index, reader == null ? null : read(reader, length), 0);
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        setCharacterStream(index, value);
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        bind(index, x == null ? null : x.getBytes(1, (int) x.length()), Oids.BYTEA);
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(index, inputStream, length);
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        setBinaryStream(index, inputStream);
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        bind(index, x == null ? null : x.getSubString(1, (int) x.length()), 0);
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader);
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        setClob(index, value);
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader);
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        bind(index, x == null ? null : x.toString(), 0);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        if (x == null) {
            bind(index, null, 0);
        } else if (x instanceof String s) {
            setString(index, s);
        } else if (x instanceof Timestamp t) {
            setTimestamp(index, t);
        } else if (x instanceof Date d) {
            setDate(index, d);
        } else if (x instanceof Time t) {
            setTime(index, t);
        } else if (x instanceof java.util.Date d) {
            setTimestamp(index, new Timestamp(d.getTime()));
        } else if (x instanceof Character c) {
            setString(index, c.toString());
        } else if (x instanceof Byte b) {
            setByte(index, b);
        } else if (x instanceof InputStream in) {
            setBinaryStream(index, in);
        } else if (x instanceof Reader r) {
            setCharacterStream(index, r);
        } else if (x instanceof Blob b) {
            setBlob(index, b);
        } else if (x instanceof Clob c) {
            setClob(index, c);
        } else if (x instanceof Array a) {
            setArray(index, a);
        } else if (x instanceof Struct st) {
            setStruct(index, st);
        } else {
            Codec codec = session().registry().forJavaValue(x);
            if (codec == null) {
                throw new SQLException("Can't infer the SQL type to use for an instance of " + x.getClass().getName()
                        + ". Use setObject() with an explicit Types value to specify the type to use.", "07006");
            }
            bind(index, x, codec.oid());
        }
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            setNull(index, targetSqlType);
            return;
        }
        int oid = JdbcTypes.oidForSqlType(targetSqlType);
        if (oid == 0 || x instanceof java.util.Date || x instanceof InputStream || x instanceof Reader) {
            setObject(index, x); // the value's own type, or text the server interprets
        } else {
            bind(index, coerce(x, targetSqlType), oid);
        }
    }

    /** Numbers and booleans converted to what the target type's codec takes; other values go as text. */
    private static Object coerce(Object x, int sqlType) {
        if (x instanceof Boolean b && isNumeric(sqlType)) {
            return b ? 1 : 0;
        }
        if (x instanceof Number n) {
            return switch (sqlType) {
                case Types.TINYINT, Types.SMALLINT -> n.shortValue();
                case Types.INTEGER -> n.intValue();
                case Types.BIGINT -> n.longValue();
                case Types.REAL -> n.floatValue();
                case Types.FLOAT, Types.DOUBLE -> n.doubleValue();
                case Types.NUMERIC, Types.DECIMAL -> n instanceof BigDecimal d ? d
                        : n instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(n.toString());
                case Types.BIT, Types.BOOLEAN -> n.doubleValue() != 0;
                default -> n;
            };
        }
        return x;
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (x instanceof BigDecimal d && (targetSqlType == Types.NUMERIC || targetSqlType == Types.DECIMAL)) {
            bind(index, d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP), Oids.NUMERIC);
            return;
        }
        setObject(index, x, targetSqlType);
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        setObject(index, x, sqlTypeNumber(targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, sqlTypeNumber(targetSqlType), scaleOrLength);
    }

    private static int sqlTypeNumber(SQLType type) throws SQLException {
        if (type == null || type.getVendorTypeNumber() == null) {
            throw new SQLException("SQL type: " + type + " (expected: a java.sql.JDBCType)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        return type.getVendorTypeNumber();
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        if (x == null) {
            bind(index, null, JdbcTypes.UNSPECIFIED);
            return;
        }
        JdbcArray array = JdbcArray.from(x, session().registry());
        bind(index, array.value(), array.codec().oid());
    }

    /**
     * Sent as the composite's text ({@code (1,"a b",)}) typed with the composite's OID, which the
     * connection looks up once per type name, so the server knows the type even where the statement
     * does not tell it ({@code SELECT ?}).
     */
    private void setStruct(int index, Struct x) throws SQLException {
        checkOpen();
        JdbcStruct struct = JdbcStruct.from(x, session().registry());
        bind(index, struct.text(), connection.compositeTypeOid(struct.getSQLTypeName()));
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        throw notSupported("setRef");
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        throw notSupported("setRowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML xmlObject) throws SQLException {
        throw notSupported("setSQLXML");
    }

    // ---- the Statement methods that take SQL do not apply

    private static SQLException sqlNotAllowed() {
        return new SQLException("Can't use query methods that take a query string on a PreparedStatement.", "42809");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw sqlNotAllowed();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw sqlNotAllowed();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw sqlNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw sqlNotAllowed();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw sqlNotAllowed();
    }

    // ---- helpers

    private static byte[] read(InputStream in, long length) throws SQLException {
        try {
            byte[] all = length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE, length));
            if (length >= 0 && all.length < length) {
                throw new SQLException("stream: " + all.length + " bytes (expected: " + length + ")",
                        SqlStates.INVALID_PARAMETER_VALUE);
            }
            return all;
        } catch (IOException e) {
            throw new SQLException("reading the stream failed: " + e.getMessage(), "58030", e);
        }
    }

    private static String read(Reader reader, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = reader.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                sb.append(buf, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("reading the stream failed: " + e.getMessage(), "58030", e);
        }
    }
}

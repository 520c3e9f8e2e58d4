package io.tusk.jdbc;

import io.tusk.internal.codec.Oids;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.sql.ParsedStatement;
import io.tusk.internal.sql.StatementKind;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link CallableStatement} for {@code {call f(?)}}, {@code {? = call f(?)}} and plain SQL such as
 * {@code CALL proc(?, ?)}. The escapes are rewritten as the connection's {@code escapeSyntaxCallMode}
 * says: {@code SELECT * FROM f(...) AS result} for functions (the default, as in pgjdbc) or
 * {@code CALL p(...)} for procedures (docs/jdbc.md, "CallableStatement").
 *
 * <pre>{@code
 * // CREATE FUNCTION divmod(a int, b int, OUT q int, OUT r int) ...
 * try (CallableStatement cs = conn.prepareCall("{call divmod(?, ?, ?, ?)}")) {
 *     cs.setInt(1, 17);
 *     cs.setInt(2, 5);
 *     cs.registerOutParameter(3, Types.INTEGER);
 *     cs.registerOutParameter(4, Types.INTEGER);
 *     cs.execute();
 *     int q = cs.getInt(3), r = cs.getInt(4);   // 3, 2
 * }
 * }</pre>
 *
 * <p>A parameter that is registered and not set is OUT only. In a function call it is bound as a
 * NULL of type {@code void}: PostgreSQL's parser drops void parameters from a function's
 * arguments (parse_func.c keeps this for JDBC drivers, so that they need not tell IN from OUT
 * markers), so {@code divmod(?, ?, ?, ?)} finds {@code divmod(int, int)}. In a {@code CALL} a
 * procedure's OUT arguments are part of the call, and PostgreSQL 12 drops void there too, so it is
 * bound as a NULL of unspecified type, which matches the procedure's own argument type on every
 * version. A parameter that is registered and set is INOUT and sent as its value.
 *
 * <p>The OUT values are the row the call returns: the k-th registered OUT parameter is the k-th
 * column, so the call must return exactly one column per registered parameter (SQLSTATE 07001
 * otherwise) and at least one row (02000). That row is not a result of its own: after
 * {@code execute()} returns false, {@code getUpdateCount()} gives the call's count. Parameters are
 * addressed by index; names are not supported (0A000).
 *
 * <p>Most of this class's length is the interface's name-based overloads, each of which refuses.
 */
public final class JdbcCallableStatement extends JdbcPreparedStatement implements CallableStatement {
    /** Registered OUT parameters, by JDBC index, with their SQL type. */
    private final TreeMap<Integer, Integer> outParameters = new TreeMap<>();
    private ResultSet outRow;
    private int lastIndex;

    JdbcCallableStatement(JdbcConnection connection, String sql, ResultSetOptions options) throws SQLException {
        super(connection, sql, options, GeneratedKeys.NONE);
    }

    @Override
    public void registerOutParameter(int index, int sqlType) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.count()) {
            throw new SQLException("The column index is out of range: " + index + ", number of columns: "
                    + values.count() + ".", SqlStates.INVALID_PARAMETER_VALUE);
        }
        outParameters.put(index, sqlType);
    }

    @Override
    public void registerOutParameter(int index, int sqlType, int scale) throws SQLException {
        registerOutParameter(index, sqlType);
    }

    @Override
    public void registerOutParameter(int index, int sqlType, String typeName) throws SQLException {
        registerOutParameter(index, sqlType);
    }

    /** The values set, plus a NULL for every OUT-only parameter, typed as the class comment explains. */
    @Override
    ParameterValues valuesToSend() throws SQLException {
        if (outParameters.isEmpty()) {
            return values;
        }
        ParameterValues sent = values.copy();
        for (ParsedStatement statement : parsed.statements()) {
            int type = statement.kind() == StatementKind.CALL ? JdbcTypes.UNSPECIFIED : Oids.VOID;
            for (int i = 0; i < statement.parameterCount(); i++) {
                int index = statement.parameterIndex(i) + 1;
                if (outParameters.containsKey(index) && !values.isSet(index)) {
                    sent.set(index, null, type);
                }
            }
        }
        return sent;
    }

    @Override
    public boolean execute() throws SQLException {
        outRow = null;
        boolean hasRows = super.execute();
        if (outParameters.isEmpty()) {
            return hasRows;
        }
        if (!hasRows) {
            throw new SQLException("the call returned no row for its OUT parameters", "02000");
        }
        ResultSet row = takeResultSet();
        int columns = row.getMetaData().getColumnCount();
        if (columns != outParameters.size()) {
            throw new SQLException("OUT parameters registered: " + outParameters.size() + " (expected: "
                    + columns + ", one per column the call returned)", "07001");
        }
        if (!row.next()) {
            throw new SQLException("the call returned no row for its OUT parameters", "02000");
        }
        outRow = row;
        return false;
    }

    private ResultSet out(int index) throws SQLException {
        checkOpen();
        if (outRow == null) {
            throw new SQLException("no OUT parameter values: the statement has not been executed, or registered none",
                    "24000");
        }
        lastIndex = index;
        return outRow;
    }

    /** The result column of OUT parameter {@code index}. */
    private int column(int index) throws SQLException {
        if (!outParameters.containsKey(index)) {
            throw new SQLException("parameter " + index + " was not registered as an OUT parameter", "07009");
        }
        return outParameters.headMap(index).size() + 1;
    }

    @Override
    public boolean wasNull() throws SQLException {
        return out(lastIndex).wasNull();
    }

    private static SQLFeatureNotSupportedException namedParameters() {
        return new SQLFeatureNotSupportedException("named parameters are not supported; use parameter indexes",
                SqlStates.FEATURE_NOT_SUPPORTED);
    }

    @Override
    public String getString(int index) throws SQLException {
        return out(index).getString(column(index));
    }

    @Override
    public String getString(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return out(index).getBoolean(column(index));
    }

    @Override
    public boolean getBoolean(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return out(index).getByte(column(index));
    }

    @Override
    public byte getByte(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public short getShort(int index) throws SQLException {
        return out(index).getShort(column(index));
    }

    @Override
    public short getShort(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public int getInt(int index) throws SQLException {
        return out(index).getInt(column(index));
    }

    @Override
    public int getInt(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public long getLong(int index) throws SQLException {
        return out(index).getLong(column(index));
    }

    @Override
    public long getLong(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return out(index).getFloat(column(index));
    }

    @Override
    public float getFloat(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public double getDouble(int index) throws SQLException {
        return out(index).getDouble(column(index));
    }

    @Override
    public double getDouble(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        return out(index).getBytes(column(index));
    }

    @Override
    public byte[] getBytes(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return out(index).getDate(column(index));
    }

    @Override
    public Date getDate(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return out(index).getTime(column(index));
    }

    @Override
    public Time getTime(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return out(index).getTimestamp(column(index));
    }

    @Override
    public Timestamp getTimestamp(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Object getObject(int index) throws SQLException {
        return out(index).getObject(column(index));
    }

    @Override
    public Object getObject(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        return out(index).getBigDecimal(column(index));
    }

    @Override
    public BigDecimal getBigDecimal(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Ref getRef(int index) throws SQLException {
        return out(index).getRef(column(index));
    }

    @Override
    public Ref getRef(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        return out(index).getBlob(column(index));
    }

    @Override
    public Blob getBlob(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        return out(index).getClob(column(index));
    }

    @Override
    public Clob getClob(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Array getArray(int index) throws SQLException {
        return out(index).getArray(column(index));
    }

    @Override
    public Array getArray(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public URL getURL(int index) throws SQLException {
        return out(index).getURL(column(index));
    }

    @Override
    public URL getURL(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public RowId getRowId(int index) throws SQLException {
        return out(index).getRowId(column(index));
    }

    @Override
    public RowId getRowId(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        return out(index).getNClob(column(index));
    }

    @Override
    public NClob getNClob(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public SQLXML getSQLXML(int index) throws SQLException {
        return out(index).getSQLXML(column(index));
    }

    @Override
    public SQLXML getSQLXML(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public String getNString(int index) throws SQLException {
        return out(index).getNString(column(index));
    }

    @Override
    public String getNString(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return out(index).getNCharacterStream(column(index));
    }

    @Override
    public Reader getNCharacterStream(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        return out(index).getCharacterStream(column(index));
    }

    @Override
    public Reader getCharacterStream(String name) throws SQLException {
        throw namedParameters();
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
        return out(index).getBigDecimal(column(index), scale);
    }

    @Override
    public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
        return out(index).getObject(column(index), map);
    }

    @Override
    public Object getObject(String name, Map<String, Class<?>> map) throws SQLException {
        throw namedParameters();
    }

    @Override
    public <T> T getObject(int index, Class<T> type) throws SQLException {
        return out(index).getObject(column(index), type);
    }

    @Override
    public <T> T getObject(String name, Class<T> type) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Date getDate(int index, Calendar cal) throws SQLException {
        return out(index).getDate(column(index), cal);
    }

    @Override
    public Date getDate(String name, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Time getTime(int index, Calendar cal) throws SQLException {
        return out(index).getTime(column(index), cal);
    }

    @Override
    public Time getTime(String name, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar cal) throws SQLException {
        return out(index).getTimestamp(column(index), cal);
    }

    @Override
    public Timestamp getTimestamp(String name, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String name, int sqlType) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String name, int sqlType, int scale) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String name, int sqlType, String typeName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setURL(String name, URL val) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNull(String name, int sqlType) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBoolean(String name, boolean x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setByte(String name, byte x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setShort(String name, short x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setInt(String name, int x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setLong(String name, long x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setFloat(String name, float x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDouble(String name, double x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBigDecimal(String name, BigDecimal x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setString(String name, String x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBytes(String name, byte[] x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDate(String name, Date x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTime(String name, Time x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTimestamp(String name, Timestamp x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setAsciiStream(String name, InputStream x, int length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String name, InputStream x, int length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String name, Object x, int targetSqlType, int scale) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String name, Object x, int targetSqlType) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String name, Object x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String name, Reader reader, int length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDate(String name, Date x, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTime(String name, Time x, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTimestamp(String name, Timestamp x, Calendar cal) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNull(String name, int sqlType, String typeName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setRowId(String name, RowId x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNString(String name, String value) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNCharacterStream(String name, Reader value, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String name, NClob value) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String name, Reader reader, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String name, InputStream inputStream, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String name, Reader reader, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setSQLXML(String name, SQLXML xmlObject) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setAsciiStream(String name, InputStream x, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String name, InputStream x, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String name, Reader reader, long length) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setAsciiStream(String name, InputStream x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String name, InputStream x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String name, Reader reader) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNCharacterStream(String name, Reader value) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String name, Reader reader) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String name, InputStream inputStream) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String name, Reader reader) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String name, Blob x) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String name, Clob x) throws SQLException {
        throw namedParameters();
    }
}

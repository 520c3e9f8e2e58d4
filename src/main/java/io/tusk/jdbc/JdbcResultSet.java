package io.tusk.jdbc;

import io.tusk.internal.row.Column;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.array.ArrayCodec;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.row.RowData;
import io.tusk.internal.session.RowDescriptor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

/**
 * A result held in memory as the rows arrived (one byte array per row, see {@link RowData}); each
 * getter checks the cursor and the column, then asks the column's codec for exactly the Java type it
 * returns. All conversion rules live in the codecs ({@code io.tusk.internal.codec}); the only
 * conversions here are JDBC's own: java.time values to {@code java.sql.Date/Time/Timestamp} (in
 * {@link JdbcTemporals}) and the JDBC default (0, false, null) for SQL NULL.
 *
 * <p>Forward-only unless created {@code TYPE_SCROLL_INSENSITIVE}; always read-only: every updater
 * throws {@link SQLFeatureNotSupportedException}.
 *
 * <p>The class is over 700 lines because {@code java.sql.ResultSet} has some 190 methods; almost all
 * are one or two lines.
 */
public final class JdbcResultSet implements ResultSet {
    private static final String INVALID_CURSOR_STATE = "24000";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String INVALID_TEXT_REPRESENTATION = "22P02";

    private final Statement owner;
    private final RowDescriptor descriptor;
    private final Codec[] codecs;
    private final boolean[] binary;
    private final int type;
    private final int holdability;
    private final Runnable onClose;
    private List<RowData> rows;
    /** Index into {@link #rows}: -1 before the first row, {@code rows.size()} after the last. */
    private int position = -1;
    /** The row under the cursor and its bytes; null when the cursor is not on a row. */
    private RowData current;
    private byte[] data;
    /** Where the value the last {@link #value} call checked lies in {@link #data}, and its format (binary?). */
    private int offset;
    private int length;
    private boolean format;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;
    private int fetchDirection = FETCH_FORWARD;
    private SQLWarning warnings;
    private JdbcResultSetMetaData metaData;

    /**
     * @param owner       the statement, or null for results the driver builds (metadata)
     * @param concurrency ignored: the result is always {@code CONCUR_READ_ONLY}
     * @param onClose     run once when the result set closes, or null
     */
    JdbcResultSet(Statement owner, RowDescriptor descriptor, List<RowData> rows, int resultSetType, int concurrency,
            int holdability, int fetchSize, Runnable onClose) {
        this.owner = owner;
        this.descriptor = descriptor;
        this.rows = rows;
        this.type = resultSetType;
        this.holdability = holdability;
        this.fetchSize = fetchSize;
        this.onClose = onClose;
        this.codecs = new Codec[descriptor.size()];
        this.binary = new boolean[descriptor.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = descriptor.codec(i);
            binary[i] = descriptor.binary(i);
        }
    }

    /** A result with no columns and no rows (getGeneratedKeys when nothing was generated). */
    static JdbcResultSet empty(Statement owner) {
        RowDescriptor none = new RowDescriptor(new Column[0], null);
        return new JdbcResultSet(owner, none, List.of(), TYPE_FORWARD_ONLY, CONCUR_READ_ONLY,
                CLOSE_CURSORS_AT_COMMIT, 0, null);
    }

    /**
     * A result built by the driver from text values (catalog results): column {@code i} has type
     * {@code typeOids[i]} (a built-in type), a null array element is SQL NULL. Scrollable, no owning statement.
     */
    static JdbcResultSet ofText(String[] columnNames, int[] typeOids, List<String[]> values) throws SQLException {
        Column[] fields = new Column[columnNames.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Column(columnNames[i], 0, (short) 0, typeOids[i], (short) -1, -1,
                    (short) 0);
        }
        RowDescriptor descriptor = new RowDescriptor(fields, CodecRegistry.builtin());
        List<RowData> rows = new ArrayList<>(values.size());
        for (String[] row : values) {
            rows.add(textRow(row));
        }
        return new JdbcResultSet(null, descriptor, rows, TYPE_SCROLL_INSENSITIVE, CONCUR_READ_ONLY,
                HOLD_CURSORS_OVER_COMMIT, 0, null);
    }

    private static RowData textRow(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return RowData.of(bytes);
    }

    /** Adds a warning (a notice that arrived while the rows were read) to {@link #getWarnings()}. */
    void addWarning(SQLWarning warning) {
        if (warnings == null) {
            warnings = warning;
        } else {
            warnings.setNextWarning(warning);
        }
    }

    // ---- cursor -------------------------------------------------------------------------------

    @Override public boolean next() throws SQLException { checkOpen(); return moveTo(position + 1); }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable("previous");
        return moveTo(position - 1);
    }

    @Override public boolean first() throws SQLException { checkScrollable("first"); return moveTo(0); }
    @Override public boolean last() throws SQLException { checkScrollable("last"); return moveTo(rows.size() - 1); }
    @Override public void beforeFirst() throws SQLException { checkScrollable("beforeFirst"); moveTo(-1); }
    @Override public void afterLast() throws SQLException { checkScrollable("afterLast"); moveTo(rows.size()); }

    /** Row 1 is the first, -1 the last; 0 and any row beyond the ends leave the cursor outside the rows. */
    @Override
    public boolean absolute(int row) throws SQLException {
        checkScrollable("absolute");
        return moveTo(row > 0 ? row - 1 : row < 0 ? rows.size() + row : -1);
    }

    @Override
    public boolean relative(int offset) throws SQLException {
        checkScrollable("relative");
        return moveTo((int) Math.max(-1, Math.min((long) position + offset, rows.size())));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return position < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return position >= rows.size() && !rows.isEmpty();
    }

    @Override public boolean isFirst() throws SQLException { checkOpen(); return position == 0 && !rows.isEmpty(); }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return position == rows.size() - 1 && !rows.isEmpty();
    }

    @Override public int getRow() throws SQLException { checkOpen(); return current == null ? 0 : position + 1; }

    /** Positions on {@code index}, clamped to the before-first and after-last positions. */
    private boolean moveTo(int index) {
        position = Math.max(-1, Math.min(index, rows.size()));
        current = position >= 0 && position < rows.size() ? rows.get(position) : null;
        data = current == null ? null : current.array();
        return current != null;
    }

    // ---- getters: check, then one codec call ----------------------------------------------------

    @Override public boolean wasNull() throws SQLException { checkOpen(); return wasNull; }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        if (codec == null) {
            return null;
        }
        String value = codec.decodeString(data, offset, length, format, descriptor.settings());
        int max = maxFieldSize();
        return max > 0 && value.length() > max && isCharacter(codec) ? value.substring(0, max) : value;
    }

    /** Statement.setMaxFieldSize: JDBC cuts character and binary values, silently. */
    private int maxFieldSize() {
        return owner instanceof JdbcStatement s ? s.maxFieldSize() : 0;
    }

    private static boolean isCharacter(Codec codec) {
        int type = JdbcTypes.sqlType(codec.oid());
        return type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR || type == java.sql.Types.LONGVARCHAR;
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec != null && codec.decodeBoolean(data, offset, length, format);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeByte(data, offset, length, format);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeShort(data, offset, length, format);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeInt(data, offset, length, format);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeLong(data, offset, length, format);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeFloat(data, offset, length, format);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? 0 : codec.decodeDouble(data, offset, length, format);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? null : codec.decodeBigDecimal(data, offset, length, format);
    }

    /** @deprecated by JDBC; the value is rounded half-up to {@code scale} digits. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        if (codec == null) {
            return null;
        }
        byte[] value = codec.decodeBytes(data, offset, length, format);
        int max = maxFieldSize();
        boolean binaryType = JdbcTypes.sqlType(codec.oid()) == java.sql.Types.BINARY;
        return max > 0 && value.length > max && binaryType ? java.util.Arrays.copyOf(value, max) : value;
    }

    @Override public Date getDate(int columnIndex) throws SQLException { return getDate(columnIndex, null); }

    /** A date, or the date on which a timestamp falls in the calendar's zone (null: the JVM's). */
    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? null : codec.javaType() == OffsetDateTime.class
                ? JdbcTemporals.date(codec.decodeOffsetDateTime(data, offset, length, format), cal)
                : JdbcTemporals.date(codec.decodeLocalDate(data, offset, length, format), cal);
    }

    @Override public Time getTime(int columnIndex) throws SQLException { return getTime(columnIndex, null); }

    /** A time of day on 1970-01-01: timetz at its own offset, others in the calendar's zone. */
    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? null : codec.javaType() == OffsetTime.class
                ? JdbcTemporals.time(codec.decodeOffsetTime(data, offset, length, format))
                : codec.javaType() == OffsetDateTime.class
                ? JdbcTemporals.time(codec.decodeOffsetDateTime(data, offset, length, format), cal)
                : JdbcTemporals.time(codec.decodeLocalTime(data, offset, length, format), cal);
    }

    @Override public Timestamp getTimestamp(int columnIndex) throws SQLException { return getTimestamp(columnIndex, null); }

    /**
     * timestamptz as its instant; timestamp (and date) as wall-clock time in the calendar's zone (null:
     * the JVM's); infinity as pgjdbc's {@link JdbcTemporals#POSITIVE_INFINITY} milliseconds.
     */
    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? null : codec.javaType() == OffsetDateTime.class
                ? JdbcTemporals.timestamp(codec.decodeOffsetDateTime(data, offset, length, format))
                : JdbcTemporals.timestamp(codec.decodeLocalDateTime(data, offset, length, format), cal);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** @deprecated by JDBC; two-byte big-endian characters, as the JDBC specification says. */
    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override public String getNString(int columnIndex) throws SQLException { return getString(columnIndex); }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : new URL(s);
        } catch (MalformedURLException e) {
            throw new SQLDataException("invalid URL: \"" + s + "\" (" + e.getMessage() + ")", INVALID_TEXT_REPRESENTATION,
                    e);
        }
    }

    /**
     * The column type's natural Java class as JDBC maps it: {@code java.sql.Timestamp} for timestamp and
     * timestamptz, {@code java.sql.Date} for date, {@code java.sql.Time} for time and timetz, Integer for
     * smallint, {@link java.sql.Array} for arrays (as pgjdbc); use {@link #getObject(int, Class)} for
     * the java.time types and Java arrays ({@code Integer[].class}, {@code List.class}).
     */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        return codec == null ? null : codec instanceof ArrayCodec ? getArray(columnIndex)
                : jdbcValue(codec.decodeObject(data, offset, length, format));
    }

    /**
     * The value as {@code type}: what the codec converts to (boxed primitives, String, BigDecimal,
     * BigInteger, byte[], UUID, java.time, Interval), and the {@code java.sql} date/time classes,
     * {@code java.util.Date} and {@code Calendar}.
     */
    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        Codec codec = value(columnIndex);
        if (type == null) {
            throw new SQLException("type: null (expected: a class)", SqlStates.INVALID_PARAMETER_VALUE);
        } else if (codec == null) {
            return null;
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return type.cast(getTimestamp(columnIndex));
        } else if (type == Date.class) {
            return type.cast(getDate(columnIndex));
        } else if (type == Time.class) {
            return type.cast(getTime(columnIndex));
        } else if (type == Calendar.class || type == GregorianCalendar.class) {
            return type.cast(calendarOf(getTimestamp(columnIndex)));
        } else if (type == Array.class) {
            return type.cast(getArray(columnIndex));
        } else if (type.getPackageName().equals("java.sql")) {
            throw notSupported("getObject(" + columnIndex + ", " + type.getName() + ")");
        }
        return codec.decode(type, data, offset, length, format);
    }

    /** Type maps are for user-defined SQL types, which are not supported; an empty map is the default. */
    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw notSupported("getObject with a type map");
        }
        return getObject(columnIndex);
    }

    /** Array columns of the types with a codec; other arrays (inet[] …) are read with getString for now. */
    @Override
    public Array getArray(int columnIndex) throws SQLException {
        Codec codec = value(columnIndex);
        if (codec == null) {
            return null;
        } else if (codec instanceof ArrayCodec a) {
            return new JdbcArray(a, a.decodeObject(data, offset, length, format));
        }
        throw codec.typeName().startsWith("_") ? notSupported("getArray on " + codec.typeName() + " (an array of a type"
                + " without a codec)") : CodecErrors.cannotConvert(codec.typeName(), Array.class);
    }

    @Override public Blob getBlob(int columnIndex) throws SQLException { throw notSupported("getBlob"); }
    @Override public Clob getClob(int columnIndex) throws SQLException { throw notSupported("getClob"); }
    @Override public NClob getNClob(int columnIndex) throws SQLException { throw notSupported("getNClob"); }
    @Override public Ref getRef(int columnIndex) throws SQLException { throw notSupported("getRef"); }
    @Override public RowId getRowId(int columnIndex) throws SQLException { throw notSupported("getRowId"); }
    @Override public SQLXML getSQLXML(int columnIndex) throws SQLException { throw notSupported("getSQLXML"); }

    private static Object jdbcValue(Object value) {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        Object temporal = JdbcTemporals.toJdbc(value);
        return temporal != null ? temporal : value;
    }

    private static Calendar calendarOf(Timestamp t) {
        GregorianCalendar calendar = new GregorianCalendar();
        calendar.setTimeInMillis(t.getTime());
        return calendar;
    }

    // ---- getters by label ---------------------------------------------------------------------

    @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
    @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
    @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
    @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
    @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
    @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
    @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
    @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
    @Override public byte[] getBytes(String label) throws SQLException { return getBytes(findColumn(label)); }
    @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
    @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
    @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
    @Override public Array getArray(String label) throws SQLException { return getArray(findColumn(label)); }
    @Override public Blob getBlob(String label) throws SQLException { return getBlob(findColumn(label)); }
    @Override public Clob getClob(String label) throws SQLException { return getClob(findColumn(label)); }
    @Override public NClob getNClob(String label) throws SQLException { return getNClob(findColumn(label)); }
    @Override public Ref getRef(String label) throws SQLException { return getRef(findColumn(label)); }
    @Override public RowId getRowId(String label) throws SQLException { return getRowId(findColumn(label)); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { return getSQLXML(findColumn(label)); }
    @Override public URL getURL(String label) throws SQLException { return getURL(findColumn(label)); }
    @Override public String getNString(String label) throws SQLException { return getNString(findColumn(label)); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
    @Override public InputStream getAsciiStream(String label) throws SQLException { return getAsciiStream(findColumn(label)); }
    @Override public InputStream getBinaryStream(String label) throws SQLException { return getBinaryStream(findColumn(label)); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getNCharacterStream(findColumn(label)); }
    @Override public Date getDate(String label, Calendar cal) throws SQLException { return getDate(findColumn(label), cal); }
    @Override public Time getTime(String label, Calendar cal) throws SQLException { return getTime(findColumn(label), cal); }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    /** @deprecated by JDBC. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    /** @deprecated by JDBC. */
    @Override
    @Deprecated
    public InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    /** The 1-based index of a column: an exact name match first, then a case-insensitive one. */
    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        int index = columnLabel == null ? -1 : descriptor.indexOf(columnLabel);
        if (index < 0) {
            throw new SQLSyntaxErrorException("column label: \"" + columnLabel + "\" (expected: one of "
                    + columnNames() + ")", UNDEFINED_COLUMN);
        }
        return index + 1;
    }

    // ---- result set properties ----------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            Statement statement = owner;
            metaData = new JdbcResultSetMetaData(descriptor, statement == null ? null
                    : (oids, attnums) -> CatalogLookup.of(statement.getConnection()).lookup(oids, attnums));
        }
        return metaData;
    }

    @Override public Statement getStatement() throws SQLException { checkOpen(); return owner; }
    @Override public SQLWarning getWarnings() throws SQLException { checkOpen(); return warnings; }
    @Override public void clearWarnings() throws SQLException { checkOpen(); warnings = null; }

    /** No named SQL cursor backs a result set, so there is no name to give (nor WHERE CURRENT OF to use it in). */
    @Override public String getCursorName() throws SQLException { throw notSupported("getCursorName"); }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
            throw new SQLException("fetch direction: " + direction
                    + " (expected: FETCH_FORWARD, FETCH_REVERSE or FETCH_UNKNOWN)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        if (type == TYPE_FORWARD_ONLY && direction != FETCH_FORWARD) {
            throw new SQLException("fetch direction: " + direction + " (expected: FETCH_FORWARD, as the result set is"
                    + " TYPE_FORWARD_ONLY)", INVALID_CURSOR_STATE);
        }
        fetchDirection = direction;
    }

    @Override public int getFetchDirection() throws SQLException { checkOpen(); return fetchDirection; }

    /** Kept as a hint only: the rows are already in memory. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size: " + rows + " (expected: >= 0)", SqlStates.INVALID_PARAMETER_VALUE);
        }
        fetchSize = rows;
    }

    @Override public int getFetchSize() throws SQLException { checkOpen(); return fetchSize; }
    @Override public int getType() throws SQLException { checkOpen(); return type; }
    @Override public int getConcurrency() throws SQLException { checkOpen(); return CONCUR_READ_ONLY; }
    @Override public int getHoldability() throws SQLException { checkOpen(); return holdability; }
    @Override public boolean isClosed() { return closed; }

    /** Drops the rows and tells the statement; closing again does nothing. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        rows = List.of();
        current = null;
        data = null;
        if (onClose != null) {
            onClose.run();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("cannot unwrap to " + iface.getName() + " (expected: an interface JdbcResultSet implements)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }

    // ---- read-only: no row changes --------------------------------------------------------------

    @Override public boolean rowUpdated() throws SQLException { checkOpen(); return false; }
    @Override public boolean rowInserted() throws SQLException { checkOpen(); return false; }
    @Override public boolean rowDeleted() throws SQLException { checkOpen(); return false; }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
    @Override public void updateNull(int i) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String l) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int i, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String l, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int i, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String l, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int i, short x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String l, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int i, int x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String l, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int i, long x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String l, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int i, float x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String l, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int i, double x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String l, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int i, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String l, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int i, String x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String l, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int i, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String l, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int i, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String l, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int i, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String l, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int i, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String l, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int i, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String l, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int i, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String l, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int i, Object x, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String l, Object x, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int i, Object x, SQLType t) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String l, Object x, SQLType t) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int i, Object x, SQLType t, int n) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String l, Object x, SQLType t, int n) throws SQLException { throw readOnly(); }
    @Override public void updateRef(int i, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String l, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int i, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String l, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int i, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String l, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int i, SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String l, SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int i, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String l, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int i, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String l, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int i, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String l, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int i, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String l, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int i, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String l, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int i, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String l, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int i, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String l, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int i, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String l, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int i, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String l, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int i, InputStream x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String l, InputStream x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int i, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String l, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int i, InputStream x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String l, InputStream x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int i, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String l, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int i, Reader x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String l, Reader x, int n) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int i, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String l, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int i, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String l, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int i, Reader x, long n) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String l, Reader x, long n) throws SQLException { throw readOnly(); }

    // ---- checks --------------------------------------------------------------------------------

    /**
     * Checks the result set, the cursor and the index, then points {@link #offset}, {@link #length} and
     * {@link #format} at the value and sets {@link #wasNull}. Returns the column's codec, or null for SQL NULL.
     */
    private Codec value(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > codecs.length) {
            throw new SQLDataException("column index: " + columnIndex + " (expected: 1.." + codecs.length + ")",
                    SqlStates.INVALID_PARAMETER_VALUE);
        }
        if (current == null) {
            throw new SQLException("no current row: the cursor is " + (position < 0 ? "before the first row (call next())"
                    : "after the last row"), INVALID_CURSOR_STATE);
        }
        int c = columnIndex - 1;
        wasNull = current.isNull(c);
        offset = current.offset(c);
        length = current.length(c);
        format = binary[c];
        return wasNull ? null : codecs[c];
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("ResultSet is closed", INVALID_CURSOR_STATE);
        }
    }

    private void checkScrollable(String method) throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY) {
            throw new SQLException(method + "() on a TYPE_FORWARD_ONLY ResultSet (expected: TYPE_SCROLL_INSENSITIVE)",
                    INVALID_CURSOR_STATE);
        }
    }

    private SQLException readOnly() throws SQLException {
        checkOpen();
        return new SQLFeatureNotSupportedException("ResultSet is read-only (CONCUR_READ_ONLY)",
                SqlStates.FEATURE_NOT_SUPPORTED);
    }

    private static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException("ResultSet." + what + " is not supported yet",
                SqlStates.FEATURE_NOT_SUPPORTED);
    }

    /** At most 20 names: the message is for a person, and a result can have 1600 columns. */
    private String columnNames() {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(codecs.length, 20);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(descriptor.name(i));
        }
        return shown < codecs.length ? sb.append(", …").toString() : shown == 0 ? "(no columns)" : sb.toString();
    }
}

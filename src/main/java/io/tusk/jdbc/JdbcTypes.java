package io.tusk.jdbc;

import io.tusk.internal.codec.Oids;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * How PostgreSQL types look through JDBC: the {@link Types} code of an OID, the class
 * {@code getObject} returns, precision, scale and display size from the type modifier, and the
 * OID to send for a {@code setNull}/{@code setObject} type code. The {@code Types} codes follow
 * pgjdbc's choices (bool is {@code BIT}, timestamptz is {@code TIMESTAMP}), so code written against
 * pgjdbc sees the same metadata. One exception: money is {@code OTHER} (pgjdbc: {@code DOUBLE}) as
 * long as no codec reads it as a number, so the type code never promises a {@code getDouble} that fails.
 *
 * <p>Sizes follow JDBC's rules: for numbers the precision is the number of digits, for strings and
 * date/time types the number of characters of the longest text; a size that is not known (an
 * unconstrained {@code varchar}) is {@link Integer#MAX_VALUE}, a size that does not apply is 0.
 */
final class JdbcTypes {
    /** The OID that lets the server infer a parameter's type from its use. */
    public static final int UNSPECIFIED = 0;

    /** Type modifiers of numeric, varchar and bpchar carry this header (VARHDRSZ) in front of the value. */
    private static final int VARHDRSZ = 4;
    /** Digits before and after the point of an unconstrained numeric, plus sign and point. */
    private static final int NUMERIC_MAX_DISPLAY = 131_072 + 16_383 + 2;
    /** Microseconds: the fractional digits of a time or timestamp without a declared precision. */
    private static final int DEFAULT_FRACTION = 6;

    private JdbcTypes() {
    }

    /** The {@link Types} code of a built-in type; arrays are {@code ARRAY}, anything unknown {@code OTHER}. */
    public static int sqlType(int oid) {
        return sqlType(oid, Oids.typeName(oid));
    }

    /**
     * As {@link #sqlType(int)}, with the type's name for types this class does not know by OID (an
     * array of a user type is {@code "_mytype"}).
     */
    public static int sqlType(int oid, String typeName) {
        switch (oid) {
            case Oids.BOOL: return Types.BIT;
            case Oids.INT2: return Types.SMALLINT;
            case Oids.INT4: return Types.INTEGER;
            case Oids.INT8: case Oids.OID: return Types.BIGINT;
            case Oids.FLOAT4: return Types.REAL;
            case Oids.FLOAT8: return Types.DOUBLE;
            case Oids.NUMERIC: return Types.NUMERIC;
            case Oids.TEXT: case Oids.VARCHAR: case Oids.NAME: return Types.VARCHAR;
            case Oids.BPCHAR: case Oids.CHAR: return Types.CHAR;
            case Oids.BYTEA: return Types.BINARY;
            case Oids.DATE: return Types.DATE;
            case Oids.TIME: case Oids.TIMETZ: return Types.TIME;
            case Oids.TIMESTAMP: case Oids.TIMESTAMPTZ: return Types.TIMESTAMP;
            case Oids.BIT: return Types.BIT;
            case Oids.XML: return Types.SQLXML;
            case Oids.REFCURSOR: return Types.REF_CURSOR;
            default:
                return typeName != null && typeName.startsWith("_") ? Types.ARRAY : Types.OTHER;
        }
    }

    /**
     * The class {@code ResultSet.getObject} returns for a column whose codec decodes to
     * {@code javaType}: java.time values become their {@code java.sql} counterparts and
     * {@code smallint} an Integer, as JDBC's mapping table asks; arrays are {@code java.sql.Array}.
     */
    public static Class<?> jdbcClass(Class<?> javaType) {
        if (javaType.isArray() && javaType != byte[].class) {
            return java.sql.Array.class;
        } else if (javaType == LocalDateTime.class || javaType == OffsetDateTime.class) {
            return Timestamp.class;
        } else if (javaType == LocalDate.class) {
            return java.sql.Date.class;
        } else if (javaType == LocalTime.class || javaType == OffsetTime.class) {
            return Time.class;
        } else if (javaType == Short.class || javaType == Byte.class) {
            return Integer.class;
        }
        return javaType;
    }

    /**
     * The OID to declare for a parameter set with a {@link Types} code. Character types map to
     * {@link #UNSPECIFIED}: the server then infers the type from the statement, so
     * {@code setNull(i, Types.VARCHAR)} and {@code setObject(i, "42", Types.VARCHAR)} work for a column
     * of any type, as with pgjdbc's {@code stringtype=unspecified}. So do OTHER, JAVA_OBJECT, NULL
     * and the structured types, whose PostgreSQL type cannot be told from the code.
     *
     * @throws SQLFeatureNotSupportedException for a code that is not in {@link Types} (SQLSTATE 0A000)
     */
    public static int oidForSqlType(int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.BIT: case Types.BOOLEAN: return Oids.BOOL;
            case Types.TINYINT: case Types.SMALLINT: return Oids.INT2;
            case Types.INTEGER: return Oids.INT4;
            case Types.BIGINT: return Oids.INT8;
            case Types.REAL: return Oids.FLOAT4;
            case Types.FLOAT: case Types.DOUBLE: return Oids.FLOAT8;
            case Types.NUMERIC: case Types.DECIMAL: return Oids.NUMERIC;
            case Types.DATE: return Oids.DATE;
            case Types.TIME: return Oids.TIME;
            case Types.TIME_WITH_TIMEZONE: return Oids.TIMETZ;
            case Types.TIMESTAMP: return Oids.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE: return Oids.TIMESTAMPTZ;
            case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY: case Types.BLOB: return Oids.BYTEA;
            case Types.SQLXML: return Oids.XML;
            case Types.REF_CURSOR: return Oids.REFCURSOR;
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR: case Types.NVARCHAR:
            case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
            case Types.OTHER: case Types.JAVA_OBJECT: case Types.NULL: case Types.ARRAY: case Types.STRUCT:
            case Types.DISTINCT: case Types.REF: case Types.DATALINK: case Types.ROWID:
                return UNSPECIFIED;
            default:
                throw new SQLFeatureNotSupportedException("java.sql.Types code: " + sqlType
                        + " (expected: a constant of java.sql.Types)", "0A000");
        }
    }

    /** As {@link #oidForSqlType(int)}, for a {@link JDBCType}; other vendors' {@code SQLType}s are refused (0A000). */
    public static int oidForSqlType(SQLType type) throws SQLException {
        if (type instanceof JDBCType) {
            return oidForSqlType(type.getVendorTypeNumber());
        }
        throw new SQLFeatureNotSupportedException("SQLType " + type + " of vendor "
                + (type == null ? null : type.getVendor()) + " (expected: a java.sql.JDBCType)", "0A000");
    }

    /** {@code getPrecision}: digits for numbers, characters for strings and dates, 0 when it does not apply. */
    public static int precision(int oid, int typmod) {
        switch (oid) {
            case Oids.BOOL: case Oids.CHAR: return 1;
            case Oids.INT2: return 5;
            case Oids.INT4: case Oids.OID: return 10;
            case Oids.INT8: return 19;
            case Oids.FLOAT4: return 8;
            case Oids.FLOAT8: return 17;
            case Oids.NUMERIC: return typmod < VARHDRSZ ? 0 : ((typmod - VARHDRSZ) >> 16) & 0xFFFF;
            case Oids.BPCHAR: case Oids.VARCHAR: return typmod < VARHDRSZ ? Integer.MAX_VALUE : typmod - VARHDRSZ;
            case Oids.BIT: case Oids.VARBIT: return typmod < 0 ? Integer.MAX_VALUE : typmod;
            case Oids.NAME: case Oids.UUID: case Oids.DATE: case Oids.TIME: case Oids.TIMETZ: case Oids.TIMESTAMP:
            case Oids.TIMESTAMPTZ: case Oids.TEXT: case Oids.BYTEA: case Oids.JSON: case Oids.JSONB: case Oids.XML:
            case Oids.UNKNOWN:
                return displaySize(oid, typmod);
            default: return 0;
        }
    }

    /** {@code getScale}: digits after the point of numbers and of fractional seconds; else 0. */
    public static int scale(int oid, int typmod) {
        switch (oid) {
            case Oids.FLOAT4: return 8;
            case Oids.FLOAT8: return 17;
            case Oids.NUMERIC: return typmod < VARHDRSZ ? 0 : (typmod - VARHDRSZ) & 0xFFFF;
            case Oids.TIME: case Oids.TIMETZ: case Oids.TIMESTAMP: case Oids.TIMESTAMPTZ: return fraction(typmod);
            default: return 0;
        }
    }

    /** {@code getColumnDisplaySize}: the characters of the longest value PostgreSQL prints. */
    public static int displaySize(int oid, int typmod) {
        switch (oid) {
            case Oids.BOOL: case Oids.CHAR: return 1;
            case Oids.INT2: return 6;
            case Oids.INT4: return 11;
            case Oids.OID: return 10;
            case Oids.INT8: return 20;
            case Oids.FLOAT4: return 15; // -1.23456789e+38 with shortest round-trip digits
            case Oids.FLOAT8: return 25;
            case Oids.NUMERIC: return numericDisplaySize(typmod);
            case Oids.NAME: return 63;
            case Oids.UUID: return 36;
            case Oids.DATE: return 13; // 5874897-12-31
            case Oids.TIME: return 8 + fractionWidth(typmod);
            case Oids.TIMETZ: return 8 + fractionWidth(typmod) + 6;
            case Oids.TIMESTAMP: return 22 + fractionWidth(typmod); // 294276-12-31 23:59:59 BC
            case Oids.TIMESTAMPTZ: return 22 + fractionWidth(typmod) + 6;
            case Oids.BPCHAR: case Oids.VARCHAR: case Oids.BIT: case Oids.VARBIT: return precision(oid, typmod);
            case Oids.TEXT: case Oids.BYTEA: case Oids.JSON: case Oids.JSONB: case Oids.XML: case Oids.UNKNOWN:
                return Integer.MAX_VALUE;
            default: return 0;
        }
    }

    /** Numbers are signed, except oid; everything else is not a number. */
    public static boolean isSigned(int oid) {
        switch (oid) {
            case Oids.INT2: case Oids.INT4: case Oids.INT8: case Oids.FLOAT4: case Oids.FLOAT8: case Oids.NUMERIC:
            case Oids.MONEY:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether case matters when comparing values: not for numbers, booleans, dates and times, uuid
     * and network addresses, whose text is case-insensitive or has no letters; for every other type
     * (strings, json, unknown types) it is assumed to.
     */
    public static boolean isCaseSensitive(int oid) {
        switch (oid) {
            case Oids.BOOL: case Oids.INT2: case Oids.INT4: case Oids.INT8: case Oids.OID: case Oids.FLOAT4:
            case Oids.FLOAT8: case Oids.NUMERIC: case Oids.MONEY: case Oids.DATE: case Oids.TIME: case Oids.TIMETZ:
            case Oids.TIMESTAMP: case Oids.TIMESTAMPTZ: case Oids.INTERVAL: case Oids.UUID: case Oids.BIT:
            case Oids.VARBIT: case Oids.INET: case Oids.CIDR: case Oids.MACADDR: case Oids.MACADDR8:
                return false;
            default:
                return true;
        }
    }

    /** A numeric with precision p and scale s prints at most p digits, a sign and, when s > 0, a point. */
    private static int numericDisplaySize(int typmod) {
        if (typmod < VARHDRSZ) {
            return NUMERIC_MAX_DISPLAY;
        }
        int precision = ((typmod - VARHDRSZ) >> 16) & 0xFFFF;
        int scale = (typmod - VARHDRSZ) & 0xFFFF;
        return 1 + precision + (scale > 0 ? 1 : 0);
    }

    /** The declared fractional digits of a time/timestamp ({@code timestamp(3)}: 3), 6 when none is declared. */
    private static int fraction(int typmod) {
        return typmod < 0 ? DEFAULT_FRACTION : typmod;
    }

    private static int fractionWidth(int typmod) {
        int digits = fraction(typmod);
        return digits == 0 ? 0 : digits + 1;
    }
}

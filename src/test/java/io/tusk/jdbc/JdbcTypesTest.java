package io.tusk.jdbc;

import static io.tusk.jdbc.JdbcResultSetTest.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.internal.codec.Oids;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JDBC view of PostgreSQL types, table by table. */
class JdbcTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "bool, BIT", "int2, SMALLINT", "int4, INTEGER", "int8, BIGINT", "oid, BIGINT", "float4, REAL",
        "float8, DOUBLE", "numeric, NUMERIC", "text, VARCHAR", "varchar, VARCHAR", "name, VARCHAR", "bpchar, CHAR",
        "char, CHAR", "bytea, BINARY", "date, DATE", "time, TIME", "timetz, TIME", "timestamp, TIMESTAMP",
        "timestamptz, TIMESTAMP", "uuid, OTHER", "json, OTHER", "jsonb, OTHER", "interval, OTHER", "xml, SQLXML",
        "money, OTHER", "inet, OTHER", "bit, BIT", "refcursor, REF_CURSOR", "_int4, ARRAY", "_text, ARRAY",
        "_timestamptz, ARRAY"})
    void sqlTypeFollowsPgjdbc(String typname, JDBCType expected) {
        assertEquals(expected.getVendorTypeNumber(), JdbcTypes.sqlType(oid(typname)));
    }

    @Test
    void unknownTypesAreOtherUnlessTheirNameSaysArray() {
        assertEquals(Types.OTHER, JdbcTypes.sqlType(123_456));
        assertEquals(Types.OTHER, JdbcTypes.sqlType(123_456, "mood"));
        assertEquals(Types.ARRAY, JdbcTypes.sqlType(123_457, "_mood"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "BIT, 16", "BOOLEAN, 16", "TINYINT, 21", "SMALLINT, 21", "INTEGER, 23", "BIGINT, 20", "REAL, 700",
        "FLOAT, 701", "DOUBLE, 701", "NUMERIC, 1700", "DECIMAL, 1700", "DATE, 1082", "TIME, 1083",
        "TIME_WITH_TIMEZONE, 1266", "TIMESTAMP, 1114", "TIMESTAMP_WITH_TIMEZONE, 1184", "BINARY, 17",
        "VARBINARY, 17", "LONGVARBINARY, 17", "BLOB, 17", "SQLXML, 142", "REF_CURSOR, 1790",
        "CHAR, 0", "VARCHAR, 0", "LONGVARCHAR, 0", "NCHAR, 0", "NVARCHAR, 0", "LONGNVARCHAR, 0", "CLOB, 0",
        "NCLOB, 0", "OTHER, 0", "JAVA_OBJECT, 0", "NULL, 0", "ARRAY, 0", "STRUCT, 0", "DISTINCT, 0", "REF, 0",
        "DATALINK, 0", "ROWID, 0"})
    void parameterOidForEveryJdbcType(JDBCType type, int oid) throws Exception {
        assertEquals(oid, JdbcTypes.oidForSqlType(type.getVendorTypeNumber()));
        assertEquals(oid, JdbcTypes.oidForSqlType(type));
    }

    @Test
    void everyJdbcTypeHasAnOidAndOthersAreRefused() throws Exception {
        for (JDBCType type : JDBCType.values()) {
            JdbcTypes.oidForSqlType(type);
        }
        assertSqlState("0A000", () -> JdbcTypes.oidForSqlType(424_242));
        SQLType foreign = new SQLType() {
            @Override public String getName() { return "GEOMETRY"; }
            @Override public String getVendor() { return "elsewhere"; }
            @Override public Integer getVendorTypeNumber() { return 1; }
        };
        assertSqlState("0A000", () -> JdbcTypes.oidForSqlType(foreign));
    }

    @ParameterizedTest(name = "{0}({1}): precision {2}, scale {3}, display {4}")
    @CsvSource({
        "bool, -1, 1, 0, 1", "int2, -1, 5, 0, 6", "int4, -1, 10, 0, 11", "int8, -1, 19, 0, 20",
        "oid, -1, 10, 0, 10", "float4, -1, 8, 8, 15", "float8, -1, 17, 17, 25",
        "numeric, 655366, 10, 2, 12", "numeric, 327684, 5, 0, 6", "numeric, -1, 0, 0, 147457",
        "varchar, 44, 40, 0, 40", "bpchar, 5, 1, 0, 1", "varchar, -1, 2147483647, 0, 2147483647",
        "text, -1, 2147483647, 0, 2147483647", "bytea, -1, 2147483647, 0, 2147483647", "name, -1, 63, 0, 63",
        "uuid, -1, 36, 0, 36", "date, -1, 13, 0, 13", "time, -1, 15, 6, 15", "time, 0, 8, 0, 8",
        "time, 3, 12, 3, 12", "timetz, -1, 21, 6, 21", "timestamp, -1, 29, 6, 29", "timestamp, 0, 22, 0, 22",
        "timestamptz, 3, 32, 3, 32", "bit, 8, 8, 0, 8", "interval, -1, 0, 0, 0", "inet, -1, 0, 0, 0"})
    void sizesFromTheTypeModifier(String typname, int typmod, int precision, int scale, int display) {
        int oid = oid(typname);
        assertEquals(precision, JdbcTypes.precision(oid, typmod), "precision");
        assertEquals(scale, JdbcTypes.scale(oid, typmod), "scale");
        assertEquals(display, JdbcTypes.displaySize(oid, typmod), "display size");
    }

    @Test
    void signsAndCase() {
        for (int oid : new int[] {Oids.INT2, Oids.INT4, Oids.INT8, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC}) {
            assertTrue(JdbcTypes.isSigned(oid));
            assertFalse(JdbcTypes.isCaseSensitive(oid));
        }
        for (int oid : new int[] {Oids.OID, Oids.TEXT, Oids.BOOL, Oids.DATE, Oids.UUID}) {
            assertFalse(JdbcTypes.isSigned(oid));
        }
        for (int oid : new int[] {Oids.TEXT, Oids.VARCHAR, Oids.BPCHAR, Oids.NAME, Oids.JSON, 123_456}) {
            assertTrue(JdbcTypes.isCaseSensitive(oid));
        }
        assertFalse(JdbcTypes.isCaseSensitive(Oids.UUID));
        assertFalse(JdbcTypes.isCaseSensitive(Oids.TIMESTAMPTZ));
    }

    @Test
    void jdbcClassIsWhatGetObjectReturns() {
        assertEquals(Timestamp.class, JdbcTypes.jdbcClass(LocalDateTime.class));
        assertEquals(Timestamp.class, JdbcTypes.jdbcClass(OffsetDateTime.class));
        assertEquals(java.sql.Date.class, JdbcTypes.jdbcClass(LocalDate.class));
        assertEquals(Time.class, JdbcTypes.jdbcClass(LocalTime.class));
        assertEquals(Time.class, JdbcTypes.jdbcClass(OffsetTime.class));
        assertEquals(Integer.class, JdbcTypes.jdbcClass(Short.class));
        assertEquals(BigDecimal.class, JdbcTypes.jdbcClass(BigDecimal.class));
        assertEquals(UUID.class, JdbcTypes.jdbcClass(UUID.class));
    }

    private static int oid(String typname) {
        for (int oid = 1; oid < 10_000; oid++) {
            if (typname.equals(Oids.typeName(oid))) {
                return oid;
            }
        }
        throw new IllegalArgumentException(typname);
    }
}

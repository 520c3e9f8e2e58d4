package io.tusk.jdbc;

import static io.tusk.jdbc.JdbcResultSetTest.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tusk.internal.codec.CodecRegistry;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Struct values without a server: each attribute's text is the driver's codec text for its Java
 * value, and the whole is the composite's text as PostgreSQL prints it (StructIT checks it against
 * a real server).
 */
class JdbcStructTest {
    private static final CodecRegistry REGISTRY = CodecRegistry.builtin();

    private static JdbcStruct struct(String type, Object... attributes) throws SQLException {
        return JdbcStruct.of(type, attributes, REGISTRY);
    }

    @Test
    void attributesAreWrittenByTheirCodecs() throws SQLException {
        JdbcStruct s = struct("t", 42, new BigDecimal("12.50"), LocalDate.of(2024, 1, 2), true, new UUID(1, 2), 'x',
                1.5e300, null);
        assertEquals("(42,12.50,2024-01-02,t,00000000-0000-0001-0000-000000000002,x,1.5e+300,)", s.text());
        assertEquals(s.text(), s.toString());
    }

    @Test
    void attributeTextsThatNeedQuotesGetThem() throws SQLException {
        // bytea's \x and a timestamp's blank; an array's commas
        JdbcStruct s = struct("t", new byte[] {1, 2}, Timestamp.valueOf("2024-01-02 03:04:05.123456"),
                new int[] {1, 2}, List.of("a b", "c"), "");
        assertEquals("(\"\\\\x0102\",\"2024-01-02 03:04:05.123456\",\"{1,2}\",\"{\"\"a b\"\",c}\",\"\")", s.text());
    }

    @Test
    void theExampleOfTheTypeMappingGuide() throws SQLException {
        assertEquals("(\"a,b\",\"\",\"say \"\"hi\"\"\",)", struct("t", "a,b", "", "say \"hi\"", null).text());
    }

    @Test
    void aNestedStructIsItsTextQuoted() throws SQLException {
        JdbcStruct inner = struct("inner", 1, "a b");
        assertEquals("(x,\"(1,\"\"a b\"\")\")", struct("outer", "x", inner).text());
    }

    @Test
    void anotherDriversStructIsReadThroughItsTypeNameAndAttributes() throws SQLException {
        Struct foreign = new Struct() {
            @Override
            public String getSQLTypeName() {
                return "pair";
            }

            @Override
            public Object[] getAttributes() {
                return new Object[] {7, "seven"};
            }

            @Override
            public Object[] getAttributes(Map<String, Class<?>> map) {
                return getAttributes();
            }
        };
        JdbcStruct s = JdbcStruct.from(foreign, REGISTRY);
        assertEquals("pair", s.getSQLTypeName());
        assertEquals("(7,seven)", s.text());
        assertSame(s, JdbcStruct.from(s, REGISTRY), "ours is taken as it is");
        assertEquals("(x,\"(7,seven)\")", struct("outer", "x", foreign).text());
    }

    @Test
    void attributesAreCopiedInAndOut() throws SQLException {
        Object[] given = {1, "a"};
        JdbcStruct s = struct("My_Type", given);
        given[0] = 2;
        assertArrayEquals(new Object[] {1, "a"}, s.getAttributes());
        s.getAttributes()[1] = "changed";
        assertArrayEquals(new Object[] {1, "a"}, s.getAttributes(Map.of()));
        assertArrayEquals(new Object[] {1, "a"}, s.getAttributes(null));
        assertEquals("(1,a)", s.text());
        assertEquals("My_Type", s.getSQLTypeName(), "the name as given");
    }

    @Test
    void typeMapsAreNotSupported() throws SQLException {
        JdbcStruct s = struct("t", 1);
        assertSqlState("0A000", () -> s.getAttributes(Map.of("t", Object.class)));
    }

    @Test
    void missingNameOrAttributesAreInvalidArguments() {
        assertSqlState("22023", () -> JdbcStruct.of(null, new Object[0], REGISTRY));
        assertSqlState("22023", () -> JdbcStruct.of("  ", new Object[0], REGISTRY));
        assertSqlState("22023", () -> JdbcStruct.of("t", null, REGISTRY));
    }

    @Test
    void anAttributeWithoutAPostgresTypeIsRefusedAsSetObjectRefusesIt() {
        assertSqlState("07006", () -> struct("t", 1, new Object()));
        assertSqlState("07006", () -> struct("outer", struct("inner", 1), new StringBuilder[] {new StringBuilder()}));
    }
}

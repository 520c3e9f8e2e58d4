package io.tusk.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {
    private final CodecRegistry registry = CodecRegistry.builtin();

    /** asyncpg's test_all_builtin_types_handled, for the types this milestone covers. */
    @Test
    void everyListedTypeHasABinaryCodec() {
        for (String name : CodecSamples.binaryTypes()) {
            Codec c = registry.forName(name);
            assertNotNull(c, name);
            assertEquals(name, c.typeName());
            assertTrue(c.supportsBinary(), name);
            assertTrue(registry.hasBinaryCodec(c.oid()), name);
            assertSame(c, registry.forOid(c.oid()), name);
            assertEquals(name, Oids.typeName(c.oid()), "Oids agrees on " + name);
            assertFalse(CodecSamples.of(name).isEmpty(), "samples for " + name);
        }
        assertEquals(23, CodecSamples.binaryTypes().size());
    }

    @Test
    void unknownOidsGetATextOnlyFallbackThatIsNeverNull() {
        Codec inet = registry.forOid(Oids.INET);
        assertInstanceOf(TextFallbackCodec.class, inet);
        assertEquals("inet", inet.typeName());
        assertFalse(inet.supportsBinary());
        assertFalse(registry.hasBinaryCodec(Oids.INET));
        assertSame(inet, registry.forOid(Oids.INET), "created once per OID");
        assertEquals("unknown(99999)", registry.forOid(99999).typeName());
        assertEquals("unknown(4294967295)", registry.forOid(-1).typeName(), "OIDs are unsigned");
        assertEquals(-1, registry.forOid(-1).oid());
    }

    @Test
    void javaValuesMapToTheirDefaultType() {
        Object[][] cases = {
            {true, "bool"}, {(short) 1, "int2"}, {(byte) 1, "int2"}, {1, "int4"}, {1L, "int8"}, {1f, "float4"},
            {1d, "float8"}, {BigDecimal.ONE, "numeric"}, {BigInteger.ONE, "numeric"}, {"s", "text"},
            {new byte[0], "bytea"}, {UUID.randomUUID(), "uuid"}, {LocalDate.now(), "date"},
            {LocalTime.now(), "time"}, {OffsetTime.now(), "timetz"}, {LocalDateTime.now(), "timestamp"},
            {OffsetDateTime.now(), "timestamptz"}, {Instant.now(), "timestamptz"},
            {ZonedDateTime.now(), "timestamptz"}, {Interval.ZERO, "interval"},
        };
        for (Object[] c : cases) {
            Codec codec = registry.forJavaValue(c[0]);
            assertEquals(c[1], codec.typeName(), c[0].getClass().getName());
            assertTrue(codec.canEncode(c[0]), c[0].getClass().getName());
        }
        assertNull(registry.forJavaValue(new Object()));
        assertEquals(0, registry.forJavaValue(new ArrayList<>()).oid(), "an empty List is an array of a type the server infers");
    }

    @Test
    void namesIncludeSqlSpellings() {
        assertEquals("int4", registry.forName("integer").typeName());
        assertEquals("int4", registry.forName("INT4").typeName());
        assertEquals("float8", registry.forName("double precision").typeName());
        assertEquals("timestamptz", registry.forName("timestamp with time zone").typeName());
        assertEquals("bpchar", registry.forName("character").typeName());
        assertEquals("char", registry.forName("char").typeName(), "typname char is the one-byte type");
        assertNull(registry.forName("inet"));
        assertNull(registry.forName("no such type"));
    }

    @Test
    void oidsKnowArrayTypes() {
        assertEquals(1007, Oids.arrayOf(Oids.INT4));
        assertEquals(Oids.INT4_ARRAY, Oids.arrayOf(Oids.INT4));
        assertEquals("_int4", Oids.typeName(Oids.INT4_ARRAY));
        assertEquals(0, Oids.arrayOf(Oids.UNKNOWN));
        assertNull(Oids.typeName(123456));
    }
}

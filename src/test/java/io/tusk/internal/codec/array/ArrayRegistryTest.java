package io.tusk.internal.codec.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Interval;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.Oids;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Array codecs in the built-in registry: by OID, by name, and for Java values. */
class ArrayRegistryTest {
    private final CodecRegistry registry = CodecRegistry.builtin();

    private static final String[] ELEMENTS = {"int2", "int4", "int8", "float4", "float8", "numeric", "bool", "text",
        "varchar", "bpchar", "name", "char", "bytea", "uuid", "date", "time", "timetz", "timestamp", "timestamptz",
        "interval", "json", "jsonb", "oid"};

    @Test
    void everyElementTypeWithABinaryCodecHasItsArray() {
        for (String name : ELEMENTS) {
            Codec element = registry.forName(name);
            int oid = Oids.arrayOf(element.oid());
            ArrayCodec array = assertInstanceOf(ArrayCodec.class, registry.forOid(oid), name);
            assertSame(element, array.element(), name);
            assertEquals("_" + name, array.typeName());
            assertEquals(Oids.typeName(oid), array.typeName(), "Oids agrees on " + name);
            assertTrue(registry.hasBinaryCodec(oid), name);
            assertSame(array, registry.forName("_" + name));
            assertSame(array, registry.forName(name + "[]"));
        }
        assertSame(registry.forOid(Oids.INT4_ARRAY), registry.forName("INTEGER[]"));
        assertEquals(Integer[].class, registry.forOid(Oids.INT4_ARRAY).javaType());
        assertNull(registry.forName("inet[]"));
        assertNull(registry.forName("_int4[]"), "no arrays of arrays");
    }

    @Test
    void javaArraysMapToTheArrayOfTheirElementType() {
        Object[][] cases = {
            {new Integer[] {1}, "_int4"}, {new int[] {1}, "_int4"}, {new Integer[] {null}, "_int4"},
            {new Integer[0], "_int4"}, {new int[][] {{1}}, "_int4"}, {new Integer[][] {{null}}, "_int4"},
            {new long[] {1}, "_int8"}, {new short[] {1}, "_int2"}, {new double[] {1}, "_float8"},
            {new float[] {1}, "_float4"}, {new boolean[] {true}, "_bool"}, {new String[] {"a"}, "_text"},
            {new Object[] {null, 1L}, "_int8"}, {List.of("a"), "_text"}, {List.of(List.of(1)), "_int4"},
            {Arrays.asList(null, UUID.randomUUID()), "_uuid"}, {new BigDecimal[] {BigDecimal.ONE}, "_numeric"},
            {new byte[][] {{1}}, "_bytea"}, {new LocalDate[] {LocalDate.EPOCH}, "_date"},
            {new Instant[] {Instant.EPOCH}, "_timestamptz"}, {new OffsetDateTime[0], "_timestamptz"},
            {new Interval[] {Interval.ZERO}, "_interval"},
        };
        for (Object[] c : cases) {
            Codec codec = registry.forJavaValue(c[0]);
            assertEquals(c[1], codec.typeName(), c[0].getClass().getName());
            assertTrue(codec.canEncode(c[0]), c[0].getClass().getName());
        }
        assertEquals("bytea", registry.forJavaValue(new byte[] {1}).typeName(), "byte[] stays bytea");
    }

    @Test
    void arraysWithoutATellingElementAreUntyped() {
        for (Object value : new Object[] {List.of(), Arrays.asList(null, null), new Object[0], new Object[] {null},
            new Number[] {null}}) {
            Codec codec = registry.forJavaValue(value);
            assertSame(ArrayCodec.untyped(), codec);
            assertEquals(0, codec.oid(), "the server infers the type");
        }
        assertNull(registry.forJavaValue(new Object[] {new Object()}));
        assertNull(registry.forJavaValue(List.of(new StringBuilder())));
    }
}

package io.tusk.internal.codec;

import io.tusk.Interval;
import io.tusk.internal.codec.array.ArrayCodec;
import io.tusk.internal.codec.binary.ByteaCodec;
import io.tusk.internal.codec.binary.UuidCodec;
import io.tusk.internal.codec.datetime.DateCodec;
import io.tusk.internal.codec.datetime.IntervalCodec;
import io.tusk.internal.codec.datetime.TimeCodec;
import io.tusk.internal.codec.datetime.TimeTzCodec;
import io.tusk.internal.codec.datetime.TimestampCodec;
import io.tusk.internal.codec.datetime.TimestampTzCodec;
import io.tusk.internal.codec.json.JsonCodec;
import io.tusk.internal.codec.json.JsonbCodec;
import io.tusk.internal.codec.misc.BoolCodec;
import io.tusk.internal.codec.numeric.Float4Codec;
import io.tusk.internal.codec.numeric.Float8Codec;
import io.tusk.internal.codec.numeric.Int2Codec;
import io.tusk.internal.codec.numeric.Int4Codec;
import io.tusk.internal.codec.numeric.Int8Codec;
import io.tusk.internal.codec.numeric.NumericCodec;
import io.tusk.internal.codec.numeric.OidCodec;
import io.tusk.internal.codec.text.CharCodec;
import io.tusk.internal.codec.text.TextCodec;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OID to codec, and Java class to default codec. Immutable: the built-in registry is shared by every
 * connection. OIDs without a codec get a {@link TextFallbackCodec} (results in text, getString works),
 * created once per OID. Every type with a codec has its array type too ({@link ArrayCodec}).
 *
 * <pre>{@code
 * Codec c = CodecRegistry.builtin().forOid(field.typeOid());   // once per statement
 * int v = c.decodeInt(row.array(), row.offset(i), row.length(i), field.format() == 1);
 * }</pre>
 */
public final class CodecRegistry {
    private static final CodecRegistry BUILTIN = new CodecRegistry(List.of(
            new BoolCodec(), new Int2Codec(), new Int4Codec(), new Int8Codec(), new OidCodec(),
            new Float4Codec(), new Float8Codec(), new NumericCodec(),
            TextCodec.text(), TextCodec.varchar(), TextCodec.bpchar(), TextCodec.name(), new CharCodec(),
            new ByteaCodec(), new UuidCodec(), new JsonCodec(), new JsonbCodec(),
            new DateCodec(), new TimeCodec(), new TimeTzCodec(), new TimestampCodec(), new TimestampTzCodec(),
            new IntervalCodec()));

    /** SQL spellings that are not typnames, so forName("integer") and forName("double precision") work. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("boolean", "bool"), Map.entry("smallint", "int2"), Map.entry("integer", "int4"),
            Map.entry("int", "int4"), Map.entry("bigint", "int8"), Map.entry("real", "float4"),
            Map.entry("double precision", "float8"), Map.entry("decimal", "numeric"),
            Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"));

    /** Indexed directly: every built-in OID is small, and this lookup runs once per column per statement. */
    private final Codec[] byOid = new Codec[4096];
    private final Map<String, Codec> byName = new HashMap<>();
    private final Map<Integer, Codec> fallbacks = new ConcurrentHashMap<>();

    /**
     * The type a Java value maps to, by exact class first (one lookup on the per-parameter path), then
     * by instanceof in this order, for subclasses. Primitive classes are for array element types.
     */
    private static final Map<Class<?>, Integer> OID_BY_CLASS = new LinkedHashMap<>();

    static {
        Object[] pairs = {String.class, Oids.TEXT, Integer.class, Oids.INT4, Long.class, Oids.INT8,
            Boolean.class, Oids.BOOL, Double.class, Oids.FLOAT8, BigDecimal.class, Oids.NUMERIC,
            BigInteger.class, Oids.NUMERIC, Short.class, Oids.INT2, Byte.class, Oids.INT2, Float.class, Oids.FLOAT4,
            byte[].class, Oids.BYTEA, UUID.class, Oids.UUID, LocalDate.class, Oids.DATE, LocalTime.class, Oids.TIME,
            OffsetTime.class, Oids.TIMETZ, LocalDateTime.class, Oids.TIMESTAMP, OffsetDateTime.class, Oids.TIMESTAMPTZ,
            Instant.class, Oids.TIMESTAMPTZ, ZonedDateTime.class, Oids.TIMESTAMPTZ, Interval.class, Oids.INTERVAL,
            int.class, Oids.INT4, long.class, Oids.INT8, short.class, Oids.INT2, double.class, Oids.FLOAT8,
            float.class, Oids.FLOAT4, boolean.class, Oids.BOOL};
        for (int i = 0; i < pairs.length; i += 2) {
            OID_BY_CLASS.put((Class<?>) pairs[i], (Integer) pairs[i + 1]);
        }
    }

    private CodecRegistry(List<Codec> elements) {
        List<Codec> codecs = new ArrayList<>(elements);
        for (Codec c : elements) {
            if (c.supportsBinary() && Oids.arrayOf(c.oid()) != 0) {
                codecs.add(new ArrayCodec(Oids.arrayOf(c.oid()), c));
            }
        }
        for (Codec c : codecs) {
            byOid[c.oid()] = c;
            byName.put(c.typeName(), c);
        }
    }

    /** The shared default registry of built-in types. */
    public static CodecRegistry builtin() {
        return BUILTIN;
    }

    /** Never null: OIDs without a codec get a text-only fallback. */
    public Codec forOid(int oid) {
        Codec c = oid >= 0 && oid < byOid.length ? byOid[oid] : null;
        return c != null ? c : fallbacks.computeIfAbsent(oid, TextFallbackCodec::new);
    }

    /** True when a codec for this type reads and writes the binary format. */
    public boolean hasBinaryCodec(int oid) {
        Codec c = oid >= 0 && oid < byOid.length ? byOid[oid] : null;
        return c != null && c.supportsBinary();
    }

    /** True when results of this type should be requested in binary format (see {@link Codec#prefersBinaryResults()}). */
    public boolean prefersBinaryResults(int oid) {
        Codec c = oid >= 0 && oid < byOid.length ? byOid[oid] : null;
        return c != null && c.prefersBinaryResults();
    }

    /**
     * The codec by {@code pg_type.typname} ({@code "int4"}, {@code "_int4"}), or by a SQL spelling such
     * as {@code "integer"} or {@code "integer[]"}, case-insensitive; null for a type without a codec here.
     */
    public Codec forName(String typname) {
        String name = typname.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith("[]")) {
            Codec element = forName(name.substring(0, name.length() - 2));
            return element == null || element instanceof ArrayCodec ? null : byName.get("_" + element.typeName());
        }
        Codec c = byName.get(name);
        return c != null ? c : byName.get(ALIASES.getOrDefault(name, ""));
    }

    /**
     * The codec for a {@code setObject} value without a target type, or null for a class with no
     * default mapping. Instant and ZonedDateTime go to timestamptz (they are instants); LocalDateTime
     * to timestamp. Java arrays, primitive arrays (other than byte[], which is bytea) and Lists go to
     * the array type of their elements' type ({@code Integer[]} and {@code int[]} to int4[],
     * {@code List<String>} to text[]), told from the first non-null element or else the array's
     * component class; when neither tells (an empty List, an {@code Object[]} of nulls) to
     * {@link ArrayCodec#untyped()}, whose OID 0 lets the server pick the array type.
     */
    public Codec forJavaValue(Object value) {
        if (value == null) {
            return null;
        }
        Integer oid = OID_BY_CLASS.get(value.getClass());
        if (oid != null) {
            return byOid[oid];
        } else if (ArrayCodec.isArrayValue(value)) {
            return arrayFor(value);
        }
        for (Map.Entry<Class<?>, Integer> e : OID_BY_CLASS.entrySet()) {
            if (e.getKey().isInstance(value)) {
                return byOid[e.getValue()];
            }
        }
        return null;
    }

    private Codec arrayFor(Object value) {
        Object sample = ArrayCodec.firstElement(value);
        Codec element = sample != null ? forJavaValue(sample) : null;
        Class<?> declared = ArrayCodec.elementClass(value);
        Integer elementOid = element != null ? Integer.valueOf(element.oid())
                : sample == null && declared != null ? OID_BY_CLASS.get(declared) : null;
        if (elementOid == null) {
            return sample == null ? ArrayCodec.untyped() : null;
        }
        Codec array = byOid[Oids.arrayOf(elementOid)];
        return array instanceof ArrayCodec ? array : null;
    }
}

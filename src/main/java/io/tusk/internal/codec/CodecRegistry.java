package io.tusk.internal.codec;

import io.tusk.Interval;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OID to codec, and Java class to default codec. Immutable: the built-in registry is shared by every
 * connection. OIDs without a codec get a {@link TextFallbackCodec} (results in text, getString works),
 * created once per OID.
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

    private CodecRegistry(List<Codec> codecs) {
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

    /** True when results of this type should be requested in binary format. */
    public boolean hasBinaryCodec(int oid) {
        Codec c = oid >= 0 && oid < byOid.length ? byOid[oid] : null;
        return c != null && c.supportsBinary();
    }

    /**
     * The codec by {@code pg_type.typname} ({@code "int4"}), or by a SQL spelling such as
     * {@code "integer"}, case-insensitive; null for a type without a codec here.
     */
    public Codec forName(String typname) {
        String name = typname.trim().toLowerCase(Locale.ROOT);
        Codec c = byName.get(name);
        return c != null ? c : byName.get(ALIASES.getOrDefault(name, ""));
    }

    /**
     * The codec for a {@code setObject} value without a target type, or null for a class with no
     * default mapping. Instant and ZonedDateTime go to timestamptz (they are instants); LocalDateTime
     * to timestamp.
     */
    public Codec forJavaValue(Object value) {
        int oid;
        if (value instanceof String) {
            oid = Oids.TEXT;
        } else if (value instanceof Integer) {
            oid = Oids.INT4;
        } else if (value instanceof Long) {
            oid = Oids.INT8;
        } else if (value instanceof Boolean) {
            oid = Oids.BOOL;
        } else if (value instanceof Double) {
            oid = Oids.FLOAT8;
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            oid = Oids.NUMERIC;
        } else if (value instanceof Short || value instanceof Byte) {
            oid = Oids.INT2;
        } else if (value instanceof Float) {
            oid = Oids.FLOAT4;
        } else if (value instanceof byte[]) {
            oid = Oids.BYTEA;
        } else if (value instanceof UUID) {
            oid = Oids.UUID;
        } else if (value instanceof LocalDate) {
            oid = Oids.DATE;
        } else if (value instanceof LocalTime) {
            oid = Oids.TIME;
        } else if (value instanceof OffsetTime) {
            oid = Oids.TIMETZ;
        } else if (value instanceof LocalDateTime) {
            oid = Oids.TIMESTAMP;
        } else if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime) {
            oid = Oids.TIMESTAMPTZ;
        } else if (value instanceof Interval) {
            oid = Oids.INTERVAL;
        } else {
            return null;
        }
        return byOid[oid];
    }
}

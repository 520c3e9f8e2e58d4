package io.tusk.internal.session;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.codec.SessionSettings;
import io.tusk.internal.row.Column;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every row of one result shares: the columns, the codec and wire format of each, and the
 * name lookup. Built once per statement (asyncpg's record descriptor), never per row.
 */
public final class RowDescriptor {
    private final Column[] fields;
    private final Codec[] codecs;
    private final boolean[] binary;
    private volatile Map<String, Integer> byName;
    private final SessionSettings settings;

    /** @param formats the result formats the rows actually use, per column (from Bind, or the fields) */
    public RowDescriptor(Column[] columns, short[] formats, CodecRegistry registry) {
        this(columns, formats, registry, SessionSettings.DEFAULT);
    }

    /**
     * @param settings the session's settings, looked up when a value is printed (not a snapshot:
     *                 the descriptor outlives one result, being cached with its statement)
     */
    public RowDescriptor(Column[] columns, short[] formats, CodecRegistry registry, SessionSettings settings) {
        this.settings = settings;
        this.fields = columns;
        this.codecs = new Codec[fields.length];
        this.binary = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            codecs[i] = registry.forOid(fields[i].typeOid());
            short format = formats == null ? fields[i].format() : formats.length == 1 ? formats[0]
                    : formats.length == 0 ? 0 : formats[i];
            binary[i] = format == 1;
        }
    }

    /** For a result whose rows carry the formats written in the description (a portal Describe). */
    public RowDescriptor(Column[] columns, CodecRegistry registry) {
        this(columns, null, registry);
    }

    /** The session's settings, for {@link Codec#decodeString(byte[], int, int, boolean, SessionSettings)}. */
    public SessionSettings settings() {
        return settings;
    }

    public int size() {
        return fields.length;
    }

    /** The columns; the descriptor's own array, not to be changed. */
    public Column[] columns() {
        return fields;
    }

    public Column field(int i) {
        return fields[i];
    }

    public String name(int i) {
        return fields[i].name();
    }

    public Codec codec(int i) {
        return codecs[i];
    }

    public boolean binary(int i) {
        return binary[i];
    }

    /**
     * The index of a column by name: an exact match first, then a case-insensitive one (as JDBC's
     * findColumn asks); the first column wins when names repeat. -1 when there is none.
     */
    public int indexOf(String name) {
        Map<String, Integer> map = byName;
        if (map == null) {
            map = new HashMap<>();
            for (int i = fields.length - 1; i >= 0; i--) {
                map.put(fields[i].name(), i);
            }
            for (int i = 0; i < fields.length; i++) {
                map.putIfAbsent("\0" + fields[i].name().toLowerCase(Locale.ROOT), i); // the first one wins
            }
            byName = map;
        }
        Integer exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        Integer folded = map.get("\0" + name.toLowerCase(Locale.ROOT));
        return folded == null ? -1 : folded;
    }

    /** The result formats to ask for: binary for every column whose type is worth it (see {@link Codec#prefersBinaryResults()}). */
    public static short[] preferredFormats(Column[] f, CodecRegistry registry) {
        short[] formats = new short[f.length];
        for (int i = 0; i < f.length; i++) {
            formats[i] = (short) (registry.prefersBinaryResults(f[i].typeOid()) ? 1 : 0);
        }
        return formats;
    }
}

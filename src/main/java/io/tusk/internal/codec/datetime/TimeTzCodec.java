package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * {@code timetz} as OffsetTime: int64 microseconds since midnight, then the zone as int32 seconds
 * WEST of UTC (the opposite sign of ZoneOffset: +05:30 is -19800 on the wire). 24:00:00 maps to
 * LocalTime.MAX as for {@code time}. The server accepts offsets up to ±15:59:59.
 */
public final class TimeTzCodec extends Codec {
    private static final int MAX_OFFSET = 16 * 3600 - 1;

    @Override
    public int oid() {
        return Oids.TIMETZ;
    }

    @Override
    public String typeName() {
        return "timetz";
    }

    @Override
    public Class<?> javaType() {
        return OffsetTime.class;
    }

    @Override
    public OffsetTime decodeOffsetTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (!binary) {
            return IsoDateParser.parseTimeTz(utf8(buf, offset, length));
        }
        checkLength(length, 12);
        long micros = BigEndian.getLong(buf, offset);
        int west = BigEndian.getInt(buf, offset + 8);
        if (micros < 0 || micros > PostgresEpoch.MICROS_PER_DAY || Math.abs(west) > MAX_OFFSET) {
            throw CodecErrors.invalidBinary("timetz", micros + " µs, zone " + west + " s");
        }
        return OffsetTime.of(PostgresEpoch.toLocalTime(micros), ZoneOffset.ofTotalSeconds(-west));
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeOffsetTime(buf, offset, length, binary);
    }

    /** The wall-clock time, without its offset. */
    @Override
    public LocalTime decodeLocalTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeOffsetTime(buf, offset, length, binary).toLocalTime();
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        checkLength(length, 12);
        decodeOffsetTime(buf, offset, length, true);
        // from the raw micros, so 24:00:00 prints as the server prints it
        return IsoDateText.formatTimeTz(BigEndian.getLong(buf, offset), -BigEndian.getInt(buf, offset + 8));
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof OffsetTime t && Math.abs(t.getOffset().getTotalSeconds()) <= MAX_OFFSET;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (!(value instanceof OffsetTime t)) {
            throw cannotEncode(value);
        }
        int east = t.getOffset().getTotalSeconds();
        if (Math.abs(east) > MAX_OFFSET) {
            throw CodecErrors.datetimeOutOfRange(t.getOffset(), "time zone displacement", "-15:59:59..+15:59:59",
                    CodecErrors.INVALID_TIME_ZONE_DISPLACEMENT_VALUE);
        }
        byte[] b = new byte[12];
        BigEndian.putLong(b, 0, PostgresEpoch.toMicrosOfDay(t.toLocalTime()));
        BigEndian.putInt(b, 8, -east);
        return b;
    }
}

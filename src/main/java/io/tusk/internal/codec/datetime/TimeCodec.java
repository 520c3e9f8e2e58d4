package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;
import java.time.LocalTime;

/**
 * {@code time} as LocalTime: int64 microseconds since midnight. PostgreSQL allows {@code 24:00:00},
 * which LocalTime cannot hold: it is read as LocalTime.MAX (23:59:59.999999999), and LocalTime.MAX is
 * written as 24:00:00, as pgjdbc does. getString still shows the server's {@code 24:00:00}.
 */
public final class TimeCodec extends Codec {

    @Override
    public int oid() {
        return Oids.TIME;
    }

    @Override
    public String typeName() {
        return "time";
    }

    @Override
    public Class<?> javaType() {
        return LocalTime.class;
    }

    private long micros(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (!binary) {
            return IsoDateParser.parseTimeNanos(utf8(buf, offset, length)) / 1000;
        }
        checkLength(length, 8);
        long micros = BigEndian.getLong(buf, offset);
        if (micros < 0 || micros > PostgresEpoch.MICROS_PER_DAY) {
            throw CodecErrors.invalidBinary("time", micros + " µs (expected: 0.." + PostgresEpoch.MICROS_PER_DAY + ")");
        }
        return micros;
    }

    @Override
    public LocalTime decodeLocalTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return PostgresEpoch.toLocalTime(micros(buf, offset, length, binary));
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLocalTime(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return IsoDateText.formatTime(micros(buf, offset, length, true));
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof LocalTime;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof LocalTime t) {
            return BigEndian.ofLong(PostgresEpoch.toMicrosOfDay(t));
        }
        throw cannotEncode(value);
    }
}

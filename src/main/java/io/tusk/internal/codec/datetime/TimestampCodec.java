package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * {@code timestamp} (without time zone) as LocalDateTime: int64 microseconds since 2000-01-01 00:00,
 * where Long.MAX_VALUE/MIN_VALUE are {@code infinity}/{@code -infinity}, mapped to
 * LocalDateTime.MAX/MIN both ways. BC dates work (Java's year 0 is 1 BC). getObject(LocalDate) and
 * getObject(LocalTime) give its date and time parts; an infinite timestamp's date is LocalDate.MAX/MIN.
 */
public final class TimestampCodec extends Codec {
    static final long POSITIVE_INFINITY = Long.MAX_VALUE;
    static final long NEGATIVE_INFINITY = Long.MIN_VALUE;

    @Override
    public int oid() {
        return Oids.TIMESTAMP;
    }

    @Override
    public String typeName() {
        return "timestamp";
    }

    @Override
    public Class<?> javaType() {
        return LocalDateTime.class;
    }

    @Override
    public LocalDateTime decodeLocalDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (!binary) {
            return IsoDateParser.parseTimestamp(utf8(buf, offset, length));
        }
        checkLength(length, 8);
        long micros = BigEndian.getLong(buf, offset);
        if (micros == POSITIVE_INFINITY) {
            return LocalDateTime.MAX;
        } else if (micros == NEGATIVE_INFINITY) {
            return LocalDateTime.MIN;
        }
        return PostgresEpoch.toLocalDateTime(micros);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLocalDateTime(buf, offset, length, binary);
    }

    @Override
    public LocalDate decodeLocalDate(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLocalDateTime(buf, offset, length, binary).toLocalDate();
    }

    @Override
    public LocalTime decodeLocalTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLocalDateTime(buf, offset, length, binary).toLocalTime();
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        LocalDateTime t = decodeLocalDateTime(buf, offset, length, true);
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        } else if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return IsoDateText.formatTimestamp(t);
    }

    /** LocalDateTime, and LocalDate as its start of day. */
    @Override
    public boolean canEncode(Object value) {
        return value instanceof LocalDateTime || value instanceof LocalDate;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        LocalDateTime t;
        if (value instanceof LocalDateTime ldt) {
            t = ldt;
        } else if (value instanceof LocalDate d) {
            t = d.equals(LocalDate.MAX) ? LocalDateTime.MAX : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
        } else {
            throw cannotEncode(value);
        }
        if (t.equals(LocalDateTime.MAX)) {
            return BigEndian.ofLong(POSITIVE_INFINITY);
        } else if (t.equals(LocalDateTime.MIN)) {
            return BigEndian.ofLong(NEGATIVE_INFINITY);
        }
        return BigEndian.ofLong(PostgresEpoch.toPgMicros(t, "timestamp"));
    }
}

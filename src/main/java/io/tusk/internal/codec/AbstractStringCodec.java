package io.tusk.internal.codec;

import io.tusk.Interval;
import io.tusk.internal.codec.datetime.IsoDateParser;
import io.tusk.internal.codec.datetime.PostgresEpoch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * Base of the codecs whose value is a string (text, varchar, json, unknown types): every typed getter
 * parses that string, as JDBC drivers do for {@code getInt} on a varchar column. Number text is
 * trimmed; an unparsable string is 22P02, a number that does not fit is 22003. Dates and times must
 * be in the ISO form the server prints.
 */
public abstract class AbstractStringCodec extends Codec {

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeString(buf, offset, length, binary);
    }

    @Override
    public Class<?> javaType() {
        return String.class;
    }

    /** {@code 1/0, true/false, t/f, yes/no, y/n, on/off} in any case, the spellings pgjdbc accepts. */
    @Override
    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "yes", "y", "on":
                return true;
            case "0", "false", "f", "no", "n", "off":
                return false;
            default:
                throw CodecErrors.invalidText("boolean", s);
        }
    }

    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        return (int) integral(s, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        return integral(s, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Integer text directly, otherwise any decimal ("1.9" gives 1, "1e20" is out of range). */
    private static long integral(String s, String target, long min, long max) throws SQLException {
        try {
            long v = Long.parseLong(s);
            if (v >= min && v <= max) {
                return v;
            }
            throw CodecErrors.outOfRange(s, target, min, max);
        } catch (NumberFormatException e) {
            return Narrowing.toLong(parseDecimal(s, target), s, target, min, max);
        }
    }

    @Override
    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw CodecErrors.invalidText("double", s);
        }
    }

    @Override
    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        return parseDecimal(s, "java.math.BigDecimal");
    }

    private static BigDecimal parseDecimal(String s, String target) throws SQLException {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw CodecErrors.invalidText(target, s);
        }
    }

    /** The string's UTF-8 bytes. */
    @Override
    public byte[] decodeBytes(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeString(buf, offset, length, binary).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public LocalDate decodeLocalDate(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return IsoDateParser.parseDate(decodeString(buf, offset, length, binary).trim());
    }

    @Override
    public LocalTime decodeLocalTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        long nanos = IsoDateParser.parseTimeNanos(decodeString(buf, offset, length, binary).trim());
        return PostgresEpoch.toLocalTime(nanos / 1000);
    }

    @Override
    public LocalDateTime decodeLocalDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return IsoDateParser.parseTimestamp(decodeString(buf, offset, length, binary).trim());
    }

    /** Normalized to UTC like timestamptz values (see TimestampTzCodec). */
    @Override
    public OffsetDateTime decodeOffsetDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        OffsetDateTime t = IsoDateParser.parseTimestampTz(decodeString(buf, offset, length, binary).trim());
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public OffsetTime decodeOffsetTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return IsoDateParser.parseTimeTz(decodeString(buf, offset, length, binary).trim());
    }

    @Override
    public UUID decodeUuid(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        String s = decodeString(buf, offset, length, binary).trim();
        // UUID.fromString also takes short groups ("1-2-3-4-5"); PostgreSQL's 36-character form is required
        if (s.length() != 36) {
            throw CodecErrors.invalidText("uuid", s);
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw CodecErrors.invalidText("uuid", s);
        }
    }

    @Override
    protected Object convert(Class<?> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (type == Interval.class) {
            String s = decodeString(buf, offset, length, binary);
            try {
                return Interval.parse(s);
            } catch (IllegalArgumentException e) {
                throw CodecErrors.invalidText("interval", s);
            }
        }
        return super.convert(type, buf, offset, length, binary);
    }
}

package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.codec.SessionSettings;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code timestamptz} as OffsetDateTime, always at UTC (as pgjdbc): the server stores an instant, and
 * the offset it prints in text is only the session TimeZone's, so the text form's offset is parsed and
 * then normalized to UTC and both wire formats give equal values. Infinities map to
 * OffsetDateTime.MAX/MIN (Instant.MAX/MIN for getObject(Instant)) and back.
 *
 * <p>getString of a binary value cannot know the session TimeZone the server would print in: it
 * prints UTC with {@code +00} ({@code 2024-01-02 03:04:05+00}). The same instant, a different offset
 * from what psql shows unless TimeZone is UTC.
 *
 * <p>Local date/time getters are refused (42804): which zone to take them in is the facade's decision.
 */
public final class TimestampTzCodec extends Codec {

    @Override
    public int oid() {
        return Oids.TIMESTAMPTZ;
    }

    @Override
    public String typeName() {
        return "timestamptz";
    }

    @Override
    public Class<?> javaType() {
        return OffsetDateTime.class;
    }

    @Override
    public OffsetDateTime decodeOffsetDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (!binary) {
            OffsetDateTime t = IsoDateParser.parseTimestampTz(utf8(buf, offset, length));
            return isInfinite(t) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        checkLength(length, 8);
        long micros = BigEndian.getLong(buf, offset);
        if (micros == TimestampCodec.POSITIVE_INFINITY) {
            return OffsetDateTime.MAX;
        } else if (micros == TimestampCodec.NEGATIVE_INFINITY) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.of(PostgresEpoch.toLocalDateTime(micros), ZoneOffset.UTC);
    }

    private static boolean isInfinite(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeOffsetDateTime(buf, offset, length, binary);
    }

    /** Binary values print in the session's zone, so both wire formats give the server's text. */
    @Override
    public String decodeString(byte[] buf, int offset, int length, boolean binary, SessionSettings session)
            throws SQLException {
        if (!binary || session == null) {
            return decodeString(buf, offset, length, binary);
        }
        OffsetDateTime t = decodeOffsetDateTime(buf, offset, length, true);
        if (isInfinite(t)) {
            return t.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity";
        }
        ZonedDateTime local = t.atZoneSameInstant(session.timeZone());
        return IsoDateText.formatTimestampTz(local.toLocalDateTime(), local.getOffset().getTotalSeconds());
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        OffsetDateTime t = decodeOffsetDateTime(buf, offset, length, true);
        if (isInfinite(t)) {
            return t.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity";
        }
        return IsoDateText.formatTimestampTz(t.toLocalDateTime(), 0);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        Instant instant;
        if (value instanceof OffsetDateTime t) {
            if (isInfinite(t)) {
                return infinity(t.equals(OffsetDateTime.MAX));
            }
            instant = t.toInstant();
        } else if (value instanceof Instant i) {
            if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
                return infinity(i.equals(Instant.MAX));
            }
            instant = i;
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else {
            throw cannotEncode(value);
        }
        return BigEndian.ofLong(PostgresEpoch.toPgMicros(instant, "timestamptz"));
    }

    private static byte[] infinity(boolean positive) {
        return BigEndian.ofLong(positive ? TimestampCodec.POSITIVE_INFINITY : TimestampCodec.NEGATIVE_INFINITY);
    }
}

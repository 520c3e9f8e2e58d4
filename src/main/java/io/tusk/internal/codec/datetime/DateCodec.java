package io.tusk.internal.codec.datetime;

import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code date} as LocalDate: int32 days since 2000-01-01, where Integer.MAX_VALUE/MIN_VALUE are
 * {@code infinity}/{@code -infinity}, mapped to LocalDate.MAX/MIN (and back when encoding).
 * getObject(LocalDateTime) gives the start of the day.
 */
public final class DateCodec extends Codec {
    private static final int POSITIVE_INFINITY = Integer.MAX_VALUE;
    private static final int NEGATIVE_INFINITY = Integer.MIN_VALUE;

    @Override
    public int oid() {
        return Oids.DATE;
    }

    @Override
    public String typeName() {
        return "date";
    }

    @Override
    public Class<?> javaType() {
        return LocalDate.class;
    }

    @Override
    public LocalDate decodeLocalDate(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (!binary) {
            return IsoDateParser.parseDate(utf8(buf, offset, length));
        }
        checkLength(length, 4);
        int days = BigEndian.getInt(buf, offset);
        if (days == POSITIVE_INFINITY) {
            return LocalDate.MAX;
        } else if (days == NEGATIVE_INFINITY) {
            return LocalDate.MIN;
        }
        return PostgresEpoch.toLocalDate(days);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeLocalDate(buf, offset, length, binary);
    }

    @Override
    public LocalDateTime decodeLocalDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        LocalDate date = decodeLocalDate(buf, offset, length, binary);
        if (date.equals(LocalDate.MAX)) {
            return LocalDateTime.MAX;
        } else if (date.equals(LocalDate.MIN)) {
            return LocalDateTime.MIN;
        }
        return date.atStartOfDay();
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        LocalDate date = decodeLocalDate(buf, offset, length, true);
        if (date.equals(LocalDate.MAX)) {
            return "infinity";
        } else if (date.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        return IsoDateText.formatDate(date);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof LocalDate;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (!(value instanceof LocalDate date)) {
            throw cannotEncode(value);
        }
        if (date.equals(LocalDate.MAX)) {
            return BigEndian.ofInt(POSITIVE_INFINITY);
        } else if (date.equals(LocalDate.MIN)) {
            return BigEndian.ofInt(NEGATIVE_INFINITY);
        }
        return BigEndian.ofInt(PostgresEpoch.toPgDays(date));
    }
}

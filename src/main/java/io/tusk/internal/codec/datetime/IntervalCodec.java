package io.tusk.internal.codec.datetime;

import io.tusk.Interval;
import io.tusk.internal.codec.BigEndian;
import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import io.tusk.internal.codec.SessionSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;

/**
 * {@code interval} as {@link Interval}: int64 microseconds, int32 days, int32 months, in that order
 * on the wire. getObject(Duration) and getObject(Period) work when exact (see Interval.toDuration and
 * toPeriod), otherwise 22003. getString of a binary value follows the session's IntervalStyle
 * ({@link IntervalText}), so it equals the text the server would have sent; text results are read in
 * every style (Interval.parse).
 */
public final class IntervalCodec extends Codec {

    @Override
    public int oid() {
        return Oids.INTERVAL;
    }

    @Override
    public String typeName() {
        return "interval";
    }

    @Override
    public Class<?> javaType() {
        return Interval.class;
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeInterval(buf, offset, length, binary);
    }

    private Interval decodeInterval(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 16);
            return new Interval(BigEndian.getInt(buf, offset + 12), BigEndian.getInt(buf, offset + 8),
                    BigEndian.getLong(buf, offset));
        }
        String text = utf8(buf, offset, length);
        try {
            return Interval.parse(text);
        } catch (IllegalArgumentException e) {
            throw CodecErrors.invalidText("interval", text);
        }
    }

    /** Without a session (parameters, tests) the server's default style, {@code postgres}. */
    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return decodeInterval(buf, offset, length, true).toString();
    }

    @Override
    public String decodeString(byte[] buf, int offset, int length, boolean binary, SessionSettings session)
            throws SQLException {
        if (!binary || session == null) {
            return decodeString(buf, offset, length, binary);
        }
        return IntervalText.format(decodeInterval(buf, offset, length, true), session.intervalStyle());
    }

    @Override
    protected Object convert(Class<?> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (type == Duration.class || type == Period.class) {
            Interval interval = decodeInterval(buf, offset, length, binary);
            try {
                return type == Duration.class ? interval.toDuration() : interval.toPeriod();
            } catch (ArithmeticException e) {
                String rule = type == Duration.class ? "no months" : "no time part";
                throw CodecErrors.outOfRange(interval, type.getName(), rule);
            }
        }
        return super.convert(type, buf, offset, length, binary);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Interval || value instanceof Duration || value instanceof Period;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        Interval interval;
        try {
            if (value instanceof Interval i) {
                interval = i;
            } else if (value instanceof Duration d) {
                interval = Interval.of(d);
            } else if (value instanceof Period p) {
                interval = Interval.of(p);
            } else {
                throw cannotEncode(value);
            }
        } catch (ArithmeticException e) {
            throw CodecErrors.outOfRange(value, "interval", "at most 2^31-1 months and 2^63-1 microseconds");
        }
        byte[] b = new byte[16];
        BigEndian.putLong(b, 0, interval.microseconds());
        BigEndian.putInt(b, 8, interval.days());
        BigEndian.putInt(b, 12, interval.months());
        return b;
    }
}

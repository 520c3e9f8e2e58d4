package io.tusk.internal.codec;

import io.tusk.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads and writes the values of one PostgreSQL type. The facade keeps one codec per result column
 * (resolved once per statement) and asks it for exactly the Java type the getter wants, so a getter
 * stays one line and no conversion logic lives in {@code java.sql} classes.
 *
 * <p>Every decode method receives a slice that is exactly one value (never SQL NULL: the caller
 * handles that) and the column's wire format. The defaults here refuse with SQLSTATE 42804: a codec
 * overrides the conversions that make sense for its type. {@link #decodeString} always gives
 * PostgreSQL's own text output, also for a binary value, so {@code getString} does not depend on the
 * wire format.
 *
 * <p>Codecs are immutable and shared by all connections.
 */
public abstract class Codec {

    /** The type's OID, {@code pg_type.oid}. */
    public abstract int oid();

    /** The type's name as in {@code pg_type.typname}, e.g. {@code "int4"}. */
    public abstract String typeName();

    /** True when this codec reads and writes the binary format (parameters and results). */
    public boolean supportsBinary() {
        return true;
    }

    /**
     * True when results of this type are worth requesting in binary format. Not for types whose
     * binary form is their text (text, varchar, json) or as small (bool): reading them costs the
     * same either way, while every binary value costs the server a 1 KB send buffer in its per-row
     * memory context, and a row with many binary values makes it allocate a new block for every
     * row (measured: 10% of the server's time for a 10-column result with text and bool in binary).
     */
    public boolean prefersBinaryResults() {
        return supportsBinary();
    }

    /** The class {@link #decodeObject} returns. */
    public abstract Class<?> javaType();

    // ---- decoding ---------------------------------------------------------------------------

    /** The value as {@link #javaType()}, for {@code getObject}. */
    public abstract Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException;

    /** The text the server prints for this value (its output function, DateStyle ISO). */
    public String decodeString(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return binary ? formatBinary(buf, offset, length) : new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #decodeString(byte[], int, int, boolean)}, for types whose text depends on the
     * session (timestamptz prints in the session's TimeZone, interval in its IntervalStyle): a binary
     * value is printed as the server would print it with {@code session}'s settings. Other types
     * ignore them.
     */
    public String decodeString(byte[] buf, int offset, int length, boolean binary, SessionSettings session)
            throws SQLException {
        return decodeString(buf, offset, length, binary);
    }

    /** The server's text output for a binary value; also renders encoded parameters for {@link #encodeText}. */
    protected abstract String formatBinary(byte[] buf, int offset, int length) throws SQLException;

    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(boolean.class);
    }

    public byte decodeByte(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return Narrowing.toByte(decodeInt(buf, offset, length, binary));
    }

    public short decodeShort(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return Narrowing.toShort(decodeInt(buf, offset, length, binary));
    }

    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(int.class);
    }

    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(long.class);
    }

    public float decodeFloat(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return Narrowing.toFloat(decodeDouble(buf, offset, length, binary));
    }

    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(double.class);
    }

    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(BigDecimal.class);
    }

    public byte[] decodeBytes(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(byte[].class);
    }

    public LocalDate decodeLocalDate(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(LocalDate.class);
    }

    public LocalTime decodeLocalTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(LocalTime.class);
    }

    public LocalDateTime decodeLocalDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(LocalDateTime.class);
    }

    public OffsetDateTime decodeOffsetDateTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(OffsetDateTime.class);
    }

    public OffsetTime decodeOffsetTime(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(OffsetTime.class);
    }

    public UUID decodeUuid(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        throw cannotConvert(UUID.class);
    }

    /**
     * The value as {@code type}, for {@code getObject(column, type)}: boxed primitives (a primitive
     * class means its box), String, BigDecimal, BigInteger, byte[], UUID, the java.time types,
     * {@link Interval}, and any supertype of {@link #javaType()}.
     */
    public <T> T decode(Class<T> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        @SuppressWarnings("unchecked")
        Class<T> boxed = type.isPrimitive() ? (Class<T>) Boxes.of(type) : type;
        return boxed.cast(convert(boxed, buf, offset, length, binary));
    }

    /**
     * One branch per target; codecs with extra targets (interval to Duration) override and call super.
     * The javaType itself goes through its typed method too: numeric's NaN is a Double, so
     * getObject(BigDecimal) on it must fail in decodeBigDecimal rather than in a cast.
     */
    protected Object convert(Class<?> type, byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (type == Object.class) {
            return decodeObject(buf, offset, length, binary);
        } else if (type == String.class) {
            return decodeString(buf, offset, length, binary);
        } else if (type == Integer.class) {
            return decodeInt(buf, offset, length, binary);
        } else if (type == Long.class) {
            return decodeLong(buf, offset, length, binary);
        } else if (type == Boolean.class) {
            return decodeBoolean(buf, offset, length, binary);
        } else if (type == Double.class) {
            return decodeDouble(buf, offset, length, binary);
        } else if (type == Float.class) {
            return decodeFloat(buf, offset, length, binary);
        } else if (type == Short.class) {
            return decodeShort(buf, offset, length, binary);
        } else if (type == Byte.class) {
            return decodeByte(buf, offset, length, binary);
        } else if (type == BigDecimal.class) {
            return decodeBigDecimal(buf, offset, length, binary);
        } else if (type == BigInteger.class) {
            return decodeBigDecimal(buf, offset, length, binary).toBigInteger();
        } else if (type == byte[].class) {
            return decodeBytes(buf, offset, length, binary);
        } else if (type == UUID.class) {
            return decodeUuid(buf, offset, length, binary);
        } else if (type == LocalDate.class) {
            return decodeLocalDate(buf, offset, length, binary);
        } else if (type == LocalTime.class) {
            return decodeLocalTime(buf, offset, length, binary);
        } else if (type == LocalDateTime.class) {
            return decodeLocalDateTime(buf, offset, length, binary);
        } else if (type == OffsetDateTime.class) {
            return decodeOffsetDateTime(buf, offset, length, binary);
        } else if (type == OffsetTime.class) {
            return decodeOffsetTime(buf, offset, length, binary);
        } else if (type == Instant.class || type == ZonedDateTime.class) {
            OffsetDateTime t;
            try {
                t = decodeOffsetDateTime(buf, offset, length, binary);
            } catch (SQLException e) {
                // name the type the caller asked for, not the one it is derived from
                throw CodecErrors.DATATYPE_MISMATCH.equals(e.getSQLState()) ? cannotConvert(type) : e;
            }
            return type == Instant.class ? toInstant(t) : t.toZonedDateTime();
        }
        // Interval, and any supertype of javaType(): the natural value, if it is one
        Object value = decodeObject(buf, offset, length, binary);
        if (type.isInstance(value)) {
            return value;
        }
        throw cannotConvert(type);
    }

    /** OffsetDateTime.MAX/MIN stand for ±infinity; their offsets put them outside Instant's range. */
    private static Instant toInstant(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        } else if (value.equals(OffsetDateTime.MIN)) {
            return Instant.MIN;
        }
        return value.toInstant();
    }

    // ---- encoding ---------------------------------------------------------------------------

    /** True for the Java types that map naturally to this type, with a value in its range. */
    public abstract boolean canEncode(Object value);

    /**
     * The value in binary format, ready to be a Bind parameter. Besides the types {@link #canEncode}
     * accepts, a {@code String} is read as this type's text (PostgreSQL's output syntax).
     *
     * @throws SQLException 22003 for a value out of range, 42804 for a Java type that does not map
     */
    public byte[] encodeBinary(Object value) throws SQLException {
        Objects.requireNonNull(value, "value (SQL NULL is the caller's business)");
        if (value instanceof String s && !canEncode(s)) {
            // input functions ignore surrounding blanks; the output parsers do not expect any
            byte[] text = s.trim().getBytes(StandardCharsets.UTF_8);
            value = decodeObject(text, 0, text.length, false);
        }
        return encode(value);
    }

    /**
     * The value in PostgreSQL's input syntax, for a parameter sent in text format. A String is passed
     * through unchanged: it is taken to be input syntax already and the server parses it.
     */
    public String encodeText(Object value) throws SQLException {
        Objects.requireNonNull(value, "value (SQL NULL is the caller's business)");
        if (value instanceof String s) {
            return s;
        }
        // the server's output syntax is valid input, and formatBinary already produces it
        byte[] b = encode(value);
        return formatBinary(b, 0, b.length);
    }

    /** Binary encoding of a value of a type this codec accepts; anything else is {@link #cannotEncode}. */
    protected abstract byte[] encode(Object value) throws SQLException;

    // ---- helpers for subclasses -------------------------------------------------------------

    protected final SQLException cannotConvert(Class<?> target) {
        return CodecErrors.cannotConvert(typeName(), target);
    }

    protected final SQLException cannotEncode(Object value) {
        return CodecErrors.cannotEncode(value, typeName());
    }

    /** A binary value of a fixed-size type must have exactly that size; anything else is a corrupt row. */
    protected final void checkLength(int length, int expected) throws SQLException {
        if (length != expected) {
            throw CodecErrors.invalidBinary(typeName(), length + " bytes (expected: " + expected + ")");
        }
    }

    protected static String utf8(byte[] buf, int offset, int length) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + typeName() + ", oid " + oid() + "]";
    }

    /** Primitive classes to their boxes, for {@code decode(int.class, …)}. */
    private static final class Boxes {
        static Class<?> of(Class<?> primitive) {
            if (primitive == int.class) {
                return Integer.class;
            } else if (primitive == long.class) {
                return Long.class;
            } else if (primitive == boolean.class) {
                return Boolean.class;
            } else if (primitive == double.class) {
                return Double.class;
            } else if (primitive == float.class) {
                return Float.class;
            } else if (primitive == short.class) {
                return Short.class;
            } else if (primitive == byte.class) {
                return Byte.class;
            } else if (primitive == char.class) {
                return Character.class;
            }
            return Void.class;
        }
    }
}

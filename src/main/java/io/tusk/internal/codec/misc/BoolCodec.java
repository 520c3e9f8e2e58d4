package io.tusk.internal.codec.misc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code bool} as Boolean; the server prints {@code t}/{@code f}. Number getters give 1 and 0, as
 * in pgjdbc. Text input follows the server's boolin: any prefix of true/false/yes/no, on/off, 1/0.
 */
public final class BoolCodec extends Codec {
    private static final byte[] TRUE = {1};
    private static final byte[] FALSE = {0};

    @Override
    public int oid() {
        return Oids.BOOL;
    }

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public boolean decodeBoolean(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        if (binary) {
            checkLength(length, 1);
            return buf[offset] != 0;
        }
        if (length == 1 && (buf[offset] == 't' || buf[offset] == 'f')) {
            return buf[offset] == 't';
        }
        return parse(utf8(buf, offset, length));
    }

    /** The server's boolin rules, for strings users pass as parameters. */
    private static boolean parse(String text) throws SQLException {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
                return true;
            } else if ("false".startsWith(s) || "no".startsWith(s) || s.equals("off") || s.equals("of")
                    || s.equals("0")) {
                return false;
            }
        }
        throw CodecErrors.invalidText("boolean", text);
    }

    @Override
    public Object decodeObject(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeBoolean(buf, offset, length, binary);
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        return decodeBoolean(buf, offset, length, true) ? "t" : "f";
    }

    @Override
    public int decodeInt(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeBoolean(buf, offset, length, binary) ? 1 : 0;
    }

    @Override
    public long decodeLong(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeInt(buf, offset, length, binary);
    }

    @Override
    public double decodeDouble(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeInt(buf, offset, length, binary);
    }

    @Override
    public BigDecimal decodeBigDecimal(byte[] buf, int offset, int length, boolean binary) throws SQLException {
        return decodeBoolean(buf, offset, length, binary) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Boolean;
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof Boolean b) {
            return (b ? TRUE : FALSE).clone();
        }
        throw cannotEncode(value);
    }

    /** Text results: one byte in both forms; see {@link io.tusk.internal.codec.Codec#prefersBinaryResults()}. */
    @Override
    public boolean prefersBinaryResults() {
        return false;
    }
}

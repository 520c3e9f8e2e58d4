package io.tusk.internal.codec.text;

import io.tusk.internal.codec.AbstractStringCodec;
import io.tusk.internal.codec.CodecErrors;
import io.tusk.internal.codec.Oids;
import java.sql.SQLException;

/**
 * The one-byte {@code "char"} type (OID 18, used by the catalogs: {@code pg_class.relkind}), not SQL's
 * {@code char(n)} (that is bpchar). Its binary form is the raw byte. The text is what servers 15+
 * print: an empty string for byte 0, the character for ASCII, and {@code \ooo} octal for bytes 128
 * and up (older servers send such a byte unescaped, which is not valid UTF-8).
 */
public final class CharCodec extends AbstractStringCodec {

    @Override
    public int oid() {
        return Oids.CHAR;
    }

    @Override
    public String typeName() {
        return "char";
    }

    @Override
    protected String formatBinary(byte[] buf, int offset, int length) throws SQLException {
        checkLength(length, 1);
        int b = buf[offset] & 0xFF;
        if (b == 0) {
            return "";
        } else if (b < 128) {
            return String.valueOf((char) b);
        }
        return "\\" + (b >> 6) + ((b >> 3) & 7) + (b & 7);
    }

    @Override
    public boolean canEncode(Object value) {
        if (value instanceof Character c) {
            return c < 128;
        }
        return value instanceof String s && (s.length() <= 1 && (s.isEmpty() || s.charAt(0) < 128) || isOctal(s));
    }

    private static boolean isOctal(String s) {
        return s.length() == 4 && s.charAt(0) == '\\' && s.charAt(1) >= '0' && s.charAt(1) <= '3'
                && s.charAt(2) >= '0' && s.charAt(2) <= '7' && s.charAt(3) >= '0' && s.charAt(3) <= '7';
    }

    @Override
    protected byte[] encode(Object value) throws SQLException {
        if (value instanceof Character || value instanceof String) {
            if (!canEncode(value)) {
                throw CodecErrors.tooLong(value, "\"char\"", "one ASCII character, or \\ooo octal for one byte");
            }
            String s = value.toString();
            if (s.isEmpty()) {
                return new byte[] {0};
            }
            return new byte[] {(byte) (s.length() == 4 ? Integer.parseInt(s.substring(1), 8) : s.charAt(0))};
        }
        throw cannotEncode(value);
    }
}

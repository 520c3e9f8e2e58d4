package io.tusk.internal.codec.binary;

import io.tusk.internal.codec.CodecErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * bytea's two text forms: hex ({@code \x0102ff}, the default bytea_output since 9.0) and escape
 * (printable ASCII as itself, {@code \\} for a backslash, {@code \ooo} octal for anything else).
 */
public final class ByteaText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteaText() {
    }

    /** {@code \x} and two lowercase hex digits per byte, as the server prints it. */
    public static String formatHex(byte[] buf, int offset, int length) {
        char[] out = new char[2 + 2 * length];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < length; i++) {
            int b = buf[offset + i] & 0xFF;
            out[2 + 2 * i] = HEX[b >> 4];
            out[3 + 2 * i] = HEX[b & 0xF];
        }
        return new String(out);
    }

    /** Either form, read from the raw text bytes (both are pure ASCII). */
    public static byte[] parse(byte[] buf, int offset, int length) throws SQLException {
        if (length >= 2 && buf[offset] == '\\' && buf[offset + 1] == 'x') {
            return parseHex(buf, offset, length);
        }
        return parseEscape(buf, offset, length);
    }

    private static byte[] parseHex(byte[] buf, int offset, int length) throws SQLException {
        byte[] out = new byte[(length - 2) / 2];
        int n = 0;
        for (int i = offset + 2, end = offset + length; i < end; ) {
            // the server's input allows whitespace between byte pairs
            if (Character.isWhitespace(buf[i])) {
                i++;
                continue;
            }
            int hi = i + 1 < end ? Character.digit(buf[i], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(buf[i + 1], 16);
            if (lo < 0) {
                throw invalid(buf, offset, length);
            }
            out[n++] = (byte) (hi << 4 | lo);
            i += 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] parseEscape(byte[] buf, int offset, int length) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = offset, end = offset + length; i < end; ) {
            byte b = buf[i];
            if (b != '\\') {
                out.write(b);
                i++;
            } else if (i + 1 < end && buf[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < end && isOctal(buf[i + 1], '3') && isOctal(buf[i + 2], '7') && isOctal(buf[i + 3], '7')) {
                out.write((buf[i + 1] - '0') << 6 | (buf[i + 2] - '0') << 3 | (buf[i + 3] - '0'));
                i += 4;
            } else {
                throw invalid(buf, offset, length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b, char max) {
        return b >= '0' && b <= max;
    }

    private static SQLException invalid(byte[] buf, int offset, int length) {
        return CodecErrors.invalidText("bytea", new String(buf, offset, length, StandardCharsets.UTF_8));
    }
}

package io.tusk.internal.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Decodes {@code %XX} escapes in one part of a URL as UTF-8. Written here rather than using
 * {@link java.net.URLDecoder} because that one turns {@code +} into a space everywhere, which is
 * wrong in a URL's path and in libpq URIs, and because errors must name the position, never the
 * text (it may be a password).
 */
final class PercentDecoder {

    private PercentDecoder() {
    }

    /**
     * @param what        names the part in error messages ("database name", "value of password")
     * @param plusIsSpace whether {@code +} means a space (HTML form encoding, as in pgjdbc's query string)
     */
    static String decode(String url, int from, int to, boolean plusIsSpace, String what) throws SQLException {
        StringBuilder out = null;
        ByteArrayOutputStream bytes = null;
        int bytesStart = -1;
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw ConnectionUrl.malformed("incomplete percent-encoding in the " + what, i);
                }
                int hi = Character.digit(url.charAt(i + 1), 16);
                int lo = Character.digit(url.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ConnectionUrl.malformed("invalid percent-encoding in the " + what
                            + " (expected: % followed by two hexadecimal digits)", i);
                }
                if (out == null) {
                    out = new StringBuilder(to - from).append(url, from, i);
                }
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                    bytesStart = i;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
                continue;
            }
            if (bytes != null) {
                out.append(utf8(bytes, bytesStart, what));
                bytes = null;
            }
            if (c == '+' && plusIsSpace) {
                if (out == null) {
                    out = new StringBuilder(to - from).append(url, from, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        if (bytes != null) {
            out.append(utf8(bytes, bytesStart, what));
        }
        return out == null ? url.substring(from, to) : out.toString();
    }

    private static String utf8(ByteArrayOutputStream bytes, int index, String what) throws SQLException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ConnectionUrl.malformed("percent-encoded bytes in the " + what + " are not valid UTF-8", index);
        }
    }
}

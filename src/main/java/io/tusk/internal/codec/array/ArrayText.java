package io.tusk.internal.codec.array;

import io.tusk.internal.codec.CodecErrors;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads PostgreSQL's array text ({@code array_in}'s syntax): {@code {1,2,NULL}}, nested braces for more
 * dimensions, an optional {@code [lo:hi]...=} prefix for lower bounds other than 1. An element is
 * unquoted (surrounding blanks dropped, the bare word NULL in any case is SQL NULL) or double-quoted;
 * a backslash takes the next character literally in both. Only the ',' delimiter is read: every type
 * with a codec here uses it (box, with ';', has none). The scan works on the UTF-8 bytes, as every byte
 * with a meaning here is ASCII and no byte of a multi-byte character is; an element without escapes is
 * handed to its codec as a slice of the input.
 */
final class ArrayText {
    private final byte[] buf;
    private final int start;
    private final int end;
    private final String typeName;
    private final ElementReader reader;
    private final List<Object> elements = new ArrayList<>();
    private final int[] dims = new int[ArrayContents.MAX_DIMENSIONS];
    private final boolean[] seen = new boolean[ArrayContents.MAX_DIMENSIONS];
    /** The level elements were found at plus one; -1 until the first element. */
    private int ndim = -1;
    private int deepest;
    private int pos;

    private ArrayText(byte[] buf, int offset, int length, String typeName, ElementReader reader) {
        this.buf = buf;
        this.start = offset;
        this.end = offset + length;
        this.typeName = typeName;
        this.reader = reader;
        this.pos = offset;
    }

    /** @param typeName the array type's name, for messages */
    static ArrayContents parse(byte[] buf, int offset, int length, String typeName, ElementReader reader)
            throws SQLException {
        return new ArrayText(buf, offset, length, typeName, reader).parse();
    }

    private ArrayContents parse() throws SQLException {
        skipSpace();
        List<int[]> bounds = new ArrayList<>();
        while (pos < end && buf[pos] == '[') {
            pos++;
            int lo = number();
            int hi = lo;
            if (skipSpace() == ':') {
                pos++;
                hi = number();
            } else {
                lo = 1;
            }
            expect(']');
            bounds.add(new int[] {lo, hi});
        }
        if (!bounds.isEmpty()) {
            expect('=');
        }
        expect('{');
        level(0);
        if (skipSpace() != -1) {
            throw malformed("junk after closing right brace");
        }
        int n = Math.max(ndim, 0);
        int[] lower = ArrayContents.defaultBounds(n);
        boolean fits = bounds.isEmpty() || bounds.size() == n;
        for (int i = 0; fits && i < bounds.size(); i++) {
            lower[i] = bounds.get(i)[0];
            fits = bounds.get(i)[1] - lower[i] + 1L == dims[i];
        }
        if (!fits) {
            throw malformed("specified array dimensions do not match array contents");
        }
        return n == 0 || elements.isEmpty() ? ArrayContents.EMPTY
                : new ArrayContents(Arrays.copyOf(dims, n), lower, elements.toArray());
    }

    /** One brace level, the opening brace just read. */
    private void level(int depth) throws SQLException {
        int count = 0;
        if (skipSpace() == '}') {
            pos++;
        } else {
            int c;
            do {
                if (skipSpace() == '{') {
                    if (depth + 1 == ArrayContents.MAX_DIMENSIONS || ndim != -1 && depth + 1 >= ndim) {
                        throw malformed(depth + 1 == ArrayContents.MAX_DIMENSIONS ? "more than "
                                + ArrayContents.MAX_DIMENSIONS + " dimensions" : "unexpected \"{\"");
                    }
                    pos++;
                    deepest = Math.max(deepest, depth + 1);
                    level(depth + 1);
                } else {
                    if (ndim == -1 ? deepest > depth : ndim != depth + 1) {
                        throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
                    }
                    ndim = depth + 1;
                    element();
                }
                count++;
                skipSpace();
                c = pos < end ? buf[pos++] : -1;
            } while (c == ',');
            if (c != '}') {
                throw malformed("expected \",\" or \"}\"");
            }
        }
        if (seen[depth] && dims[depth] != count) {
            throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
        }
        seen[depth] = true;
        dims[depth] = count;
    }

    private void element() throws SQLException {
        boolean quoted = pos < end && buf[pos] == '"';
        int from = quoted ? ++pos : pos;
        int to = pos;
        boolean escaped = false;
        while (pos < end) {
            byte b = buf[pos];
            if (quoted ? b == '"' : b == ',' || b == '}') {
                break;
            } else if (!quoted && (b == '{' || b == '"')) {
                throw malformed("unexpected \"" + (char) b + "\"");
            } else if (b == '\\') {
                escaped = true;
                pos += 2;
                to = pos;
            } else {
                pos++;
                to = quoted || !ArrayTextWriter.isSpace(b) ? pos : to;
            }
        }
        if (pos >= end) {
            throw malformed(quoted ? "unterminated quoted element" : "unexpected end of input");
        } else if (quoted) {
            pos++;
        } else if (to == from) {
            throw malformed("empty element (expected: a value, NULL or \"\")");
        }
        if (!quoted && !escaped && to - from == 4 && new String(buf, from, 4, StandardCharsets.US_ASCII)
                .equalsIgnoreCase("NULL")) {
            elements.add(null);
        } else if (!escaped) {
            elements.add(reader.read(buf, from, to - from, false));
        } else {
            byte[] plain = new byte[to - from];
            int n = 0;
            for (int i = from; i < to; i++) {
                plain[n++] = buf[i] == '\\' ? buf[++i] : buf[i];
            }
            elements.add(reader.read(plain, 0, n, false));
        }
    }

    private int number() throws SQLException {
        int from = skipSpace() == '-' ? pos++ : pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
        try {
            return Integer.parseInt(new String(buf, from, pos - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw malformed("array bound is not an integer");
        }
    }

    private void expect(char c) throws SQLException {
        if (skipSpace() != c) {
            throw malformed("expected \"" + c + "\"");
        }
        pos++;
    }

    /** Skips blanks; the byte now under the cursor, or -1 at the end. */
    private int skipSpace() {
        while (pos < end && ArrayTextWriter.isSpace(buf[pos])) {
            pos++;
        }
        return pos < end ? buf[pos] : -1;
    }

    private SQLException malformed(String problem) {
        String text = new String(buf, start, end - start, StandardCharsets.UTF_8);
        return new SQLDataException("malformed array literal for " + typeName + ": \""
                + (text.length() <= 64 ? text : text.substring(0, 64) + "…") + "\" (" + problem + ")",
                CodecErrors.INVALID_TEXT_REPRESENTATION);
    }
}

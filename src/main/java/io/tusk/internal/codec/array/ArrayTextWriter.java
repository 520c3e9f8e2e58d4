package io.tusk.internal.codec.array;

/**
 * Writes an array as PostgreSQL's {@code array_out} prints it, so {@code getString} of a binary array
 * is the server's own text: {@code {1,2,NULL}}, nested braces for more dimensions, and a
 * {@code [lo:hi]...=} prefix only when a lower bound is not 1. An element is double-quoted when it is
 * empty, is the word NULL in any case, or holds a double quote, a backslash, a brace, the delimiter or
 * a blank; inside the quotes a double quote and a backslash get a backslash.
 */
final class ArrayTextWriter {
    private ArrayTextWriter() {
    }

    /** @param contents elements already in their type's text, null for SQL NULL */
    static String write(ArrayContents contents) {
        int ndim = contents.dims.length;
        if (ndim == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder(2 + contents.elements.length * 8);
        boolean decorated = false;
        for (int lower : contents.lowerBounds) {
            decorated |= lower != 1;
        }
        for (int i = 0; decorated && i < ndim; i++) {
            long upper = (long) contents.lowerBounds[i] + contents.dims[i] - 1;
            sb.append('[').append(contents.lowerBounds[i]).append(':').append(upper).append(']');
        }
        if (decorated) {
            sb.append('=');
        }
        level(sb, contents, 0, new int[1]);
        return sb.toString();
    }

    private static void level(StringBuilder sb, ArrayContents contents, int depth, int[] next) {
        sb.append('{');
        for (int i = 0; i < contents.dims[depth]; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (depth < contents.dims.length - 1) {
                level(sb, contents, depth + 1, next);
            } else {
                element(sb, (String) contents.elements[next[0]++]);
            }
        }
        sb.append('}');
    }

    static void element(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("NULL");
        } else if (!needsQuotes(s)) {
            sb.append(s);
        } else {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
        }
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    /** array_isspace: the blanks PostgreSQL skips around elements, and so quotes inside them. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}

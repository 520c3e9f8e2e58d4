package io.tusk.internal.codec.composite;

import java.util.List;

/**
 * Writes a composite value as PostgreSQL's {@code record_out} prints it, which {@code record_in}
 * reads back: {@code (1,"a b",)}. A NULL field is left empty with no quotes, which is why an empty
 * string has to be written {@code ""}. A field is double-quoted when it is empty or holds a
 * parenthesis, a comma, a double quote, a backslash or a blank; inside the quotes a double quote and
 * a backslash are doubled (record_in also takes a backslash escape, but doubling is what the server
 * prints, so a value written here compares equal to the server's text of it).
 *
 * <pre>{@code
 * CompositeTextWriter.write(Arrays.asList("1", "a b", null, ""))   // (1,"a b",,"")
 * }</pre>
 */
public final class CompositeTextWriter {
    private CompositeTextWriter() {
    }

    /** @param fields each field already in its type's text, null for SQL NULL */
    public static String write(List<String> fields) {
        StringBuilder sb = new StringBuilder(2 + fields.size() * 8);
        sb.append('(');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String field = fields.get(i);
            if (field != null) {
                field(sb, field);
            }
        }
        return sb.append(')').toString();
    }

    private static void field(StringBuilder sb, String s) {
        if (!needsQuotes(s)) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    /** The characters C's isspace() takes in the C locale, as record_out tests with it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}

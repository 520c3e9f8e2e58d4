package io.tusk.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns pgjdbc's {@code currentSchema} into a {@code search_path} startup parameter value.
 *
 * <p>pgjdbc sends the text unchanged, so {@code currentSchema=MySchema} means {@code myschema}
 * (unquoted names fold to lower case) and {@code "MySchema"} keeps the case; Tusk keeps exactly
 * that meaning for every value pgjdbc can connect with. A name the server could not read unquoted
 * (one with a space or a double quote inside) is quoted instead of failing the connection.
 */
final class SearchPath {

    private SearchPath() {
    }

    /** The search_path value, or {@code null} when the list names no schema. */
    static String fromCurrentSchema(String value) {
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i < n && value.charAt(i) == '"') {
                int close = closingQuote(value, i + 1);
                if (close >= 0) {
                    int comma = value.indexOf(',', close + 1);
                    int end = comma < 0 ? n : comma;
                    if (value.substring(close + 1, end).isBlank()) {
                        names.add(value.substring(i, close + 1)); // already a quoted identifier
                        i = end + 1;
                        continue;
                    }
                }
            }
            int comma = value.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            String name = value.substring(i, end).trim();
            if (!name.isEmpty()) {
                names.add(needsQuotes(name) ? quote(name) : name);
            }
            i = end + 1;
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** Index of the quote that closes an identifier starting at {@code from} ({@code ""} is an escaped quote), or -1. */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean needsQuotes(String name) {
        return name.chars().anyMatch(c -> c == '"' || Character.isWhitespace(c));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

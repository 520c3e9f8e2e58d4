package io.tusk.internal.sql;

/**
 * Token boundaries of PostgreSQL's lexer (scan.l), as far as the driver needs them: where a
 * quoted string, quoted identifier, comment, dollar-quoted string, identifier or number ends.
 * Every method takes the position just past a token's opening and returns the position just past
 * its end, or the input length when the token is not terminated (the server reports that; the
 * driver only has to avoid seeing placeholders in it); an unclosed block comment gives -1 so the
 * caller can keep it instead of dropping it as a trailing comment.
 *
 * <p>Assumes {@code standard_conforming_strings = on} (the default since PostgreSQL 9.1): a
 * backslash is an ordinary character in {@code '...'} and only escapes in {@code E'...'}.
 */
final class SqlLexer {
    private SqlLexer() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's {@code ident_start}: letters, underscore and every non-ASCII character. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's {@code ident_cont}: also digits and {@code $} ({@code a$b} is one identifier). */
    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    /** A dollar-quote tag character: like an identifier, but without {@code $}. */
    private static boolean isTagPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    static int skipSpace(String s, int p) {
        int n = s.length();
        while (p < n && isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Position after the identifier (or keyword) whose second character is at {@code p}. */
    static int identEnd(String s, int p) {
        int n = s.length();
        while (p < n && isIdentPart(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /**
     * Position after a numeric literal whose second character is at {@code p}. Letters, digits,
     * {@code _} and {@code .} are taken together ({@code 1.5e10}, {@code 0x1F}, {@code 1_000});
     * {@code $} is not, so {@code 1$$x$$} is a number followed by a dollar-quoted string.
     */
    static int numberEnd(String s, int p) {
        int n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (isTagPart(c) || c == '.') {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    /**
     * Position after a {@code '...'} string or {@code "..."} identifier whose body starts at
     * {@code p}; a doubled quote character stands for itself.
     */
    static int skipQuoted(String s, int p, char quote) {
        int n = s.length();
        while (p < n) {
            int q = s.indexOf(quote, p);
            if (q < 0) {
                return n;
            }
            if (q + 1 < n && s.charAt(q + 1) == quote) {
                p = q + 2;
            } else {
                return q + 1;
            }
        }
        return n;
    }

    /** Position after an {@code E'...'} string whose body starts at {@code p}. */
    static int skipEscapeString(String s, int p) {
        int n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\\') {
                p += 2;
            } else if (c == '\'') {
                if (p + 1 < n && s.charAt(p + 1) == '\'') {
                    p += 2;
                } else {
                    return p + 1;
                }
            } else {
                p++;
            }
        }
        return n;
    }

    /** Position of the line break ending a {@code --} comment whose body starts at {@code p}. */
    static int skipLineComment(String s, int p) {
        int n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return n;
    }

    /**
     * Position after a {@code /* ... *}{@code /} comment (they nest) whose body starts at
     * {@code p}, or -1 when it is not closed.
     */
    static int skipBlockComment(String s, int p) {
        int n = s.length();
        int level = 1;
        while (p < n - 1) {
            char c = s.charAt(p);
            if (c == '*' && s.charAt(p + 1) == '/') {
                if (--level == 0) {
                    return p + 2;
                }
                p += 2;
            } else if (c == '/' && s.charAt(p + 1) == '*') {
                level++;
                p += 2;
            } else {
                p++;
            }
        }
        return -1;
    }

    /**
     * If a dollar-quote opening delimiter ({@code $$} or {@code $tag$}) starts at {@code p} (a
     * {@code $}), the position of its closing {@code $}; otherwise -1 ({@code $1} is a parameter,
     * not a quote, and a tag cannot start with a digit).
     */
    static int dollarTagEnd(String s, int p) {
        int n = s.length();
        int q = p + 1;
        if (q >= n) {
            return -1;
        }
        char c = s.charAt(q);
        if (c == '$') {
            return q;
        }
        if (!isIdentStart(c)) {
            return -1;
        }
        q++;
        while (q < n && isTagPart(s.charAt(q))) {
            q++;
        }
        return q < n && s.charAt(q) == '$' ? q : -1;
    }

    /**
     * Position after the closing delimiter of a dollar-quoted string whose body starts at
     * {@code p} and whose opening delimiter is {@code s[tagStart, tagStart + tagLength)}.
     */
    static int skipDollarBody(String s, int p, int tagStart, int tagLength) {
        int n = s.length();
        while (true) {
            int q = s.indexOf('$', p);
            if (q < 0) {
                return n;
            }
            if (s.regionMatches(q, s, tagStart, tagLength)) {
                return q + tagLength;
            }
            p = q + 1;
        }
    }

    /** Whether {@code s[start, start + length)} is {@code keyword} (upper case), ignoring case. */
    static boolean isKeyword(String s, int start, int length, String keyword) {
        return length == keyword.length() && s.regionMatches(true, start, keyword, 0, length);
    }
}

package io.tusk;

import java.util.Map;

/**
 * Every field of an ErrorResponse or NoticeResponse sent by the server. Fields the server did
 * not send are {@code null}; {@link #fields()} keeps all of them by their protocol code, including
 * codes this version of the driver does not know.
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     if (e instanceof HasServerError s && "23505".equals(s.serverError().code())) {
 *         log.warn("duplicate key, constraint {}", s.serverError().constraint());
 *     }
 * }
 * }</pre>
 *
 * @param fields all fields by their one-byte protocol code (for example {@code 'C'} for the code)
 */
public record ServerError(Map<Character, String> fields) {

    public ServerError {
        fields = Map.copyOf(fields);
    }

    /** Localized severity ({@code ERROR}, {@code FATAL}, {@code PANIC}, {@code WARNING}, {@code NOTICE} …). */
    public String severity() { return fields.get('S'); }

    /** Severity that is never localized (servers 9.6+), else the localized one. */
    public String severityNonLocalized() {
        String v = fields.get('V');
        return v != null ? v : severity();
    }

    /** The SQLSTATE code. */
    public String code() { return fields.get('C'); }

    public String message() { return fields.get('M'); }

    public String detail() { return fields.get('D'); }

    public String hint() { return fields.get('H'); }

    /** Position in the query text (1-based, in characters), or {@code null}. */
    public String position() { return fields.get('P'); }

    public String internalPosition() { return fields.get('p'); }

    public String internalQuery() { return fields.get('q'); }

    public String where() { return fields.get('W'); }

    public String schema() { return fields.get('s'); }

    public String table() { return fields.get('t'); }

    public String column() { return fields.get('c'); }

    public String dataType() { return fields.get('d'); }

    public String constraint() { return fields.get('n'); }

    public String file() { return fields.get('F'); }

    public String line() { return fields.get('L'); }

    public String routine() { return fields.get('R'); }

    /** One line in the form psql prints: {@code ERROR: message}, with detail and hint when present. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity() == null ? "ERROR" : severity()).append(": ").append(message());
        if (detail() != null) sb.append("\n  Detail: ").append(detail());
        if (hint() != null) sb.append("\n  Hint: ").append(hint());
        if (position() != null) sb.append("\n  Position: ").append(position());
        return sb.toString();
    }
}

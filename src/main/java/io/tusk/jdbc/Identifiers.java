package io.tusk.jdbc;

/** Quoting of SQL identifiers and literals for the statements the facade writes itself. */
final class Identifiers {
    private Identifiers() {
    }

    /** {@code "name"} with embedded quotes doubled. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code E'text'}: an escape string, so it reads the same whatever standard_conforming_strings is. */
    static String literal(String value) {
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + '\'';
    }
}

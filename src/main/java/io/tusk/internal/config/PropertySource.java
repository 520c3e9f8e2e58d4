package io.tusk.internal.config;

/** Where a property's value came from, in increasing precedence. */
public enum PropertySource {
    /** The property's default. */
    DEFAULT,
    /** A libpq environment variable. */
    ENVIRONMENT,
    /** The connection URL. */
    URL,
    /** The {@code Properties} passed with the URL (they win, see {@link ConnectionUrl}). */
    PROPERTIES
}

package io.tusk.internal.config;

/** pgjdbc's {@code stringtype}: the type announced for {@code setString} parameters. */
public enum StringType {
    /**
     * No type: the server infers it from the context, so a string can feed an integer, uuid or
     * json column. Tusk's default, because the engine already asks the server for parameter types
     * (Describe) as asyncpg does.
     */
    UNSPECIFIED,
    /** varchar, pgjdbc's default: {@code WHERE uuid_col = ?} with setString then fails. */
    VARCHAR
}

package io.tusk.internal.codec.array;

import java.sql.SQLException;

/**
 * Turns one element's bytes into the value an array is being read as: the element codec's
 * {@code decodeObject}, {@code decodeString} or {@code decode(type, …)}. The slice is exactly one
 * non-NULL element, in the wire format given.
 */
@FunctionalInterface
interface ElementReader {
    Object read(byte[] buf, int offset, int length, boolean binary) throws SQLException;
}
